import ArgumentParser
import Foundation
import ForgeCore

struct MakeController: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:controller",
        abstract: "Generate a controller: a resource's routes from forge.yaml, or a new controller, registered.",
        discussion: """
        For a resource in forge.yaml, renders its controller (and any layer it needs that was
        never generated). For any other name, writes <Name>Controller with a GET /api/<name>
        route and registers it in the registry.

        Examples:
          forge make:controller Post
          forge make:controller Search --protected
        """
    )
    @OptionGroup var options: LayerOptions
    @Flag(help: "Put a new controller's routes behind authentication.")
    var protected = false
    func run() throws {
        try options.run(.controller) { try $0.components.controller(options.name, protected: protected) }
    }
}
