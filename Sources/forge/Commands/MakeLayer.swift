import ArgumentParser
import Foundation
import ForgeCore

/// One layer of a resource stored in forge.yaml, regenerated from its fields; some commands
/// make a standalone artifact instead when NAME is not a resource.
struct LayerOptions: ParsableArguments {
    @Argument(help: "A resource in forge.yaml (e.g. Post), or for commands that allow it, a new name.")
    var name: String

    @OptionGroup var output: WriteOptions

    /// Renders `layer` of resource `name`, or `standalone` when forge.yaml has no such resource.
    func run(_ layer: Manifest.Layer, standalone: ((Workspace) throws -> GenerationPlan)? = nil) throws {
        let workspace = try Workspace.current()
        let plan: GenerationPlan
        if let standalone, !workspace.hasResource(name) {
            plan = try standalone(workspace)
        } else {
            plan = try workspace.resources.plan(layer: layer, name: name)
        }
        let registers = [Manifest.Layer.migration, .controller, .seeder].contains(layer)
        try output.write(plan, in: workspace, command: "make:\(layer.rawValue)",
                         upToDate: "\(name)'s \(layer.rawValue) is up to date: nothing to write.",
                         next: registers ? ["forge route:list"] : ["swift build"])
    }
}

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

struct MakeRepository: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:repository",
        abstract: "Generate a resource's repository (data access) from forge.yaml.",
        discussion: "Example:\n  forge make:model Tag -f name:string:required -m && forge make:repository Tag"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.repository) }
}

struct MakeRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:request",
        abstract: "Generate a resource's create/update request DTOs from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:request Post --force"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.request) }
}

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

struct MakeFactory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:factory",
        abstract: "Generate a resource's factory (valid fake drafts) from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:factory Post --dry-run"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.factory) }
}

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

struct DBSeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:seed",
        abstract: "Insert factory-made rows with the app's seeders.",
        discussion: """
        Builds the app if its sources changed, then runs its own `seed` command: every seeder in
        registry order (referenced tables first), or only --seeder. Each seeder inserts --count
        rows (default 10) in one transaction and reports how many the table gained.

        Examples:
          forge db:seed
          forge db:seed --seeder Post --count 500
        """
    )

    @Option(help: "Only this resource's seeder, e.g. Post.")
    var seeder: String?

    @Option(help: "Rows per seeder.")
    var count: Int = 10

    func run() throws {
        try AppCommand.forward(["seed", "--count", String(count)] + (seeder.map { ["--seeder", $0] } ?? []))
    }
}
