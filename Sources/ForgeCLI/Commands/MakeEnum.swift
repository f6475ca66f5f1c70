import ArgumentParser
import Foundation
import ForgeCore

struct MakeEnum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:enum",
        abstract: "Generate a string enum the API and the database can hold.",
        discussion: "Example:\n  forge make:enum OrderStatus -v pending -v paid -v shipped"
    )

    @Argument(help: "The enum's name, e.g. OrderStatus.")
    var name: String

    @Option(name: [.short, .customLong("value")], help: "A value; repeat for each.")
    var values: [String] = []

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        try output.write(try workspace.components.enumeration(name, values: values), in: workspace, command: "make:enum",
                         upToDate: "enum \(name) is up to date: nothing to write.")
    }
}
