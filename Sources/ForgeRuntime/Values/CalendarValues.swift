import Foundation
import SQLKit

/// A calendar date without a time or zone, `2026-01-31`, for `date` fields.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// Parses `YYYY-MM-DD`, rejecting days the month does not have.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2],
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= Self.days(in: month, of: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A time of day without a date or zone, `09:30` or `09:30:15`, for `time` fields.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int, minute: Int, second: Int

    /// Parses `HH:MM` or `HH:MM:SS`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { $0.count == 2 && $0.allSatisfy(\.isNumber) ? Int($0) : nil }
        guard (2...3).contains(parts.count), numbers.count == parts.count,
              numbers[0] < 24, numbers[1] < 60, numbers.count < 3 || numbers[2] < 60
        else { return nil }
        self.hour = numbers[0]
        self.minute = numbers[1]
        self.second = numbers.count == 3 ? numbers[2] : 0
    }

    public var description: String {
        String(format: "%02d:%02d:%02d", hour, minute, second)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute, lhs.second) < (rhs.hour, rhs.minute, rhs.second)
    }
}

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

extension CalendarDate: TextValue {
    public static var expected: String { "a date like 2026-01-31" }
    public static var postgresType: String { "DATE" }
}

extension TimeOfDay: TextValue {
    public static var expected: String { "a time like 09:30 or 09:30:15" }
    public static var postgresType: String { "TIME" }
}
