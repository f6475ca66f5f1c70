import ArgumentParser
import Foundation
import ForgeCore

struct DBStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:status",
        abstract: "List applied (with batch), pending and orphaned migrations.",
        discussion: """
        Orphaned migrations are recorded as applied but no longer in the code.

        Examples:
          forge db:status
          forge db:status --json
        """
    )

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        try AppProcess.forward(["status"] + (json ? ["--json"] : []))
    }
}
