import ArgumentParser
import Foundation
@testable import ForgeCLI
import Testing

@Suite struct CommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var subcommandNames: [String] {
        Forge.configuration.subcommands.map { $0._commandName }
    }

    @Test func everySubcommandHasAUniqueName() {
        let names = Self.subcommandNames
        #expect(Set(names).count == names.count)
    }

    /// docs/commands.md is the contract: every command it documents answers to that name, and
    /// every command forge has is documented there.
    @Test func theCommandsAreTheOnesTheDocsName() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/commands.md"), encoding: .utf8)
        var documented = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix("| `forge ") {
            // The first cell names one command, or several as `forge a NAME` / `b NAME`.
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            for usage in cell.components(separatedBy: " / ") {
                let words = usage.trimmingCharacters(in: CharacterSet(charactersIn: "` ")).split(separator: " ")
                let name = words.first == "forge" ? words.dropFirst().first : words.first
                if let name { documented.insert(String(name)) }
            }
        }
        let names = Set(Self.subcommandNames)
        #expect(documented.subtracting(names).sorted() == [])
        #expect(names.subtracting(documented).sorted() == [])
    }
}
