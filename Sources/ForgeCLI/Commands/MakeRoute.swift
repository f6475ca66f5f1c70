import ArgumentParser
import Foundation
import ForgeCore

struct MakeRoute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:route",
        abstract: "Generate a route group (<Name>Routes under /api/<name>) and register it.",
        discussion: "Examples:\n  forge make:route Webhooks\n  forge make:route Account --protected"
    )

    @Argument(help: "The group's name, e.g. Webhooks.")
    var name: String

    @Flag(help: "Put the routes behind authentication (Authorization: Bearer <access token>).")
    var protected = false

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan = try workspace.components.route(name, protected: protected)
        try output.write(plan, in: workspace, command: "make:route", upToDate: "\(name) routes are up to date: nothing to write.",
                         next: ["forge route:list"])
    }
}
