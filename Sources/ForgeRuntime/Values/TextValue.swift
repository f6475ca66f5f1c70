import Foundation
import SQLKit

/// Values stored as text: decoded from their text, validated on the way in, encoded as text.
public protocol TextValue: Codable, SQLExpression, CustomStringConvertible {
    init?(_ text: String)
    /// What a valid value looks like, for the message a bad one gets.
    static var expected: String { get }
    /// The PostgreSQL type the bound text is cast to.
    static var postgresType: String { get }
}

extension TextValue {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be \(Self.expected)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public func serialize(to serializer: inout SQLSerializer) {
        DialectCast(SQLBind(description), postgres: Self.postgresType).serialize(to: &serializer)
    }
}
