import ArgumentParser
import Foundation
import ForgeCore

/// The flags every `make:*` command shares, and how its plan reaches the disk.
struct WriteOptions: ParsableArguments {
    @Flag(help: "Overwrite files you edited since forge wrote them.")
    var force = false

    @Flag(help: "Print what would change as unified diffs, and write nothing.")
    var dryRun = false

    @Flag(help: "Print the result as JSON (created, updated, skipped, conflicts, next).")
    var json = false

    /// Writes `plan` into `project` all or nothing, then reports it; conflicts exit non-zero.
    func write(_ plan: GenerationPlan, in workspace: Workspace, command: String, upToDate: String, next: [String] = []) throws {
        for warning in workspace.templates.staleOverrides() {
            Console.progress(warning)
        }
        let changes = FileChangeSet(root: workspace.project.root, files: plan.files, force: force)
        var outcome = changes.plan()
        if dryRun {
            if json {
                try printJSON(MakeReport(command: command, dryRun: true, outcome: outcome, next: next))
            } else {
                print(changes.diff(outcome), terminator: "")
                Console.report(outcome, dryRun: true, upToDate: upToDate)
            }
            if !outcome.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        if outcome.conflicts.isEmpty {
            outcome = try changes.apply()
        }
        if json {
            try printJSON(MakeReport(command: command, dryRun: false, outcome: outcome, next: next))
            if !outcome.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        guard outcome.conflicts.isEmpty else { throw FileChangeSet.conflictError(outcome.conflicts) }
        Console.report(outcome, dryRun: false, upToDate: upToDate)
        if outcome.changedAnything, !next.isEmpty {
            print("Next: " + next.joined(separator: " && "))
        }
    }

    private func printJSON(_ report: MakeReport) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}

/// The app a `make:*` command works in, and the templates it renders: the project's published
/// ones first, then forge's own.
struct Workspace {
    let project: Project
    let templates: TemplateLibrary

    /// The current project, or a one-line error saying the command must run inside one.
    static func current() throws -> Workspace {
        let project = try Console.project()
        return Workspace(project: project, templates: try Installation.locate().templates(projectRoot: project.root))
    }

    var resources: ResourceGenerator { ResourceGenerator(manifest: project.manifest, templates: templates) }
    var components: ComponentGenerator { ComponentGenerator(manifest: project.manifest, templates: templates) }

    /// Whether `name` is a resource stored in forge.yaml.
    func hasResource(_ name: String) -> Bool {
        project.manifest.resources.contains { $0.name == name }
    }
}
