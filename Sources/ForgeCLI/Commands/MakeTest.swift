import ArgumentParser
import Foundation
import ForgeCore

struct MakeTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:test",
        abstract: "Generate a test suite: a resource's HTTP tests from forge.yaml, or a new suite.",
        discussion: "Examples:\n  forge make:test Post\n  forge make:test Checkout"
    )
    @OptionGroup var options: LayerOptions
    func run() throws {
        try options.run(.test) { try $0.components.test(options.name) }
    }
}
