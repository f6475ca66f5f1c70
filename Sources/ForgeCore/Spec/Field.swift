/// One parsed field of a resource: its column name, type and rules.
public struct Field: Equatable, Sendable, Codable {
    /// The column name (snake_case); the Swift property is its camelCase form. A reference's
    /// column ends in `_id`.
    public var name: String
    public var type: FieldType
    public var rules: [SpecRule]
    /// The values of an `enum` field, as stored and sent over the API.
    public var values: [String]?
    /// The resource a `references` or `many` field points at.
    public var target: String?

    public init(name: String, type: FieldType, rules: [SpecRule] = [], values: [String]? = nil, target: String? = nil) {
        self.name = name
        self.type = type
        self.rules = rules
        self.values = values
        self.target = target
    }

    /// Must be present on create. A field with no rule is optional (fastpy's meaning).
    public var isRequired: Bool { rules.contains(.required) }
    public var isNullable: Bool { rules.contains(.nullable) }
    public var isUnique: Bool { rules.contains(.unique) }

    /// `NOT NULL`: required, or defaulted and not marked nullable, so the model property is
    /// never optional when no request can leave it empty.
    public var isNotNull: Bool { isRequired || defaultValue != nil && !isNullable }

    /// An index of its own: asked for, or a foreign key (unique columns already have one).
    public var isIndexed: Bool { !isUnique && (rules.contains(.index) || foreignKey != nil) }

    /// Length bounds of text-like types.
    public var maxLength: Int? {
        guard type.traits.measure == .length else { return nil }
        return rules.lazy.compactMap { if case .max(let value) = $0 { Int(value) } else { nil } }.first
    }

    public var minLength: Int? {
        guard type.traits.measure == .length else { return nil }
        return rules.lazy.compactMap { if case .min(let value) = $0 { Int(value) } else { nil } }.first
    }

    /// The `VARCHAR` length: the `max` rule, else the type's default, else the longest enum value.
    public var columnLength: Int {
        if let values { return Swift.max(values.map(\.count).max() ?? 1, 1) }
        return maxLength ?? type.traits.defaultLength ?? 255
    }

    /// A value bound of a number field.
    public struct Bound: Equatable, Sendable {
        public var value: Double
        public var inclusive: Bool
    }

    /// The tightest lower value bound of `min`, `ge` and `gt`, for numbers.
    public var lowerBound: Bound? {
        guard type.traits.measure == .value else { return nil }
        let bounds: [Bound] = rules.compactMap {
            switch $0 {
            case .min(let value), .ge(let value): Bound(value: value, inclusive: true)
            case .gt(let value): Bound(value: value, inclusive: false)
            default: nil
            }
        }
        return bounds.max { $0.value < $1.value || $0.value == $1.value && $0.inclusive }
    }

    /// The tightest upper value bound of `max`, `le` and `lt`, for numbers.
    public var upperBound: Bound? {
        guard type.traits.measure == .value else { return nil }
        let bounds: [Bound] = rules.compactMap {
            switch $0 {
            case .max(let value), .le(let value): Bound(value: value, inclusive: true)
            case .lt(let value): Bound(value: value, inclusive: false)
            default: nil
            }
        }
        return bounds.min { $0.value < $1.value || $0.value == $1.value && !$0.inclusive }
    }

    public var defaultValue: String? {
        rules.lazy.compactMap { if case .defaultValue(let value) = $0 { value } else { nil } }.first
    }

    /// The table and column this field's foreign key points at.
    public var foreignKey: (table: String, column: String)? {
        rules.lazy.compactMap { if case .foreign(let table, let column) = $0 { (table, column) } else { nil } }.first
    }

    /// What deleting the referenced row does to this row: the `on_delete:` rule, else restrict.
    public var deleteAction: SpecRule.DeleteAction {
        rules.lazy.compactMap { if case .onDelete(let action) = $0 { action } else { nil } }.first ?? .restrict
    }

    /// The field written back as a spec: `status:enum/draft/live:required`, `author_id:references/User`.
    public var spec: String {
        var type = type.rawValue
        if let values { type += "/" + values.joined(separator: "/") }
        if let target, self.type == .reference || self.type == .many { type += "/" + target }
        return rules.isEmpty ? "\(name):\(type)" : "\(name):\(type):" + rules.map(\.description).joined(separator: ",")
    }

    /// Whether the field is a column of its table: every type but `many`, whose links live in a
    /// pivot table. Column layers (model, migration, factory, listing) see only these.
    public var isColumn: Bool { type != .many }

    /// The Swift property name.
    public var property: String { name.camelCased }

    /// The name of the relation a reference adds to the model: `author_id` → `author`.
    public var relation: String { (name.hasSuffix("_id") ? String(name.dropLast(3)) : name).camelCased }
}
