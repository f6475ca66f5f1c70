import Foundation

/// Timestamped migration names: `2026_11_25_131200_create_posts`.
public enum MigrationName {
    /// The name of a migration made at `date` doing `action` (snake_case).
    public static func make(_ action: String, at date: Date) -> String {
        // Plain UTC arithmetic: loading Calendar and the time-zone database cost ~8 ms, most of a
        // make:resource run.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, second) = (seconds.floorDivided(by: 86_400), seconds.floorModulo(86_400))
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let stamp = String(format: "%04d_%02d_%02d_%02d%02d%02d", year, month, day, second / 3600, second / 60 % 60, second % 60)
        return "\(stamp)_\(action)"
    }

    /// The name of a migration doing `action`, stamped at `date` or, when that would not sort
    /// after every name in `existing`, one second after the latest of them: migrations run in
    /// name order, and a script making several in one second must get them in the order made.
    public static func make(_ action: String, at date: Date, after existing: [String]) -> String {
        let latest = existing.compactMap(seconds(of:)).max()
        let now = Int(date.timeIntervalSince1970.rounded(.down))
        guard let latest, latest >= now else { return make(action, at: date) }
        return make(action, at: Date(timeIntervalSince1970: TimeInterval(latest + 1)))
    }

    /// The Unix time a migration name's `YYYY_MM_DD_HHMMSS` stamp stands for.
    static func seconds(of name: String) -> Int? {
        let parts = name.split(separator: "_", maxSplits: 4)
        guard parts.count >= 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              parts[3].count == 6, let time = Int(parts[3])
        else { return nil }
        let (y, m) = month <= 2 ? (year - 1, month + 9) : (year, month - 3)
        let era = y.floorDivided(by: 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * m + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + time / 10_000 * 3600 + time / 100 % 100 * 60 + time % 100
    }

    /// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The Swift type of a migration: its name without the timestamp, PascalCased.
    public static func typeName(_ name: String) -> String {
        let words = name.split(separator: "_").drop { $0.allSatisfy(\.isNumber) }
        return words.joined(separator: "_").pascalCased
    }
}

private extension Int {
    func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
    func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
