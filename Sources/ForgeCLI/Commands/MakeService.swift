import ArgumentParser
import Foundation
import ForgeCore

struct MakeService: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:service",
        abstract: "Generate a service: a resource's from forge.yaml, or a new one owning its transactions.",
        discussion: "Examples:\n  forge make:service Post\n  forge make:service Billing"
    )
    @OptionGroup var options: LayerOptions
    func run() throws {
        try options.run(.service) { try $0.components.service(options.name) }
    }
}
