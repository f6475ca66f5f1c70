import Foundation

/// `forge destroy NAME` and `forge destroy KIND NAME`.
extension ResourceGenerator {
    /// Removes resource `name`: its generated files, its entry in forge.yaml and the registry.
    /// Its migrations are deleted when none of them has run on the app's database (`applied`,
    /// the names recorded there; `nil` when that is unknown, which counts as run); otherwise
    /// they stay, and a new migration drops the table.
    public func destroy(name: String, applied: Set<String>?, date: Date) throws(ForgeError) -> RemovalPlan {
        guard let resource = manifest.resources.first(where: { $0.name == name }) else {
            let known = manifest.resources.map(\.name)
            let kinds = Manifest.Component.Kind.allCases.map(\.rawValue).joined(separator: "|")
            let hint = Suggester.closest(to: name, in: known).map { " — did you mean '\($0)'?" }
                ?? "; for a component, name its kind: forge destroy \(kinds) \(name)"
            throw ForgeError("no resource '\(name)' in forge.yaml\(hint)")
        }
        let referring = manifest.resources.filter { $0.name != name }.flatMap { owner in
            owner.fields.filter { manifest.target(of: $0, owner: owner)?.name == name || $0.type == .many && $0.target == name }
                .map { "\(owner.name).\($0.name)" }
        }
        guard referring.isEmpty else {
            let first = referring[0].split(separator: ".")
            throw ForgeError("forge destroy \(name): \(referring.joined(separator: ", ")) \(referring.count == 1 ? "refers" : "refer") to it; drop \(referring.count == 1 ? "that field" : "those fields") first (forge alter \(first[0]) --drop \(first[1]))")
        }
        let names: ResourceName
        do {
            names = try ResourceName(resource.name, inflector: manifest.inflector)
        } catch {
            throw ForgeError(error)
        }
        let migrations = resource.has(.migration) ? [resource.migration] + (resource.alterations ?? []) : []
        let ran = migrations.contains { applied?.contains($0) ?? true }
        var deletions = Self.layout(names, migrationType: MigrationName.typeName(resource.migration), policy: resource.hasPolicy)
            .filter { $0.layer != .migration && resource.has($0.layer) }.map(\.path)
        var updated = manifest
        updated.resources.removeAll { $0.name == name }
        var components = updated.components ?? []
        var files: [GeneratedFile] = []
        if ran {
            // They may have run anywhere: they stay, registered as components, and one more drops the table.
            components += migrations.map { Manifest.Component(kind: .migration, name: $0) }
            let drop = MigrationName.make("drop_\(resource.table)", at: date, after: manifest.migrationNames)
            components.append(Manifest.Component(kind: .migration, name: drop))
            let context: ResourceContext
            do {
                context = try ResourceContext(resource: resource, manifest: manifest, command: "forge destroy \(name)")
            } catch {
                throw ForgeError(error.description)
            }
            var values = context.values
            values.migrationName = drop
            values.migrationType = MigrationName.typeName(drop)
            files.append(GeneratedFile(path: "Sources/App/Migrations/\(values.migrationType).swift",
                                       contents: try templates.render("component/DropTableMigration.swift", values)))
        } else {
            deletions += migrations.map { "Sources/App/Migrations/\(MigrationName.typeName($0)).swift" }
        }
        updated.components = components.isEmpty ? nil : components
        // The resources it pointed at lose their has-many side.
        var gone = resource
        gone.fields = []
        files += try relatedModels(of: gone, was: resource, in: updated)
        files += try ProjectFiles(manifest: updated, templates: templates).forgeOwned()
        return RemovalPlan(plan: GenerationPlan(manifest: updated, files: files, deletions: deletions), dropsTable: ran)
    }
}

extension ComponentGenerator {
    /// Removes a registered component (`forge destroy controller Billing`): its file, and its
    /// entry in forge.yaml and the registry.
    public func destroy(kind: Manifest.Component.Kind, name: String) throws(ForgeError) -> RemovalPlan {
        let components = manifest.components ?? []
        let type = Self.componentType(name, kind: kind)
        guard let component = components.first(where: { $0.kind == kind && $0.name == type }) else {
            let known = components.filter { $0.kind == kind }.map(\.name)
            let hint = Suggester.closest(to: type, in: known).map { " — did you mean '\($0)'?" }
                ?? (known.isEmpty ? "" : "; \(kind.rawValue)s: \(known.joined(separator: ", "))")
            throw ForgeError("no \(kind.rawValue) '\(name)' in forge.yaml\(hint)")
        }
        guard kind != .migration else {
            throw ForgeError("forge destroy migration \(name): a migration that may have run is never deleted; write one that undoes it (forge make:migration)")
        }
        var updated = manifest
        updated.components = components.filter { $0 != component }
        if updated.components?.isEmpty == true { updated.components = nil }
        let files = try ProjectFiles(manifest: updated, templates: templates).forgeOwned()
        return RemovalPlan(plan: GenerationPlan(manifest: updated, files: files, deletions: [Self.path(of: component)]), dropsTable: false)
    }

    /// `Billing`, `BillingController` and `billing` all name the controller `Billing`.
    static func componentType(_ name: String, kind: Manifest.Component.Kind) -> String {
        let type = name.pascalCased
        let suffix = Self.suffix(of: kind)
        return !suffix.isEmpty && type.hasSuffix(suffix) && type != suffix ? String(type.dropLast(suffix.count)) : type
    }

    /// What a component's type name ends with: `Controller`, `Routes`, `Middleware`, `Seeder`.
    static func suffix(of kind: Manifest.Component.Kind) -> String {
        switch kind {
        case .controller: "Controller"
        case .route: "Routes"
        case .middleware: "Middleware"
        case .seeder: "Seeder"
        case .migration: ""
        }
    }

    /// The file a registered component lives in.
    static func path(of component: Manifest.Component) -> String {
        switch component.kind {
        case .controller: "Sources/App/Controllers/\(component.name)Controller.swift"
        case .route: "Sources/App/Routes/\(component.name)Routes.swift"
        case .middleware: "Sources/App/Middleware/\(component.name)Middleware.swift"
        case .seeder: "Sources/App/Seeders/\(component.name)Seeder.swift"
        case .migration: "Sources/App/Migrations/\(MigrationName.typeName(component.name)).swift"
        }
    }
}
