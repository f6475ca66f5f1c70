import ArgumentParser
import Foundation
import ForgeCore

struct MakeMiddleware: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:middleware",
        abstract: "Generate middleware run on every request, and register it.",
        discussion: "Example:\n  forge make:middleware Audit"
    )

    @Argument(help: "The middleware's name, e.g. Audit.")
    var name: String

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        try output.write(try workspace.components.middleware(name), in: workspace, command: "make:middleware",
                         upToDate: "\(name) middleware is up to date: nothing to write.", next: ["swift build"])
    }
}
