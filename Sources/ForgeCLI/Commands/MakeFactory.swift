import ArgumentParser
import Foundation
import ForgeCore

struct MakeFactory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:factory",
        abstract: "Generate a resource's factory (valid fake drafts) from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:factory Post --dry-run"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.factory) }
}
