import ArgumentParser
import Foundation
import ForgeCore

struct MakeRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:request",
        abstract: "Generate a resource's create/update request DTOs from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:request Post --force"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.request) }
}
