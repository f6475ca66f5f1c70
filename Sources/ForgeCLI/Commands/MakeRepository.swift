import ArgumentParser
import Foundation
import ForgeCore

struct MakeRepository: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:repository",
        abstract: "Generate a resource's repository (data access) from forge.yaml.",
        discussion: "Example:\n  forge make:model Tag -f name:string:required -m && forge make:repository Tag"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.repository) }
}
