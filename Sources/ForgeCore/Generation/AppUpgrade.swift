/// `forge upgrade`: every generated file of the app rendered again from the installed forge's
/// templates, for the same three-way merge every regeneration goes through.
///
/// Rendered: every layer of every resource, every registered controller, route group,
/// middleware and seeder, and the forge-owned files. Never rendered: migrations (they may have
/// run somewhere; a template change must not rewrite history), the app skeleton (`.env` holds
/// its secrets; Package.swift and App.swift are the user's from day one), and standalone
/// services, tests, enums and exceptions (forge.yaml does not record them).
public struct AppUpgrade {
    public let manifest: Manifest
    public let templates: TemplateLibrary

    public init(manifest: Manifest, templates: TemplateLibrary) {
        self.manifest = manifest
        self.templates = templates
    }

    public func plan() throws(ForgeError) -> GenerationPlan {
        let resources = ResourceGenerator(manifest: manifest, templates: templates)
        var files: [GeneratedFile] = []
        for resource in manifest.resources {
            try Manifest.check(resource)
            let layers = Set(Manifest.Layer.allCases).filter { $0 != .migration && resource.has($0) }
            // The header make:resource writes, so an unchanged template renders an unchanged file.
            files += try resources.render(resource, in: manifest, layers: layers, command: "forge make:resource \(resource.name)")
                .files.filter { $0.ownership != .forge }
        }
        let components = ComponentGenerator(manifest: manifest, templates: templates)
        for component in manifest.components ?? [] {
            let plan: GenerationPlan
            switch component.kind {
            case .controller: plan = try components.controller(component.name, protected: component.protected == true)
            case .route: plan = try components.route(component.name, protected: component.protected == true)
            case .middleware: plan = try components.middleware(component.name)
            case .seeder: plan = try components.seeder(component.name)
            case .migration: continue
            }
            files += plan.files.filter { $0.ownership != .forge }
        }
        return GenerationPlan(manifest: manifest, files: files + (try ProjectFiles(manifest: manifest, templates: templates).forgeOwned()))
    }
}
