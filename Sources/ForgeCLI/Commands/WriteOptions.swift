import ArgumentParser
import Foundation
import ForgeCore

/// The flags every `make:*` command shares, and how its plan reaches the disk.
struct WriteOptions: ParsableArguments {
    @Flag(help: "Overwrite files you edited since forge wrote them, instead of merging.")
    var force = false

    @Flag(help: "Write git-style conflict markers where your edits and forge's change collide (exits non-zero).")
    var merge = false

    @Flag(help: "Print what would change as unified diffs, and write nothing.")
    var dryRun = false

    @Flag(help: "Print the result as JSON (created, updated, skipped, conflicts, next).")
    var json = false

    /// Writes `plan` into `project` all or nothing, then reports it; conflicts exit non-zero.
    func write(_ plan: GenerationPlan, in workspace: Workspace, command: String, upToDate: String, next: [String] = []) throws {
        for warning in workspace.templates.staleOverrides() {
            Console.progress(warning)
        }
        let changes = FileChangeSet(root: workspace.project.root, files: plan.files, deletions: plan.deletions, force: force, writeConflictMarkers: merge)
        var outcome = changes.plan()
        if dryRun {
            if json {
                try printJSON(MakeReport(command: command, dryRun: true, outcome: outcome, next: next))
            } else {
                Console.out(changes.diff(outcome), terminator: "")
                Console.report(outcome, dryRun: true, upToDate: upToDate)
            }
            if !outcome.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        if outcome.conflicts.isEmpty || outcome.markersWritten {
            outcome = try changes.apply()
        }
        if json {
            try printJSON(MakeReport(command: command, dryRun: false, outcome: outcome, next: next))
            if !outcome.conflicts.isEmpty { throw ExitCode(1) }
            return
        }
        if !outcome.conflicts.isEmpty {
            Console.report(outcome, dryRun: !outcome.markersWritten, upToDate: upToDate)
            throw outcome.markersWritten ? FileChangeSet.markersError(outcome.conflicts) : FileChangeSet.conflictError(outcome.conflicts)
        }
        Console.report(outcome, dryRun: false, upToDate: upToDate)
        if outcome.changedAnything, !next.isEmpty {
            Console.out("Next: " + next.joined(separator: " && "))
        }
    }

    private func printJSON(_ report: MakeReport) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        Console.out(String(decoding: try encoder.encode(report), as: UTF8.self))
    }
}
