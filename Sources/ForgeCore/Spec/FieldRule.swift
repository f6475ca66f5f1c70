/// A rule of the spec language, as written after the type: `required,max:200,unique`.
public enum FieldRule: Equatable, Sendable, Codable, CustomStringConvertible {
    case required
    case nullable
    case unique
    case index
    /// Length for text-like types, value for numbers.
    case max(Double)
    case min(Double)
    /// The column default and the value used when a create request omits the field.
    case defaultValue(String)

    /// Every rule name the parser accepts.
    public static let names = ["required", "nullable", "unique", "index", "max", "min", "default"]

    /// The rule as it is written in a spec and in `forge.yaml`.
    public var description: String {
        switch self {
        case .required: "required"
        case .nullable: "nullable"
        case .unique: "unique"
        case .index: "index"
        case .max(let value): "max:\(Self.format(value))"
        case .min(let value): "min:\(Self.format(value))"
        case .defaultValue(let value): "default:\(value)"
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

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
