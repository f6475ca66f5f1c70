import ArgumentParser
import ForgeCore

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print forge's version.", discussion: "Example:\n  forge version")

    func run() {
        Console.out("forge \(ForgeVersion.current)")
    }
}
