import ForgeShared
import Foundation
import SQLKit

/// A time of day without a date or zone, `09:30` or `09:30:15`, for `time` fields.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hour: Int, minute: Int, second: Int

    /// Parses `HH:MM` or `HH:MM:SS`.
    public init?(_ text: String) {
        guard let (hour, minute, second) = CalendarText.time(text) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    public var description: String {
        String(format: "%02d:%02d:%02d", hour, minute, second)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        (lhs.hour, lhs.minute, lhs.second) < (rhs.hour, rhs.minute, rhs.second)
    }
}

extension TimeOfDay: TextValue {
    public static var expected: String { "a time like 09:30 or 09:30:15" }
    public static var postgresType: String { "TIME" }
}
