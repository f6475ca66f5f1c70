import ArgumentParser
@testable import ForgeCLI
import Testing

@Suite struct CommandTests {
    @Test func everySubcommandHasAUniqueName() {
        let names = Forge.configuration.subcommands.map { $0._commandName }
        #expect(Set(names).count == names.count)
    }
}
