import ForgeShared
import Foundation
import SQLKit

/// A calendar date without a time or zone, `2026-01-31`, for `date` fields.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    /// Parses `YYYY-MM-DD`, rejecting days the month does not have.
    public init?(_ text: String) {
        guard let (year, month, day) = CalendarText.date(text) else { return nil }
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
}

extension CalendarDate: TextValue {
    public static var expected: String { "a date like 2026-01-31" }
    public static var postgresType: String { "DATE" }
}
