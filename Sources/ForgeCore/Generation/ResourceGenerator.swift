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
    public typealias Plan = GenerationPlan

    /// The templates one resource is rendered from, with the layer each belongs to and the path
    /// each file goes to.
    static func layout(_ names: ResourceName, migrationType: String, policy: Bool = false) -> [(layer: Manifest.Layer, template: String, path: String)] {
        (policy ? [(.service, "resource/Policy.swift", "Sources/App/Policies/\(names.type)Policy.swift")] : []) + [
            (.model, "resource/Model.swift", "Sources/App/Models/\(names.type).swift"),
            (.request, "resource/CreateRequest.swift", "Sources/App/DTOs/Create\(names.type)Request.swift"),
            (.request, "resource/UpdateRequest.swift", "Sources/App/DTOs/Update\(names.type)Request.swift"),
            (.response, "resource/Response.swift", "Sources/App/DTOs/\(names.type)Response.swift"),
            (.migration, "resource/Migration.swift", "Sources/App/Migrations/\(migrationType).swift"),
            (.factory, "resource/Factory.swift", "Sources/App/Factories/\(names.type)Factory.swift"),
            (.seeder, "resource/Seeder.swift", "Sources/App/Seeders/\(names.type)Seeder.swift"),
            (.repository, "resource/Repository.swift", "Sources/App/Repositories/\(names.type)Repository.swift"),
            (.service, "resource/Service.swift", "Sources/App/Services/\(names.type)Service.swift"),
            (.controller, "resource/Controller.swift", "Sources/App/Controllers/\(names.type)Controller.swift"),
            (.test, "resource/Tests.swift", "Tests/AppTests/\(names.type)Tests.swift"),
        ]
    }

    /// Plans resource `name` with `specs`, made at `date` (which stamps a new migration).
    ///
    /// A resource already in the manifest keeps its migration name, so running the same
    /// command again renders identical files; with no specs it keeps its stored fields too.
    /// `layers` limits what is rendered (`make:model` renders the model, and with `-m` the
    /// migration); `nil` renders every layer.
    public func plan(name: String, specs: [String], softDeletes: Bool = false, protected: Bool = false, owned: Bool = false,
                     role: String? = nil, readRole: String? = nil,
                     layers: [Manifest.Layer]? = nil, drop: Bool = false, date: Date) throws(ForgeError) -> Plan {
        let names: ResourceName
        let parsed: [Field]
        do {
            names = try ResourceName(name, inflector: manifest.inflector)
            parsed = try FieldSpecParser.parse(specs)
        } catch {
            throw ForgeError(error)
        }
        let existing = manifest.resources.first { $0.name == names.type }
        let command = layers == nil ? "make:resource" : "make:model"
        if owned, !protected {
            throw ForgeError("\(command) \(names.type) --owned: rows that belong to their users need a signed-in caller; add -p (forge make:resource \(names.type) -p --owned)", isUsageError: true)
        }
        if protected { try manifest.requireAuth(for: "forge make:resource \(names.type) -p\(owned ? " --owned" : "")") }
        if owned, let existing, existing.owned != true {
            throw ForgeError("\(command) \(names.type) --owned: \(existing.table) already exists without an owner column; give its rows one with forge alter \(names.type) --owned (existing rows go to the first account)")
        }
        let isOwned = owned || existing?.owned == true
        for (option, value) in [("--role", role), ("--read-role", readRole)] {
            guard let value else { continue }
            guard protected || existing?.protected == true else {
                throw ForgeError("\(command) \(names.type) \(option) \(value): a role needs a signed-in caller; add -p", isUsageError: true)
            }
            if let problem = Self.roleProblem(value) { throw ForgeError("\(option) \(value): \(problem)", isUsageError: true) }
        }
        let fields: [Field]
        if parsed.isEmpty, let existing {
            try Manifest.check(existing)
            fields = existing.fields
        } else if parsed.isEmpty {
            throw ForgeError("\(command) \(name) needs at least one field: -f name:type[:rules], for example -f title:string:required")
        } else {
            if layers != nil, let existing, existing.layers == nil {
                throw ForgeError("make:model \(names.type): \(names.type) already has every layer; change its fields with forge make:resource \(names.type) -f ..., which regenerates them together")
            }
            guard parsed.contains(where: \.isColumn) else {
                throw ForgeError("\(command) \(name) needs at least one column besides its many-to-many relations, for example -f name:string:required")
            }
            fields = try manifest.resolveReferences(parsed, of: names, specs: specs, owned: isOwned,
                                                    protected: protected || isOwned || existing?.protected == true)
            // A rerun with other fields is a change of the table: the same plan as `forge alter`.
            if layers == nil, let existing, existing.layers == nil, existing.fields != fields {
                return try alter(name: existing.name, Self.alteration(from: existing, to: fields, specs: specs, drop: drop), date: date)
            }
        }
        if let clash = manifest.resources.first(where: { $0.table == names.table && $0.name != names.type }) {
            throw ForgeError("resource '\(names.type)' would use table '\(names.table)', which '\(clash.name)' already uses")
        }
        for owner in manifest.resources where owner.name != names.type {
            if let link = owner.fields.first(where: { manifest.links(of: $0, owner: owner.name)?.pivot == names.table }) {
                throw ForgeError("resource '\(names.type)' would use table '\(names.table)', which is the pivot of \(owner.name).\(link.name)")
            }
        }
        var rendered = layers.map(Manifest.Layer.closure(of:)) ?? Set(Manifest.Layer.allCases)
        // Once altered, the table is no longer what its create migration makes; that file stays as it ran.
        if existing?.alterations != nil { rendered.remove(.migration) }
        // make:model records what it rendered on top of what the resource had; a resource that
        // has every layer (or make:resource) keeps them all.
        let stored: [Manifest.Layer]?
        if layers == nil || (existing != nil && existing?.layers == nil) {
            stored = nil
        } else {
            stored = Array(rendered.union(existing?.layers ?? []))
        }
        var resource = Manifest.Resource(
            name: names.type,
            table: names.table,
            migration: existing?.migration ?? MigrationName.make("create_\(names.table)", at: date, after: manifest.migrationNames),
            fields: fields,
            softDeletes: softDeletes || (parsed.isEmpty && existing?.softDeletes == true),
            // An owned resource stays protected and owned: dropping either would show everyone's rows.
            protected: protected || isOwned || role != nil || readRole != nil || existing?.hasPolicy == true
                || (parsed.isEmpty && existing?.protected == true),
            owned: isOwned,
            layers: stored
        )
        resource.role = role ?? existing?.role
        resource.readRole = readRole ?? existing?.readRole
        resource.policy = existing?.policy
        var updated = manifest
        if let index = updated.resources.firstIndex(where: { $0.name == names.type }) {
            updated.resources[index] = resource
        } else {
            updated.resources.append(resource)
        }
        var plan = try render(resource, in: updated, layers: rendered, command: "forge \(command) \(names.type)")
        plan.files += try relatedModels(of: resource, was: existing, in: updated)
        return plan
    }

    /// The model and response files of the resources `resource` points at (now, or before as
    /// `was`), rendered again in `manifest` so their has-many side (`post.comments(on:)`,
    /// `include=comments`) follows its references;
    /// written through the same merge as every regeneration, so edits there are kept.
    func relatedModels(of resource: Manifest.Resource, was previous: Manifest.Resource?, in manifest: Manifest) throws(ForgeError) -> [GeneratedFile] {
        let owners = [(resource, manifest), previous.map { ($0, self.manifest) }].compactMap { $0 }
        var targets: [String] = []
        for (owner, context) in owners {
            for field in owner.fields {
                if let target = context.target(of: field, owner: owner)?.name, target != resource.name, !targets.contains(target) {
                    targets.append(target)
                }
            }
        }
        var files: [GeneratedFile] = []
        for target in targets {
            guard let related = manifest.resources.first(where: { $0.name == target }) else { continue }
            let layers = Set([Manifest.Layer.model, .response].filter(related.has))
            files += try render(related, in: manifest, layers: layers, command: "forge make:resource \(related.name)")
                .files.filter { $0.ownership != .forge }
        }
        return files
    }

    /// The files of `layers` of `resource`, plus the forge-owned files of `manifest`.
    func render(_ resource: Manifest.Resource, in manifest: Manifest, layers: Set<Manifest.Layer>, command: String) throws(ForgeError) -> Plan {
        let context: ResourceContext
        do {
            // Always the header make:resource writes, so an untouched file regenerates byte for byte.
            context = try ResourceContext(resource: resource, manifest: manifest, command: command)
        } catch {
            throw ForgeError(error.description)
        }
        let values = try TemplateTree.of(context.values)
        let layout = Self.layout(context.names, migrationType: context.migrationType, policy: resource.hasPolicy).filter { layers.contains($0.layer) }
        templates.prepare(layout.map(\.template) + ProjectFiles.templates)
        let files = try ProjectFiles(manifest: manifest, templates: templates).forgeOwned { () throws(ForgeError) in
            var files: [GeneratedFile] = []
            for (_, template, path) in layout {
                files.append(GeneratedFile(path: path, contents: try templates.render(template, tree: values)))
            }
            return files
        }
        return Plan(manifest: manifest, files: files)
    }

    /// Why `name` cannot be a role: lowercase identifiers only (`editor`, `billing_admin`).
    static func roleProblem(_ name: String) -> String? {
        let valid = name.first.map { $0.isASCII && $0.isLowercase } == true && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        return valid ? nil : "'\(name)' is not a role name: a lowercase identifier, as in editor or billing_admin"
    }

    /// `forge make:policy NAME`: the policy of resource `name` (from its roles, or letting every
    /// signed-in caller do everything), and its service and controller rendered again to consult it.
    public func plan(policyFor name: String) throws(ForgeError) -> Plan {
        guard let resource = manifest.resources.first(where: { $0.name == name }) else {
            let known = manifest.resources.map(\.name)
            throw ForgeError("no resource '\(name)' in forge.yaml" + (Suggester.closest(to: name, in: known).map { " — did you mean '\($0)'?" } ?? ""))
        }
        guard resource.protected == true else {
            throw ForgeError("make:policy \(name): a policy decides for a signed-in caller, and \(name)'s routes are public; make it protected first (forge make:resource \(name) -p)")
        }
        try Manifest.check(resource)
        var stored = resource
        if !stored.hasPolicy { stored.policy = true }
        var updated = manifest
        updated.resources[updated.resources.firstIndex { $0.name == name }!] = stored
        return try render(stored, in: updated, layers: Set([.service, .controller, .test].filter(stored.has)), command: "forge make:resource \(name)")
    }

    /// The `forge alter` that takes `resource` to `fields`: new names added, missing ones dropped
    /// (only with `drop`, else refused with their names), the others changed where they differ.
    static func alteration(from resource: Manifest.Resource, to fields: [Field], specs: [String], drop: Bool) throws(ForgeError) -> ResourceAlteration {
        let removed = resource.fields.map(\.name).filter { name in !fields.contains { $0.name == name } }
        if !removed.isEmpty, !drop {
            throw ForgeError("make:resource \(resource.name) would drop \(ComponentGenerator.list(removed)) (and their data); nothing was written. Pass --drop to drop them, or add them back with -f")
        }
        var alteration = ResourceAlteration(drop: removed)
        for (field, spec) in zip(fields, specs) {
            guard let old = resource.fields.first(where: { $0.name == field.name }) else {
                alteration.add.append(spec)
                continue
            }
            if old != field { alteration.change.append(spec) }
        }
        return alteration
    }

    /// Plans `layer` of stored resource `name` from its fields in `forge.yaml`
    /// (`make:model|controller|service|repository|request|test|factory|seeder NAME`), plus any
    /// layer it needs that was never generated, so the app still compiles.
    public func plan(layer: Manifest.Layer, name: String) throws(ForgeError) -> Plan {
        guard let resource = manifest.resources.first(where: { $0.name == name }) else {
            let known = manifest.resources.map(\.name)
            let hint = Suggester.closest(to: name, in: known).map { " — did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; make it first with forge make:resource \(name) -f name:type" : "; resources: \(known.joined(separator: ", "))")
            throw ForgeError("no resource '\(name)' in forge.yaml\(hint)")
        }
        try Manifest.check(resource)
        let rendering = Manifest.Layer.closure(of: [layer]).filter { ($0 == layer || !resource.has($0)) && !($0 == .migration && resource.alterations != nil) }
        var stored = resource
        stored.add(rendering)
        var updated = manifest
        updated.resources[updated.resources.firstIndex { $0.name == name }!] = stored
        return try render(stored, in: updated, layers: rendering, command: "forge make:resource \(name)")
    }
}
