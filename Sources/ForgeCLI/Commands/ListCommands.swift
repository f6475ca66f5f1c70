import ArgumentParser
import ForgeCore

struct ListCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every command with a one-line description.",
        discussion: "Example:\n  forge list"
    )

    func run() {
        let commands = Forge.configuration.subcommands.map { ($0._commandName, $0.configuration.abstract) }
        let width = commands.map(\.0.count).max() ?? 0
        for (name, abstract) in commands {
            Console.out("  \(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(abstract)")
        }
    }
}
