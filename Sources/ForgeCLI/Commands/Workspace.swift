import ArgumentParser
import Foundation
import ForgeCore

/// The app a `make:*` command works in, and the templates it renders: the project's published
/// ones first, then forge's own.
struct Workspace {
    let project: Project
    let templates: TemplateLibrary

    /// The current project, or a one-line error saying the command must run inside one.
    static func current() throws -> Workspace {
        let project = try Console.project()
        return Workspace(project: project, templates: try Installation.locate().templates(projectRoot: project.root))
    }

    var resources: ResourceGenerator { ResourceGenerator(manifest: project.manifest, templates: templates) }
    var components: ComponentGenerator { ComponentGenerator(manifest: project.manifest, templates: templates) }

    /// Whether `name` is a resource stored in forge.yaml.
    func hasResource(_ name: String) -> Bool {
        project.manifest.resources.contains { $0.name == name }
    }
}
