import Foundation
import SQLKit

/// A JSON object for `json` fields: any members, round-tripped as they came.
///
/// JSON carries it as an object. SQLite stores its text; PostgreSQL a `JSONB` column.
public struct JSONObject: Sendable, Equatable, CustomStringConvertible {
    public var members: [String: JSONValue]

    public init(_ members: [String: JSONValue] = [:]) {
        self.members = members
    }

    public subscript(key: String) -> JSONValue {
        get { members[key] ?? .null }
        set { members[key] = newValue }
    }

    /// Compact JSON text with sorted keys.
    public var description: String { JSONValue.object(members).description }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.members = Dictionary(elements, uniquingKeysWith: { _, last in last })
    }
}

extension JSONObject: Codable {
    /// An object, or (as a database column holds it) the text of one.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let members = try? container.decode([String: JSONValue].self) {
            self.members = members
            return
        }
        if let text = try? container.decode(String.self),
           case .object(let members)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) {
            self.members = members
            return
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be a JSON object"))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(members)
    }
}

extension JSONObject: SQLExpression {
    public func serialize(to serializer: inout SQLSerializer) {
        DialectCast(SQLBind(description), postgres: "JSONB").serialize(to: &serializer)
    }
}
