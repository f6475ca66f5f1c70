import ArgumentParser
import Foundation
import ForgeCore

struct MakeSeeder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:seeder",
        abstract: "Generate a seeder: a resource's from forge.yaml, or a new one; registered either way.",
        discussion: "Examples:\n  forge make:seeder Post && forge db:seed --seeder Post --count 500\n  forge make:seeder Demo"
    )
    @OptionGroup var options: LayerOptions
    func run() throws {
        try options.run(.seeder) { try $0.components.seeder(options.name) }
    }
}
