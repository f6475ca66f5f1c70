import ArgumentParser
import Foundation
import ForgeCore

struct MakeException: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:exception",
        abstract: "Generate an error the API answers with a status of your choice.",
        discussion: "Example:\n  forge make:exception PaymentRequired -s 402"
    )

    @Argument(help: "The error's name, e.g. PaymentRequired.")
    var name: String

    @Option(name: [.short, .customLong("status")], help: "The HTTP status, 400-599.")
    var status: Int = 400

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        try output.write(try workspace.components.exception(name, status: status), in: workspace, command: "make:exception",
                         upToDate: "\(name) is up to date: nothing to write.")
    }
}
