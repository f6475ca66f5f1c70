import Foundation

/// References, resolved in one place: what a field points at, and the checks a new reference
/// must pass. `make:resource`, `make:migration` and every template context ask here.
extension Manifest {
    /// What `references/User` means in an app with the auth module and no `User` resource: its
    /// accounts, in the module's `users` table (integer ids, in `--ids dual` apps too).
    static let usersTarget = "User"
    static let usersTable = "users"

    /// A resource or table a reference may point at.
    struct ReferenceTarget {
        var name: String
        var table: String
    }

    /// The stored resource `field` of `owner` points at through its foreign key (`owner`
    /// itself for a self-reference), or `nil` for a field that refers to nothing.
    func target(of field: Field, owner: Resource) -> Resource? {
        guard let key = field.foreignKey else { return nil }
        if key.table == owner.table { return owner }
        return resources.first { $0.table == key.table }
    }

    /// Ties each new field of resource `names` to what it refers to: a `references/Target`
    /// gains its foreign key, a `foreign:table.id` its target; refused with a suggestion when the
    /// target does not exist, points forward in migration order, or cannot be satisfied.
    /// `owned`: whether resource `names` is owned; only owned resources may refer to owned ones.
    /// `protected`: whether its routes need a signed-in caller; a public resource may not serve a
    /// protected one's rows through links.
    func resolveReferences(_ fields: [Field], of names: ResourceName, specs: [String], owned: Bool = false, protected: Bool = false) throws(ForgeError) -> [Field] {
        let known = resources.map { ReferenceTarget(name: $0.name, table: $0.table) } + [ReferenceTarget(name: names.type, table: names.table)]
        var resolved: [Field] = []
        for (field, spec) in zip(fields, specs) {
            var field = field
            guard let target = try resolve(&field, spec: spec, among: known) else {
                resolved.append(field)
                continue
            }
            if field.type == .many {
                try checkLinks(field, of: names, among: fields, known: known, protected: protected)
            }
            let targetOwned = target.name == names.type ? owned : resources.first { $0.name == target.name }?.owned == true
            if targetOwned {
                if field.type == .many {
                    throw ForgeError("'\(spec)': \(target.name) rows belong to their users, and a link table cannot tell whose a link is; refer to them from an owned resource with \(field.name.snakeCased):references/\(target.name) instead")
                }
                if !owned {
                    throw ForgeError("'\(spec)': \(target.name) rows belong to their users, so only another owned resource may point at them (make this one with -p --owned), or anyone could reach another user's rows through it")
                }
            }
            if app.ids == .dual, field.type != .reference, field.type != .many {
                throw ForgeError("'\(spec)': this app's API never shows integer ids, so refer to rows with a reference instead, as in \(field.relation.snakeCased):references/\(target.name)")
            }
            var order = resources.map(\.name)
            if !order.contains(names.type) { order.append(names.type) }
            // Migrations and seeders run in manifest order; a table can only point back.
            if let mine = order.firstIndex(of: names.type), let theirs = order.firstIndex(of: target.name), theirs > mine {
                throw ForgeError("'\(spec)': \(names.type)'s table is created before \(target.name)'s, so it cannot point at it; give \(target.name) the reference instead, or make a new resource")
            }
            if target.name == names.type, field.isRequired {
                throw ForgeError("'\(spec)': a required reference to its own resource leaves no way to make the first row; drop 'required'")
            }
            resolved.append(field)
        }
        return resolved
    }

    /// Ties the `references/Target` fields of a migration (`make:migration create_x -f …`) to
    /// the stored resources they name, as `make:resource` ties a resource's. A `foreign:` rule is
    /// left as written: a hand-made migration may point at any table (the auth module's `users`).
    func resolveReferences(ofMigration fields: [Field]) throws(ForgeError) -> [Field] {
        let known = resources.map { ReferenceTarget(name: $0.name, table: $0.table) }
        return try fields.map { field throws(ForgeError) in
            var field = field
            if field.type == .many {
                throw ForgeError("'\(field.spec)': make:migration writes columns; a many-to-many relation and its pivot table come with its resource, as in forge alter RESOURCE --add \(field.spec)")
            }
            if field.type == .reference { _ = try resolve(&field, spec: field.spec, among: known) }
            return field
        }
    }

    /// The names a many-to-many field of resource `owner` goes by: its pivot table and columns
    /// and the key of its ids in request bodies; `nil` when the field's name is no plural.
    func links(of field: Field, owner: String) -> LinkNames? {
        guard field.type == .many, let singular = inflector.singular(field.name) else { return nil }
        let ownerName = owner.snakeCased
        return LinkNames(pivot: "\(ownerName)_\(field.name)", ownerColumn: "\(ownerName)_id", targetColumn: "\(singular)_id",
                         idsKey: "\(singular)_ids")
    }

    /// Refuses a many-to-many field whose pivot or ids key would clash with a table, a column or
    /// another relation of the resource.
    private func checkLinks(_ field: Field, of names: ResourceName, among fields: [Field], known: [ReferenceTarget], protected: Bool) throws(ForgeError) {
        let spec = field.spec
        guard let links = self.links(of: field, owner: names.type) else {
            throw ForgeError("'\(spec)': a many-to-many field is named by the plural of what it links, as in tags:many/Tag; add the plural to forge.yaml's inflections if the rules get it wrong")
        }
        if let target = resources.first(where: { $0.name == field.target }), !target.has(.response) {
            throw ForgeError("'\(spec)': \(target.name) has only a model so far (make:model), and its links are served as \(target.name) responses; generate the rest with forge make:resource \(target.name)")
        }
        if links.ownerColumn == links.targetColumn {
            throw ForgeError("'\(spec)': the pivot would hold two columns named \(links.ownerColumn); name the relation after its role, as in related_\(field.name):many/\(field.target ?? names.type)")
        }
        if let table = known.first(where: { $0.table == links.pivot }) {
            throw ForgeError("'\(spec)': its pivot table \(links.pivot) is resource \(table.name)'s table; rename the field")
        }
        if let target = resources.first(where: { $0.name == field.target }), target.protected == true, !protected {
            throw ForgeError("'\(spec)': \(target.name) is protected, and its rows would be served to anyone through /api/\(names.path)/{id}/\(field.name.kebabCased); protect this resource too (-p)")
        }
        for other in resources {
            for many in other.fields where many.type == .many && !(other.name == names.type && many.name == field.name) {
                if self.links(of: many, owner: other.name)?.pivot == links.pivot {
                    throw ForgeError("'\(spec)': its pivot table \(links.pivot) is already \(other.name).\(many.name)'s; rename the field")
                }
            }
            // A child's nested routes live under this resource too: /api/posts/{id}/comments.
            guard let childNames = try? ResourceName(other.name, inflector: inflector) else { continue }
            for reference in other.fields where target(of: reference, owner: other)?.name == names.type {
                let hasMany = ResourceContext.hasManyName(of: reference, child: other, names: childNames, in: self)
                let nested = hasMany == childNames.pluralVariable ? childNames.path : hasMany.snakeCased
                if nested == field.name.kebabCased {
                    throw ForgeError("'\(spec)': /api/\(names.path)/{id}/\(nested) already lists \(other.name) rows (through \(other.name).\(reference.name)); name the relation otherwise")
                }
            }
        }
        if let clash = fields.filter({ $0.name != field.name }).first(where: { $0.name == links.idsKey || self.links(of: $0, owner: names.type)?.idsKey == links.idsKey }) {
            throw ForgeError("'\(spec)': requests carry its links as \(links.idsKey), which field '\(clash.name)' already is; rename one of them")
        }
    }

    /// Fills in the missing half of `field`'s reference from `known` and returns its target.
    private func resolve(_ field: inout Field, spec: String, among known: [ReferenceTarget]) throws(ForgeError) -> ReferenceTarget? {
        if field.type == .many {
            guard let target = known.first(where: { $0.name == field.target }) else {
                let suggestion = Suggester.closest(to: field.target ?? "", in: known.map(\.name)).map { " — did you mean '\($0)'?" } ?? ""
                throw ForgeError("'\(spec)' links resource '\(field.target ?? "")', which this app does not have; make it first with forge make:resource \(field.target ?? "")\(suggestion)")
            }
            return target
        }
        if field.type == .reference {
            // The auth module's accounts: `owner:references/User` points at its `users` table.
            if field.target == Self.usersTarget, app.hasAuth, !known.contains(where: { $0.name == Self.usersTarget }) {
                if field.foreignKey == nil { field.rules.append(.foreign(table: Self.usersTable, column: "id")) }
                return nil
            }
            guard let target = known.first(where: { $0.name == field.target }) else {
                let suggestion = Suggester.closest(to: field.target ?? "", in: known.map(\.name)).map { " — did you mean '\($0)'?" } ?? ""
                throw ForgeError("'\(spec)' refers to resource '\(field.target ?? "")', which this app does not have; make it first with forge make:resource \(field.target ?? "")\(suggestion)")
            }
            if field.foreignKey == nil { field.rules.append(.foreign(table: target.table, column: "id")) }
            return target
        }
        guard let key = field.foreignKey else { return nil }
        if key.table == Self.usersTable, app.hasAuth, !known.contains(where: { $0.table == Self.usersTable }) { return nil }
        guard let target = known.first(where: { $0.table == key.table }) else {
            let suggestion = Suggester.closest(to: key.table, in: known.map(\.table)).map { " — did you mean '\($0).id'?" } ?? ""
            throw ForgeError("'\(spec)' has a foreign key to table '\(key.table)', which no resource of this app creates\(suggestion)")
        }
        field.target = target.name
        return target
    }
}

/// The names of one many-to-many relation (`tags:many/Tag` of `Post`): the pivot table
/// `post_tags (post_id, tag_id)`, and `tag_ids` in create and update bodies.
struct LinkNames: Equatable {
    var pivot: String
    var ownerColumn: String
    var targetColumn: String
    var idsKey: String
}
