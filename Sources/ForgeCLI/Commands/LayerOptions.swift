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
        try output.write(plan, in: workspace, command: "make:\(layer.rawValue)",
                         upToDate: "\(name)'s \(layer.rawValue) is up to date: nothing to write.",
                         next: Self.nextSteps(after: layer, name: name))
    }

    /// What to run after writing `layer`: the command that uses what was just written.
    static func nextSteps(after layer: Manifest.Layer, name: String) -> [String] {
        switch layer {
        case .migration: ["forge db:migrate"]
        case .controller: ["forge route:list"]
        case .seeder: ["forge db:seed --seeder \((try? ResourceName(name).type) ?? name)"]
        case .test: ["swift test"]
        case .model, .repository, .request, .response, .service, .factory: ["swift build"]
        }
    }
}
