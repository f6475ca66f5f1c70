import ArgumentParser
import Foundation
import ForgeCore

struct DBFresh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:fresh",
        abstract: "Drop every table and migrate from scratch, then seed with --seed.",
        discussion: """
        Refuses under APP_ENV=production unless --force.

        Examples:
          forge db:fresh
          forge db:fresh --seed --count 50
        """
    )

    @Flag(help: "Run every seeder afterwards.")
    var seed = false

    @Option(help: "Rows per seeder with --seed.")
    var count: Int = 10

    @Flag(help: "Run even with APP_ENV=production.")
    var force = false

    func run() throws {
        var arguments = ["fresh"]
        if seed { arguments += ["--seed", "--count", String(count)] }
        if force { arguments.append("--force") }
        try AppProcess.forward(arguments)
    }
}
