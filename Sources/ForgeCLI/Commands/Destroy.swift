import ArgumentParser
import Foundation
import ForgeCore

/// `forge destroy NAME` and `forge destroy KIND NAME`.
struct Destroy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Remove a resource or a registered component, and forget it in forge.yaml and the registry.",
        discussion: """
        Deletes the files forge wrote that nobody edited; an edited one stops the command (nothing
        is deleted) unless --force. A resource's migrations are deleted when none of them has run
        on the app's database (forge asks the app, building it if needed); otherwise they stay and
        a new migration drops the table. A resource other resources refer to is refused, naming them.

        Examples:
          forge destroy Tag --dry-run
          forge destroy Tag
          forge destroy controller Billing
        """
    )

    @Argument(help: "A resource's name, or a component kind (controller, route, middleware, seeder) followed by its name.")
    var first: String

    @Argument(help: "The component's name, when the first argument is its kind.")
    var second: String?

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        guard let name = second else {
            let resource = workspace.project.manifest.resources.first { $0.name == first }
            let applied = resource.map { $0.has(.migration) } == true ? Self.appliedMigrations() : []
            if applied == nil {
                Console.progress("could not ask the app which migrations ran; keeping them and dropping the table in a new migration")
            }
            let removal = try workspace.resources.destroy(name: first, applied: applied, date: Date())
            try output.write(removal.plan, in: workspace, command: "destroy", upToDate: "\(first) is already gone.",
                             next: removal.dropsTable ? ["forge db:migrate"] : ["swift build"])
            return
        }
        guard let kind = Manifest.Component.Kind(rawValue: first) else {
            let kinds = Manifest.Component.Kind.allCases.filter { $0 != .migration }.map(\.rawValue)
            throw ValidationError("'\(first)' is not a component kind; give one of \(kinds.joined(separator: ", ")), or a resource's name alone")
        }
        let removal = try workspace.components.destroy(kind: kind, name: name)
        try output.write(removal.plan, in: workspace, command: "destroy", upToDate: "\(name) is already gone.", next: ["swift build"])
    }

    /// The migrations recorded as applied in the app's database, or `nil` when the app cannot
    /// say (it does not build, or its database is unreachable).
    static func appliedMigrations() -> Set<String>? {
        struct Status: Decodable {
            struct Applied: Decodable { let name: String }
            let applied: [Applied]
        }
        guard let builder = try? AppProcess.builder(), (try? builder.buildIfNeeded(log: Console.progress)) != nil,
              let output = try? Subprocess.capture([builder.project.executable.path, "status", "--json"], in: builder.project.root),
              output.status == 0,
              let status = try? JSONDecoder().decode(Status.self, from: Data(output.stdout.utf8))
        else { return nil }
        return Set(status.applied.map(\.name))
    }
}
