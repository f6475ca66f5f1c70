import ArgumentParser
import Foundation
import ForgeCore

struct DBRollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:rollback",
        abstract: "Revert the last batch of migrations, or the last N migrations.",
        discussion: """
        Each migration is reverted in its own transaction, newest first. Refuses under
        APP_ENV=production unless --force.

        Examples:
          forge db:rollback
          forge db:rollback --steps 2
        """
    )

    @Option(help: "Revert this many migrations, whatever their batch.")
    var steps: Int?

    @Flag(help: "Run even with APP_ENV=production.")
    var force = false

    func run() throws {
        try AppProcess.forward(["rollback"] + (steps.map { ["--steps", String($0)] } ?? []) + (force ? ["--force"] : []))
    }
}
