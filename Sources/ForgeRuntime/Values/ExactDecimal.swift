import Foundation
import SQLKit

/// An exact decimal number for `decimal`, `money` and `percent` fields: `19.99` stays `19.99`.
///
/// JSON carries it as a number literal, written and read digit for digit (a quoted `"19.99"`
/// is accepted too). SQLite stores the canonical text; PostgreSQL a `NUMERIC` column.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Decimal

    public init(_ value: Decimal) {
        self.value = value
    }

    /// Parses plain decimal notation (`-12.50`); `nil` for anything else, exponents included.
    public init?(_ text: String) {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
    }

    /// Digits after the decimal point.
    public var scale: Int {
        let text = description
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    public var description: String { value.description }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool { lhs.value < rhs.value }
}

extension ExactDecimal: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) {
        self.value = Decimal(value)
    }

    /// `"9999.99"` in generated code, so fractional bounds never pass through a `Double`.
    public init(stringLiteral text: String) {
        guard let parsed = ExactDecimal(text) else { preconditionFailure("'\(text)' is not a decimal literal") }
        self = parsed
    }
}

extension ExactDecimal: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let parsed = ExactDecimal(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be a decimal number like 19.99"))
            }
            self = parsed
        } else if let value = try? container.decode(Decimal.self) {
            self.value = value
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be a decimal number like 19.99"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}

extension ExactDecimal: SQLExpression {
    /// Binds the canonical text; PostgreSQL casts it to `NUMERIC`, SQLite keeps it as text.
    public func serialize(to serializer: inout SQLSerializer) {
        DialectCast(SQLBind(description), postgres: "NUMERIC").serialize(to: &serializer)
    }
}
