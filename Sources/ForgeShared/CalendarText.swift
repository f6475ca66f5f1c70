/// The text forms of `date` and `time` values: `2026-01-31`, `09:30` or `09:30:15`.
public enum CalendarText {
    /// The year, month and day of `YYYY-MM-DD`, or `nil` when it is not a day of the calendar.
    public static func date(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2], parts.allSatisfy(isDigits),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= days(in: month, of: year)
        else { return nil }
        return (year, month, day)
    }

    /// The hour, minute and second of `HH:MM` or `HH:MM:SS` (seconds 0 when absent).
    public static func time(_ text: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { $0.count == 2 && isDigits($0) ? Int($0) : nil }
        guard (2...3).contains(parts.count), numbers.count == parts.count,
              numbers[0] < 24, numbers[1] < 60, numbers.count < 3 || numbers[2] < 60
        else { return nil }
        return (numbers[0], numbers[1], numbers.count == 3 ? numbers[2] : 0)
    }

    /// The number of days in `month` (1-12) of `year`, leap years included.
    public static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func isDigits(_ text: Substring) -> Bool {
        text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
