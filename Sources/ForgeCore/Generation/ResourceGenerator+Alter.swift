import Foundation

/// `forge alter NAME --add SPEC --drop FIELD --rename OLD:NEW --change SPEC`: one new migration
/// for the whole change, the manifest, and every generated layer of the resource rendered again
/// (through the merge that keeps a user's edits). The create migration is never touched: it may
/// have run somewhere.
extension ResourceGenerator {
    public func alter(name: String, _ alteration: ResourceAlteration, date: Date) throws(ForgeError) -> Plan {
        guard let old = manifest.resources.first(where: { $0.name == name }) else {
            let known = manifest.resources.map(\.name)
            let hint = Suggester.closest(to: name, in: known).map { " — did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; make it first with forge make:resource \(name) -f name:type" : "; resources: \(known.joined(separator: ", "))")
            throw ForgeError("no resource '\(name)' in forge.yaml\(hint)")
        }
        guard !alteration.isEmpty else {
            throw ForgeError("forge alter \(name): say what changes: --add SPEC, --drop FIELD, --rename OLD:NEW or --change SPEC")
        }
        try Manifest.check(old)
        let names: ResourceName
        do {
            names = try ResourceName(old.name, inflector: manifest.inflector)
        } catch {
            throw ForgeError(error)
        }
        if alteration.owned {
            guard old.protected == true else {
                throw ForgeError("forge alter \(name) --owned: \(name)'s routes are public, and owned rows need a signed-in caller; protect it first (forge make:resource \(name) -p)", isUsageError: true)
            }
            if old.owned == true { throw ForgeError("forge alter \(name) --owned: \(name) is already owned") }
        }
        let changed = try alteration.apply(to: old, manifest: manifest, names: names)
        // alter_posts, alter_posts_2, …: each alteration's migration type is unique.
        let count = (old.alterations?.count ?? 0) + 1
        let migration = MigrationName.make("alter_\(old.table)" + (count == 1 ? "" : "_\(count)"), at: date, after: manifest.migrationNames)
        var resource = old
        resource.fields = changed.map(\.field)
        if alteration.owned { resource.owned = true }
        resource.alterations = (old.alterations ?? []) + [migration]
        var updated = manifest
        updated.resources[updated.resources.firstIndex { $0.name == name }!] = resource

        let command = "forge alter \(name)" + alteration.add.map { " --add \($0)" }.joined() + alteration.drop.map { " --drop \($0)" }.joined()
            + alteration.rename.map { " --rename \($0)" }.joined() + alteration.change.map { " --change \($0)" }.joined()
            + (alteration.owned ? " --owned" : "")
        // Parsed together, one per core; render(_:in:layers:command:) then finds them parsed.
        templates.prepare([Self.alterMigrationTemplate] + Self.layout(names, migrationType: "", policy: old.hasPolicy).map(\.template) + ProjectFiles.templates)
        let migrationFile = try alterMigration(from: old, to: resource, sources: changed.map(\.source), in: updated, name: migration, command: command)
        var plan = try render(resource, in: updated, layers: Set(Manifest.Layer.allCases).filter { $0 != .migration && resource.has($0) },
                              command: "forge make:resource \(name)")
        plan.files.insert(migrationFile, at: 0)
        plan.files += try relatedModels(of: resource, was: old, in: updated)
        return plan
    }

    static let alterMigrationTemplate = "resource/AlterMigration.swift"

    /// The migration from `old` to `new`: `prepare` goes forward, `revert` back, each with
    /// SQLite's and PostgreSQL's statements.
    private func alterMigration(from old: Manifest.Resource, to new: Manifest.Resource, sources: [String?], in manifest: Manifest,
                                name: String, command: String) throws(ForgeError) -> GeneratedFile {
        // Back: each old field comes from the new field it became; a dropped one comes back
        // empty, so it cannot be NOT NULL without a default.
        var backSources: [String?] = []
        var restored = old
        for (index, field) in old.fields.enumerated() {
            let now = zip(new.fields, sources).first { $0.1 == field.name }?.0.name
            backSources.append(now)
            if now == nil, field.isNotNull, field.defaultValue == nil {
                restored.fields[index].rules.removeAll { $0 == .required }
            }
        }
        let forward = try direction("prepare", from: old, to: new, sources: sources, in: manifest)
        let back = try direction("revert", from: new, to: restored, sources: backSources, in: manifest)
        var parts: [String] = []
        let added = zip(new.fields, sources).filter { $0.1 == nil }.map(\.0.name)
        let dropped = old.fields.map(\.name).filter { !sources.contains($0) }
        let renamed = zip(new.fields, sources).compactMap { field, source in source.flatMap { $0 != field.name ? "`\($0)` to `\(field.name)`" : nil } }
        let changedNames = zip(new.fields, sources).filter { field, source in source == field.name && old.fields.first { $0.name == field.name } != field }.map(\.0.name)
        if !added.isEmpty { parts.append("adds \(ComponentGenerator.list(added))") }
        if !renamed.isEmpty { parts.append("renames " + renamed.joined(separator: ", ")) }
        if !changedNames.isEmpty { parts.append("changes \(ComponentGenerator.list(changedNames))") }
        if !dropped.isEmpty { parts.append("drops \(ComponentGenerator.list(dropped))") }
        if new.owned == true, old.owned != true { parts.append("gives each row an owner (`user_id`; existing rows go to the first account)") }
        let summary = "Alters `\(new.table)`: " + parts.joined(separator: "; ") + "."
        let values = AlterResourceValues(command: command, summary: summary, migrationName: name, migrationType: MigrationName.typeName(name),
                                         table: new.table, directions: [forward, back])
        return GeneratedFile(path: "Sources/App/Migrations/\(MigrationName.typeName(name)).swift",
                             contents: try templates.render(Self.alterMigrationTemplate, values))
    }

    /// The statements that take table `from` to `to`; `sources[i]` is the column of `from` that
    /// `to.fields[i]` is copied from, `nil` for a new one.
    private func direction(_ function: String, from: Manifest.Resource, to: Manifest.Resource, sources: [String?],
                           in manifest: Manifest) throws(ForgeError) -> AlterResourceValues.Direction {
        let before: ResourceContext, after: ResourceContext
        do {
            before = try ResourceContext(resource: from, manifest: manifest, command: "")
            after = try ResourceContext(resource: to, manifest: manifest, command: "")
        } catch {
            throw ForgeError(error.description)
        }
        let table = to.table
        // Many-to-many fields are pivot tables, created or dropped whole; the rest are columns.
        let allPairs = Array(zip(to.fields, sources))
        let createdLinks = allPairs.filter { !$0.0.isColumn && $0.1 == nil }.map(\.0.name)
        let droppedLinks = from.fields.filter { !$0.isColumn && !sources.contains($0.name) }.map(\.name)
        let pairs = allPairs.filter { $0.0.isColumn }
        let additions = pairs.filter { $0.1 == nil }.map(\.0)
        let kept = pairs.compactMap { field, source in source.flatMap { source in from.fields.first { $0.name == source }.map { (old: $0, new: field) } } }
        let dropped = from.fields.filter { field in field.isColumn && !sources.contains(field.name) }
        var fills: [AlterResourceValues.Fill] = []
        for (old, new) in kept where new.isNotNull && !old.isNotNull {
            if let value = new.defaultValue { fills.append(.init(column: old.name, value: Self.sqlLiteral(value, for: new))) }
        }
        // SQLite alters in place only when columns are added, each nullable or defaulted and not unique.
        let addsOwner = to.owned == true && from.owned != true
        let dropsOwner = from.owned == true && to.owned != true
        let inPlace = dropped.isEmpty && kept.allSatisfy { $0.old == $0.new } && additions.allSatisfy { !$0.isUnique } && !addsOwner && !dropsOwner
        var steps: [AlterMigrationValues.Step] = []
        for field in additions {
            steps.append(.init(.addColumn, table: table, column: field.name, type: after.columnType(field), constraints: after.constraints(field)))
            if field.isIndexed { steps.append(.init(.createIndex, table: table, column: field.name, index: "\(table)_\(field.name)_index")) }
        }
        var postgres: [AlterResourceValues.PostgresStep] = []
        func step(_ column: String, _ configure: (inout AlterResourceValues.PostgresStep) -> Void) {
            var step = AlterResourceValues.PostgresStep(column: column)
            configure(&step)
            postgres.append(step)
        }
        for (old, new) in kept where old.name != new.name {
            step(old.name) { $0.renameColumn = true; $0.newName = new.name }
            for suffix in (old.isIndexed ? ["index"] : []) + (old.isUnique ? ["unique", "key"] : []) {
                step(new.name) { $0.renameIndex = true; $0.index = "\(table)_\(old.name)_\(suffix)"; $0.newName = "\(table)_\(new.name)_\(suffix)" }
            }
        }
        for field in dropped {
            step(field.name) { $0.dropColumn = true }
        }
        if dropsOwner { step("user_id") { $0.dropColumn = true } }
        for (old, new) in kept where old != new {
            let column = new.name
            if before.columnType(old) != after.columnType(new) {
                step(column) { $0.setType = true; $0.type = after.columnType(new) }
            }
            if old.isNotNull != new.isNotNull {
                step(column) { if new.isNotNull { $0.setNotNull = true } else { $0.dropNotNull = true } }
            }
            if old.defaultValue != new.defaultValue {
                step(column) { step in
                    if let value = new.defaultValue { step.setDefault = true; step.value = Self.sqlLiteral(value, for: new) } else { step.dropDefault = true }
                }
            }
            if old.isUnique != new.isUnique {
                if new.isUnique {
                    step(column) { $0.createIndex = true; $0.index = "\(table)_\(column)_unique"; $0.unique = true }
                } else {
                    step(column) { $0.dropConstraint = true; $0.index = "\(table)_\(column)_key" }
                    step(column) { $0.dropIndex = true; $0.index = "\(table)_\(column)_unique" }
                }
            }
            if old.deleteAction != new.deleteAction, let key = new.foreignKey {
                let constraint = "\(table)_\(column)_fkey"
                step(column) { $0.dropConstraint = true; $0.index = constraint }
                step(column) { step in
                    step.addForeignKey = true
                    step.index = constraint
                    step.targetTable = key.table
                    step.targetColumn = after.dualIDs ? "public_id" : key.column
                    step.deleteAction = switch new.deleteAction {
                    case .restrict: "NO ACTION"
                    case .cascade: "CASCADE"
                    case .setNull: "SET NULL"
                    }
                }
            }
            if old.isIndexed != new.isIndexed {
                step(column) { step in
                    step.index = "\(table)_\(column)_index"
                    if new.isIndexed { step.createIndex = true } else { step.dropIndex = true }
                }
            }
        }
        for field in additions {
            step(field.name) { $0.addColumn = true; $0.type = after.columnType(field); $0.constraints = after.constraints(field).filter { $0 != ".unique" } }
            if field.isUnique {
                step(field.name) { $0.createIndex = true; $0.index = "\(table)_\(field.name)_unique"; $0.unique = true }
            } else if field.isIndexed {
                step(field.name) { $0.createIndex = true; $0.index = "\(table)_\(field.name)_index" }
            }
        }
        var renames = kept.filter { $0.old.name != $0.new.name }.map { AlterResourceValues.Rename(from: $0.old.name, to: $0.new.name, last: false) }
        if !renames.isEmpty { renames[renames.count - 1].last = true }
        let values = after.values
        return AlterResourceValues.Direction(
            function: function, fills: fills, inPlace: inPlace, additions: steps,
            renames: renames, hasRenames: !renames.isEmpty, dualIDs: values.dualIDs, softDeletes: values.softDeletes,
            owned: values.owned, fields: values.fields, indexes: values.indexes, postgres: postgres,
            dropLinks: before.values.links.filter { droppedLinks.contains($0.linkName) },
            changesTable: !(inPlace && steps.isEmpty && postgres.isEmpty && fills.isEmpty),
            addsOwner: addsOwner,
            createLinks: values.links.filter { createdLinks.contains($0.linkName) }
        )
    }

    /// A default as a `SQLQueryString` interpolation: numbers and booleans as themselves,
    /// everything else as quoted text.
    static func sqlLiteral(_ value: String, for field: Field) -> String {
        switch field.type {
        case .integer, .bigint, .float: "literal: \(value)"
        case .boolean: value
        case .decimal, .money, .percent, .string, .text, .datetime, .date, .time, .email, .url, .uuid, .json, .phone,
             .slug, .ip, .color, .file, .image, .enumeration, .reference, .many:
            "literal: \(ResourceContext.stringLiteral(value))"
        }
    }
}
