import ArgumentParser
import Foundation
import ForgeCore

/// `forge upgrade`: the app's generated files rendered again by the installed forge.
struct Upgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade",
        abstract: "Render every generated file again from this forge's templates, merging your edits.",
        discussion: """
        Run it after upgrading forge. Every layer of every resource, every registered controller,
        route group, middleware and seeder, forge.yaml and the registry are rendered again; files
        you edited are merged three-way (a conflict stops the command, --merge writes markers,
        --force overwrites). Migrations are never rendered again. Running it twice changes nothing.

        Examples:
          forge upgrade --dry-run
          forge upgrade
        """
    )

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan = try AppUpgrade(manifest: workspace.project.manifest, templates: workspace.templates).plan()
        try output.write(plan, in: workspace, command: "upgrade", upToDate: "Every generated file is up to date.", next: ["swift build", "swift test"])
    }
}
