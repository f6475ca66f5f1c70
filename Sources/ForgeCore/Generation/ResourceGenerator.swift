import Foundation

/// Turns `make:resource NAME -f SPEC...` into the resource's files and the updated manifest.
///
/// Data flows one way: specs → ``Manifest/Resource`` → rendered files. Nothing is written here.
public struct ResourceGenerator {
    public let manifest: Manifest
    public let templates: TemplateLibrary

    public init(manifest: Manifest, templates: TemplateLibrary) {
        self.manifest = manifest
        self.templates = templates
    }

    /// The result of planning one resource.
    public struct Plan {
        /// The manifest with the resource added or replaced.
        public var manifest: Manifest
        /// Every file to write: the resource's layers, its test, the registry and `forge.yaml`.
        public var files: [GeneratedFile]
    }

    /// The templates one resource is rendered from, with the path each file goes to.
    static func layout(_ names: ResourceName, migrationType: String) -> [(template: String, path: String)] {
        [
            ("resource/Model.swift", "Sources/App/Models/\(names.type).swift"),
            ("resource/CreateRequest.swift", "Sources/App/DTOs/Create\(names.type)Request.swift"),
            ("resource/UpdateRequest.swift", "Sources/App/DTOs/Update\(names.type)Request.swift"),
            ("resource/Response.swift", "Sources/App/DTOs/\(names.type)Response.swift"),
            ("resource/Migration.swift", "Sources/App/Migrations/\(migrationType).swift"),
            ("resource/Factory.swift", "Sources/App/Factories/\(names.type)Factory.swift"),
            ("resource/Seeder.swift", "Sources/App/Seeders/\(names.type)Seeder.swift"),
            ("resource/Repository.swift", "Sources/App/Repositories/\(names.type)Repository.swift"),
            ("resource/Service.swift", "Sources/App/Services/\(names.type)Service.swift"),
            ("resource/Controller.swift", "Sources/App/Controllers/\(names.type)Controller.swift"),
            ("resource/Tests.swift", "Tests/AppTests/\(names.type)Tests.swift"),
        ]
    }

    /// Ties every reference to the resource it names: `references/User` gains the foreign key
    /// to `users.id`, and fastpy's `foreign:users.id` gains its target. An unknown target is an
    /// error, since the table must exist before rows can point at it.
    func resolveReferences(_ fields: [Field], of names: ResourceName, specs: [String]) throws(ForgeError) -> [Field] {
        var resolved: [Field] = []
        for (field, spec) in zip(fields, specs) {
            var field = field
            let known = manifest.resources.map { ($0.name, $0.table) } + [(names.type, names.table)]
            let target: (name: String, table: String)?
            if field.type == .reference {
                target = known.first { $0.0 == field.target }
                guard let target else {
                    let suggestion = Suggester.closest(to: field.target ?? "", in: known.map(\.0)).map { " — did you mean '\($0)'?" } ?? ""
                    throw ForgeError("'\(spec)' refers to resource '\(field.target ?? "")', which this app does not have; make it first with forge make:resource \(field.target ?? "")\(suggestion)")
                }
                if field.foreignKey == nil { field.rules.append(.foreign(table: target.table, column: "id")) }
            } else if let key = field.foreignKey {
                target = known.first { $0.1 == key.table }
                guard let target else {
                    let suggestion = Suggester.closest(to: key.table, in: known.map(\.1)).map { " — did you mean '\($0).id'?" } ?? ""
                    throw ForgeError("'\(spec)' has a foreign key to table '\(key.table)', which no resource of this app creates\(suggestion)")
                }
                field.target = target.name
            } else {
                target = nil
            }
            if let target {
                if manifest.app.ids == .dual, field.type != .reference {
                    throw ForgeError("'\(spec)': this app's API never shows integer ids, so refer to rows with a reference instead, as in \(field.relation.snakeCased):references/\(target.name)")
                }
                var order = manifest.resources.map(\.name)
                if !order.contains(names.type) { order.append(names.type) }
                // Migrations and seeders run in manifest order; a table can only point back.
                if let mine = order.firstIndex(of: names.type), let theirs = order.firstIndex(of: target.name), theirs > mine {
                    throw ForgeError("'\(spec)': \(names.type)'s table is created before \(target.name)'s, so it cannot point at it; give \(target.name) the reference instead, or make a new resource")
                }
                if target.name == names.type, field.isRequired {
                    throw ForgeError("'\(spec)': a required reference to its own resource leaves no way to make the first row; drop 'required'")
                }
            }
            resolved.append(field)
        }
        return resolved
    }

    /// Plans resource `name` with `specs`, made at `date` (which stamps a new migration).
    ///
    /// A resource already in the manifest keeps its migration name, so running the same
    /// command again renders identical files.
    public func plan(name: String, specs: [String], softDeletes: Bool = false, date: Date) throws(ForgeError) -> Plan {
        let names: ResourceName
        let fields: [Field]
        do {
            names = try ResourceName(name, inflector: manifest.inflector)
            fields = try FieldSpecParser.parse(specs)
        } catch {
            throw ForgeError(error.description)
        }
        guard !fields.isEmpty else {
            throw ForgeError("make:resource \(name) needs at least one field: -f name:type[:rules], for example -f title:string:required")
        }
        if let clash = manifest.resources.first(where: { $0.table == names.table && $0.name != names.type }) {
            throw ForgeError("resource '\(names.type)' would use table '\(names.table)', which '\(clash.name)' already uses")
        }
        let existing = manifest.resources.first { $0.name == names.type }
        let resource = Manifest.Resource(
            name: names.type,
            table: names.table,
            migration: existing?.migration ?? MigrationName.make("create_\(names.table)", at: date),
            fields: try resolveReferences(fields, of: names, specs: specs),
            softDeletes: softDeletes
        )
        var updated = manifest
        if let index = updated.resources.firstIndex(where: { $0.name == names.type }) {
            updated.resources[index] = resource
        } else {
            updated.resources.append(resource)
        }
        let command = "forge make:resource \(names.type)"
        let context: ResourceContext
        do {
            context = try ResourceContext(resource: resource, manifest: updated, command: command)
        } catch {
            throw ForgeError(error.description)
        }
        let values = context.values
        var files: [GeneratedFile] = []
        for (template, path) in Self.layout(names, migrationType: context.migrationType) {
            files.append(GeneratedFile(path: path, contents: try templates.render(template, values)))
        }
        files += try ProjectFiles(manifest: updated, templates: templates).forgeOwned()
        return Plan(manifest: updated, files: files)
    }

    /// One layer of a resource that `make:resource` already stored, regenerated from the fields
    /// in `forge.yaml`: `make:request`, `make:test`, `make:factory`, `make:seeder`.
    public enum Layer: String, Sendable, CaseIterable {
        case request, test, factory, seeder

        var templates: [String] {
            switch self {
            case .request: ["resource/CreateRequest.swift", "resource/UpdateRequest.swift"]
            case .test: ["resource/Tests.swift"]
            case .factory: ["resource/Factory.swift"]
            case .seeder: ["resource/Seeder.swift"]
            }
        }
    }

    /// Plans `layer` of stored resource `name`, plus the forge-owned files.
    public func plan(layer: Layer, name: String) throws(ForgeError) -> Plan {
        guard let resource = manifest.resources.first(where: { $0.name == name }) else {
            let known = manifest.resources.map(\.name)
            let hint = Suggester.closest(to: name, in: known).map { " — did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; make it first with forge make:resource \(name) -f name:type" : "; resources: \(known.joined(separator: ", "))")
            throw ForgeError("no resource '\(name)' in forge.yaml\(hint)")
        }
        try Manifest.check(resource)
        let context: ResourceContext
        do {
            // The same header make:resource wrote, so an untouched file regenerates byte for byte.
            context = try ResourceContext(resource: resource, manifest: manifest, command: "forge make:resource \(name)")
        } catch {
            throw ForgeError(error.description)
        }
        let values = context.values
        var files: [GeneratedFile] = []
        for (template, path) in Self.layout(context.names, migrationType: context.migrationType) where layer.templates.contains(template) {
            files.append(GeneratedFile(path: path, contents: try templates.render(template, values)))
        }
        files += try ProjectFiles(manifest: manifest, templates: templates).forgeOwned()
        return Plan(manifest: manifest, files: files)
    }
}
