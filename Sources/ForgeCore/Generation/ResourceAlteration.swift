/// What `forge alter NAME` changes: fields added, dropped, renamed and changed, in any mix.
public struct ResourceAlteration: Sendable {
    /// Field specs to add, as in `-f`.
    public var add: [String]
    /// Field names to drop.
    public var drop: [String]
    /// `OLD:NEW` field renames.
    public var rename: [String]
    /// Field specs of existing fields with a new type or rules.
    public var change: [String]

    /// Whether rows become owned (`--owned`): a `user_id` column, existing rows given to the first account.
    public var owned: Bool

    public init(add: [String] = [], drop: [String] = [], rename: [String] = [], change: [String] = [], owned: Bool = false) {
        self.add = add
        self.drop = drop
        self.rename = rename
        self.change = change
        self.owned = owned
    }

    public var isEmpty: Bool { add.isEmpty && drop.isEmpty && rename.isEmpty && change.isEmpty && !owned }

    /// The fields after the change, each with the column it is copied from (`nil` for a new
    /// one), or a one-line error naming the bad token.
    func apply(to resource: Manifest.Resource, manifest: Manifest, names: ResourceName) throws(ForgeError) -> [(field: Field, source: String?)] {
        var fields: [(field: Field, source: String?)] = resource.fields.map { ($0, $0.name) }
        let known = { fields.map(\.field.name) }
        func unknown(_ name: String, _ option: String) -> ForgeError {
            let hint = Suggester.closest(to: name, in: known()).map { " — did you mean '\($0)'?" } ?? "; its fields: \(known().joined(separator: ", "))"
            return ForgeError("\(option) \(name): \(resource.name) has no field '\(name)'\(hint)")
        }
        for pair in rename {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ForgeError("--rename \(pair): give OLD:NEW, as in --rename title:headline")
            }
            guard let index = fields.firstIndex(where: { $0.field.name == parts[0] }) else { throw unknown(parts[0], "--rename") }
            guard !known().contains(parts[1]) else {
                throw ForgeError("--rename \(pair): \(resource.name) already has a field '\(parts[1])'; drop it first or choose another name")
            }
            let checked: Field
            do {
                checked = try FieldSpecParser.parse("\(parts[1]):string")
            } catch {
                throw ForgeError("--rename \(pair): \(error.description)", isUsageError: true)
            }
            guard fields[index].field.isColumn else {
                throw ForgeError("--rename \(pair): '\(parts[0])' is a many-to-many relation, its pivot table named after it; drop it and add the new one (its links are lost), or keep the name")
            }
            guard fields[index].field.foreignKey == nil || checked.name.hasSuffix("_id") else {
                throw ForgeError("--rename \(pair): a reference's column ends in _id, as in \(parts[1])_id")
            }
            fields[index].field.name = checked.name
        }
        for name in drop {
            guard let index = fields.firstIndex(where: { $0.field.name == name }) else { throw unknown(name, "--drop") }
            fields.remove(at: index)
        }
        for spec in change {
            let field = try parse(spec, option: "--change", manifest: manifest, names: names)
            guard let index = fields.firstIndex(where: { $0.field.name == field.name }) else { throw unknown(field.name, "--change") }
            try Self.checkConversion(from: fields[index].field, to: field, spec: spec)
            fields[index].field = field
        }
        for spec in add {
            let field = try parse(spec, option: "--add", manifest: manifest, names: names)
            guard !known().contains(field.name) else {
                throw ForgeError("--add \(spec): \(resource.name) already has a field '\(field.name)'; change it with --change \(spec)")
            }
            if field.isNotNull, field.defaultValue == nil {
                throw ForgeError("--add \(spec): a required field added to a table that may have rows needs a default, as in \(field.name):\(field.type.rawValue):required,default:VALUE")
            }
            fields.append((field, nil))
        }
        guard fields.contains(where: \.field.isColumn) else {
            throw ForgeError("forge alter \(resource.name): that would drop its last field; a resource needs one (remove it with forge destroy \(resource.name))")
        }
        return fields
    }

    private func parse(_ spec: String, option: String, manifest: Manifest, names: ResourceName) throws(ForgeError) -> Field {
        let field: Field
        do {
            field = try FieldSpecParser.parse(spec)
        } catch {
            throw ForgeError("\(option) \(error.description)", isUsageError: true)
        }
        let resource = manifest.resources.first { $0.name == names.type }
        return try manifest.resolveReferences([field], of: names, specs: [spec], owned: resource?.owned == true, protected: resource?.protected == true)[0]
    }

    /// Throws unless every value `old` can hold converts to `new` without loss.
    static func checkConversion(from old: Field, to new: Field, spec: String) throws(ForgeError) {
        if old.type == .many, new.type == .many, old.target != new.target {
            throw ForgeError("--change \(spec): '\(old.name)' links \(old.target ?? "") rows, and its pivot cannot point elsewhere; drop it and add a relation of another name")
        }
        let widening: Set<String> = ["string>text", "text>string", "integer>bigint"]
        if old.type != new.type, !widening.contains("\(old.type.rawValue)>\(new.type.rawValue)") {
            throw ForgeError("--change \(spec): existing \(old.type.rawValue) values do not all convert to \(new.type.rawValue); add a new field, copy the values in a migration of your own, then drop the old one")
        }
        if old.type.traits.measure == .length, new.type.traits.measure == .length {
            let capacity = { (field: Field) in field.maxLength ?? field.type.traits.defaultLength ?? Int.max }
            if capacity(new) < capacity(old) {
                let oldMax = capacity(old) == Int.max ? "unbounded" : "up to \(capacity(old))"
                throw ForgeError("--change \(spec): existing values may be \(oldMax) characters, longer than max:\(capacity(new)); keep a max of at least the old one")
            }
        }
        if old.type == .enumeration, let oldValues = old.values, let newValues = new.values, !Set(oldValues).isSubset(of: Set(newValues)) {
            let missing = oldValues.filter { !newValues.contains($0) }
            throw ForgeError("--change \(spec): rows may hold \(missing.joined(separator: ", ")), which the new values leave out; keep every old value")
        }
        if old.target != new.target {
            throw ForgeError("--change \(spec): a reference cannot point at another resource in place; add a new reference and drop this one")
        }
        if new.isNotNull, !old.isNotNull, new.defaultValue == nil {
            throw ForgeError("--change \(spec): rows may have no \(new.name); give a default for them, as in \(new.name):\(new.type.rawValue):required,default:VALUE")
        }
    }
}
