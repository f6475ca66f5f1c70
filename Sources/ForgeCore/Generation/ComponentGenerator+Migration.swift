import Foundation

/// `make:migration NAME [-f SPEC...]`, whose name says what it does:
///
/// - `create_tags -f name:string:required` creates table `tags` with `id`, the fields and timestamps;
/// - `add_phone_to_users -f phone:phone` adds columns (one `ALTER TABLE` each, as SQLite requires);
/// - `remove_phone_from_users` drops columns; `revert` re-adds them, typed by `-f` or by the
///   stored resource that owns the table;
/// - any other name gives an empty migration to fill in.
///
/// Migrations never change a stored resource's fields: the resource's create migration has
/// already run somewhere, and its model is the user's to edit alongside.
extension ComponentGenerator {
    public func migration(_ name: String, specs: [String], date: Date) throws(ForgeError) -> GenerationPlan {
        let action = name.snakeCased
        guard let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else {
            throw ForgeError("make:migration: '\(name)' is not a migration name; use snake_case such as create_tags, add_phone_to_users or remove_phone_from_users")
        }
        let fields: [Field]
        do {
            fields = try FieldSpecParser.parse(specs)
        } catch {
            throw ForgeError(error)
        }
        let full = (manifest.components ?? []).first { $0.kind == .migration && MigrationName.typeName($0.name) == MigrationName.typeName(action) }?.name
            ?? MigrationName.make(action, at: date, after: manifest.migrationNames)
        if manifest.resources.contains(where: { MigrationName.typeName($0.migration) == MigrationName.typeName(full) }) {
            throw ForgeError("make:migration \(action): a resource's migration is already called \(MigrationName.typeName(full)); choose another name")
        }
        let command = "forge make:migration \(action)" + specs.map { " -f \($0)" }.joined()
        let contents: String
        if let table = Self.table(in: action, after: "create_") {
            contents = try createTable(table, fields: fields, name: full, command: command)
        } else if let (columns, table) = Self.split(action, prefix: "add_", separator: "_to_") {
            guard !fields.isEmpty else {
                throw ForgeError("make:migration \(action) needs the new columns' specs: -f \(columns.replacingOccurrences(of: "_and_", with: ":string -f ")):string")
            }
            let steps = try columnSteps(table: table, fields: fields)
            contents = try alter(name: full, command: command, summary: "Adds \(Self.list(fields.map(\.name))) to `\(table)`.", prepare: steps.add, revert: steps.drop)
        } else if let (columns, table) = Self.split(action, prefix: "remove_", separator: "_from_") {
            let removed = try removedFields(columns: columns, table: table, given: fields)
            let steps = try columnSteps(table: table, fields: removed)
            contents = try alter(name: full, command: command, summary: "Removes \(Self.list(removed.map(\.name))) from `\(table)`.", prepare: steps.drop, revert: steps.add)
        } else {
            guard fields.isEmpty else {
                throw ForgeError("make:migration \(action): -f only applies to create_<table>, add_<columns>_to_<table> and remove_<columns>_from_<table> names")
            }
            contents = try alter(name: full, command: command, summary: "`\(action)`: a schema change to write by hand.", prepare: [], revert: [])
        }
        var updated = manifest
        var components = updated.components ?? []
        if !components.contains(where: { $0.kind == .migration && $0.name == full }) {
            components.append(Manifest.Component(kind: .migration, name: full))
        }
        updated.components = components
        let file = GeneratedFile(path: "Sources/App/Migrations/\(MigrationName.typeName(full)).swift", contents: contents)
        return GenerationPlan(manifest: updated, files: [file] + (try ProjectFiles(manifest: updated, templates: templates).forgeOwned()))
    }

    private func createTable(_ table: String, fields: [Field], name: String, command: String) throws(ForgeError) -> String {
        guard !fields.isEmpty else {
            throw ForgeError("make:migration create_\(table) needs its columns: -f name:string:required")
        }
        if let owner = manifest.resources.first(where: { $0.table == table }) {
            throw ForgeError("make:migration create_\(table): resource '\(owner.name)' already creates table '\(table)'")
        }
        let resource = Manifest.Resource(name: table.pascalCased, table: table, migration: name, fields: try manifest.resolveReferences(ofMigration: fields))
        let context: ResourceContext
        do {
            context = try ResourceContext(resource: resource, manifest: manifest, command: command)
        } catch {
            throw ForgeError("make:migration create_\(table): \(error.description)")
        }
        var values = context.values
        values.table = table
        values.dualIDs = false
        values.indexes = resource.fields.filter(\.isIndexed).map { .init(name: "\(table)_\($0.name)_index", column: $0.name) }
        return try templates.render("resource/Migration.swift", values)
    }

    private func alter(name: String, command: String, summary: String, prepare: [AlterMigrationValues.Step], revert: [AlterMigrationValues.Step]) throws(ForgeError) -> String {
        try templates.render("component/AlterMigration.swift", AlterMigrationValues(
            command: command, summary: summary, migrationName: name,
            migrationType: MigrationName.typeName(name), prepare: prepare, revert: revert
        ))
    }

    /// The steps that add `fields` to `table` (columns, then indexes) and those that drop them
    /// (indexes, then columns); `component/AlterMigration.swift` writes each as a SQLKit call.
    private func columnSteps(table: String, fields: [Field]) throws(ForgeError) -> (add: [AlterMigrationValues.Step], drop: [AlterMigrationValues.Step]) {
        let resource = Manifest.Resource(name: table.pascalCased, table: table, migration: "", fields: try manifest.resolveReferences(ofMigration: fields))
        let context: ResourceContext
        do {
            context = try ResourceContext(resource: resource, manifest: manifest, command: "")
        } catch {
            throw ForgeError(error.description)
        }
        var add: [AlterMigrationValues.Step] = []
        var indexes: [(name: String, column: String, unique: Bool)] = []
        for field in resource.fields {
            if field.isNotNull, field.defaultValue == nil {
                throw ForgeError("'\(field.spec)': a required column added to a table that may have rows needs a default, as in \(field.name):\(field.type.rawValue):required,default:VALUE")
            }
            // SQLite cannot add a UNIQUE column; a unique index does the same on both databases.
            add.append(AlterMigrationValues.Step(.addColumn, table: table, column: field.name, type: context.columnType(field),
                                 constraints: context.constraints(field).filter { $0 != ".unique" }))
            if field.isUnique {
                indexes.append(("\(table)_\(field.name)_unique", field.name, true))
            } else if field.isIndexed {
                indexes.append(("\(table)_\(field.name)_index", field.name, false))
            }
        }
        add += indexes.map { AlterMigrationValues.Step(.createIndex, table: table, column: $0.column, index: $0.name, unique: $0.unique) }
        let drop = indexes.map { AlterMigrationValues.Step(.dropIndex, table: table, column: $0.column, index: $0.name) }
            + resource.fields.map { AlterMigrationValues.Step(.dropColumn, table: table, column: $0.name) }
        return (add, drop)
    }

    /// The columns a `remove_` migration drops: from `-f`, else from the stored resource owning the table.
    private func removedFields(columns: String, table: String, given fields: [Field]) throws(ForgeError) -> [Field] {
        if !fields.isEmpty { return fields }
        let names = columns.components(separatedBy: "_and_")
        guard let owner = manifest.resources.first(where: { $0.table == table }) else {
            throw ForgeError("make:migration remove_\(columns)_from_\(table): no resource owns table '\(table)', so give the columns' specs (-f \(names[0]):string) for the rollback to re-create them")
        }
        var found: [Field] = []
        for name in names {
            guard let field = owner.fields.first(where: { $0.name == name && $0.isColumn }) else {
                let suggestion = Suggester.closest(to: name, in: owner.fields.filter(\.isColumn).map(\.name)).map { " — did you mean '\($0)'?" } ?? ""
                throw ForgeError("make:migration: table '\(table)' has no column '\(name)'\(suggestion)")
            }
            // Created inline by CREATE TABLE, these cannot be dropped by SQLite's ALTER TABLE.
            if field.isUnique || field.foreignKey != nil {
                throw ForgeError("make:migration: '\(table).\(name)' is \(field.isUnique ? "unique" : "a foreign key") in its CREATE TABLE, which SQLite cannot drop with ALTER TABLE; write this migration by hand (rebuild the table)")
            }
            found.append(field)
        }
        return found
    }

    static func table(in action: String, after prefix: String) -> String? {
        guard action.hasPrefix(prefix), action.count > prefix.count, !action.contains("_to_"), !action.contains("_from_") else { return nil }
        return String(action.dropFirst(prefix.count))
    }

    /// `add_phone_to_users` → (`phone`, `users`).
    static func split(_ action: String, prefix: String, separator: String) -> (String, String)? {
        guard action.hasPrefix(prefix), let range = action.range(of: separator, options: .backwards) else { return nil }
        let columns = String(action[action.index(action.startIndex, offsetBy: prefix.count)..<range.lowerBound])
        let table = String(action[range.upperBound...])
        guard !columns.isEmpty, !table.isEmpty else { return nil }
        return (columns, table)
    }

    static func list(_ names: [String]) -> String {
        let quoted = names.map { "`\($0)`" }
        return quoted.count <= 1 ? quoted.joined() : quoted.dropLast().joined(separator: ", ") + " and " + quoted.last!
    }
}
