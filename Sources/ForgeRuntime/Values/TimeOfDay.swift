import Foundation
import SQLKit

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

extension TimeOfDay: TextValue {
    public static var expected: String { "a time like 09:30 or 09:30:15" }
    public static var postgresType: String { "TIME" }
}
