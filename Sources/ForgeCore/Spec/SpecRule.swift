/// A rule of the spec language, as written after the type: `required,max:200,unique`.
public enum SpecRule: Equatable, Sendable, Codable, CustomStringConvertible {
    case required
    case nullable
    case unique
    case index
    /// Length for text-like types, value (inclusive) for numbers.
    case max(Double)
    case min(Double)
    /// Exclusive and inclusive value bounds, for numbers.
    case gt(Double)
    case ge(Double)
    case lt(Double)
    case le(Double)
    /// A foreign key to `table.column` (fastpy's spelling of a reference).
    case foreign(table: String, column: String)
    /// The column default and the value used when a create request omits the field.
    case defaultValue(String)
    /// What deleting the row a reference points at does to the rows pointing at it.
    case onDelete(DeleteAction)

    /// `on_delete:restrict|cascade|set_null`: refuse the delete (409, the default), delete the
    /// referring rows with it, or clear their reference (only for a field that may be null).
    public enum DeleteAction: String, Sendable, CaseIterable, Codable {
        case restrict
        case cascade
        case setNull = "set_null"
    }

    /// Every rule name the parser accepts; `gte` and `lte` are read as `ge` and `le`.
    public static let names = ["required", "nullable", "unique", "index", "max", "min", "gt", "ge", "gte", "lt", "le", "lte", "foreign", "default", "on_delete"]

    /// The rule as it is written in a spec and in `forge.yaml`.
    public var description: String {
        switch self {
        case .required: "required"
        case .nullable: "nullable"
        case .unique: "unique"
        case .index: "index"
        case .max(let value): "max:\(Self.format(value))"
        case .min(let value): "min:\(Self.format(value))"
        case .gt(let value): "gt:\(Self.format(value))"
        case .ge(let value): "ge:\(Self.format(value))"
        case .lt(let value): "lt:\(Self.format(value))"
        case .le(let value): "le:\(Self.format(value))"
        case .foreign(let table, let column): "foreign:\(table).\(column)"
        case .defaultValue(let value): "default:\(value)"
        case .onDelete(let action): "on_delete:\(action.rawValue)"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            self = try FieldSpecParser.parseRule(text, spec: text, offset: 0)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// A bound as a person writes it: `0`, `9999.99`.
    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 9e15 ? String(Int64(value)) : String(value)
    }
}
