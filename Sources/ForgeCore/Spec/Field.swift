/// One parsed field of a resource: its column name, type and rules.
public struct Field: Equatable, Sendable, Codable {
    /// The column name (snake_case); the Swift property is its camelCase form.
    public var name: String
    public var type: FieldType
    public var rules: [FieldRule]

    public init(name: String, type: FieldType, rules: [FieldRule] = []) {
        self.name = name
        self.type = type
        self.rules = rules
    }

    /// NOT NULL, and must be present on create. A field with no rule is optional (fastpy's meaning).
    public var isRequired: Bool { rules.contains(.required) }
    public var isUnique: Bool { rules.contains(.unique) }
    public var isIndexed: Bool { rules.contains(.index) }

    public var maxBound: Double? {
        rules.lazy.compactMap { if case .max(let value) = $0 { value } else { nil } }.first
    }

    public var minBound: Double? {
        rules.lazy.compactMap { if case .min(let value) = $0 { value } else { nil } }.first
    }

    public var defaultValue: String? {
        rules.lazy.compactMap { if case .defaultValue(let value) = $0 { value } else { nil } }.first
    }

    /// The Swift property name.
    public var property: String { name.camelCased }
}
