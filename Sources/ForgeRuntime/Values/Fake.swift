import Foundation

/// Makes valid field values for factories: deterministic for one seed, within the bounds the
/// generated factory passes, and distinct where a `unique` index is given.
///
/// ```swift
/// var fake = Fake(seed: 7)
/// fake.text(length: 3...120, unique: 12)   // "amber river 12"
/// fake.money(in: 0..."9999.99")             // 4721.35
/// ```
public struct Fake: Sendable {
    private var state: UInt64

    public init(seed: UInt64 = 42) {
        self.state = seed
    }

    /// The next pseudo-random number (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static let words = [
        "amber", "river", "copper", "meadow", "quiet", "harbor", "lantern", "maple", "orbit", "pepper",
        "silver", "tundra", "velvet", "willow", "zephyr", "cobalt", "ember", "falcon", "garnet", "island",
    ]

    /// One of `choices`; the `unique`-th (cycling) when it is given.
    public mutating func pick<T>(_ choices: [T], unique: Int? = nil) -> T {
        precondition(!choices.isEmpty, "Fake.pick needs at least one choice")
        let index = unique.map { ($0 % choices.count + choices.count) % choices.count } ?? Int(next() % UInt64(choices.count))
        return choices[index]
    }

    /// One of `choices`, or `nil` when there are none (an optional reference with no rows yet).
    public mutating func pickIfAny<T>(_ choices: [T], unique: Int? = nil) -> T? {
        choices.isEmpty ? nil : pick(choices, unique: unique)
    }

    /// A whole number in `range`; `lowerBound + unique` (wrapping) when `unique` is given.
    public mutating func integer(in range: ClosedRange<Int> = 0...1000, unique: Int? = nil) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound)) &+ 1
        let offset = unique.map { UInt64($0) } ?? next()
        return span == 0 ? range.lowerBound &+ Int(truncatingIfNeeded: offset) : range.lowerBound &+ Int(truncatingIfNeeded: offset % span)
    }

    /// A 64-bit whole number in `range`.
    public mutating func bigint(in range: ClosedRange<Int64> = 0...1_000_000_000_000, unique: Int? = nil) -> Int64 {
        Int64(integer(in: Int(range.lowerBound)...Int(range.upperBound), unique: unique))
    }

    /// A binary floating-point number in `range`, rounded to two places where that stays inside.
    public mutating func float(in range: ClosedRange<Double> = 0...1000) -> Double {
        let value = range.lowerBound + (range.upperBound - range.lowerBound) * Double(next() % 1_000_001) / 1_000_000
        let rounded = (value * 100).rounded() / 100
        return range.contains(rounded) ? rounded : value
    }

    /// An exact decimal in `range` with at most `scale` decimal places.
    public mutating func decimal(in range: ClosedRange<ExactDecimal> = -1000...1000, scale: Int = 2, unique: Int? = nil) -> ExactDecimal {
        let factor = pow(10, Double(scale))
        let low = Int((Double(range.lowerBound.description)! * factor).rounded(.up))
        let high = Int((Double(range.upperBound.description)! * factor).rounded(.down))
        let units = integer(in: low...Swift.max(low, high), unique: unique)
        return ExactDecimal(Decimal(units) / Decimal(sign: .plus, exponent: scale, significand: 1))
    }

    /// An amount of money with cents.
    public mutating func money(in range: ClosedRange<ExactDecimal> = 0...10000, scale: Int = 2, unique: Int? = nil) -> ExactDecimal {
        decimal(in: range, scale: scale, unique: unique)
    }

    /// A percentage, 0 to 100 whatever `range` says.
    public mutating func percent(in range: ClosedRange<ExactDecimal> = 0...100, scale: Int = 2, unique: Int? = nil) -> ExactDecimal {
        let low = Swift.min(Swift.max(range.lowerBound, 0), 100), high = Swift.max(Swift.min(range.upperBound, 100), low)
        return decimal(in: low...high, scale: scale, unique: unique)
    }

    public mutating func boolean() -> Bool {
        next() % 2 == 0
    }

    /// Words whose length falls in `length`, ending in `unique` when it is given (in base 36
    /// when decimal digits would not fit).
    public mutating func text(length: ClosedRange<Int> = 1...255, unique: Int? = nil) -> String {
        var tag = unique.map { String($0) } ?? ""
        if tag.count > length.upperBound, let unique { tag = String(unique, radix: 36) }
        if !tag.isEmpty, length.upperBound >= tag.count + 2 { tag = " " + tag }
        let room = Swift.max(0, length.upperBound - tag.count)
        let target = Swift.min(room, Swift.max(length.lowerBound - tag.count, Swift.min(24, room)))
        var words = ""
        while words.count < target {
            words += (words.isEmpty ? "" : " ") + pick(Self.words)
        }
        var result = String(words.prefix(target)).trimmingCharacters(in: .whitespaces) + tag
        result = result.trimmingCharacters(in: .whitespaces)
        if result.count < length.lowerBound { result += String(repeating: "x", count: length.lowerBound - result.count) }
        return String(result.prefix(length.upperBound))
    }

    /// A few sentences, `length` permitting.
    public mutating func paragraph(length: ClosedRange<Int> = 1...2000, unique: Int? = nil) -> String {
        text(length: length.lowerBound...Swift.min(length.upperBound, Swift.max(length.lowerBound, 160)), unique: unique)
    }

    public mutating func email(unique: Int? = nil, maxLength: Int = 255) -> String {
        let number = unique ?? integer(in: 1...9999)
        let value = "\(pick(Self.words)).\(number)@example.com"
        return value.count <= maxLength ? value : "\(String(number, radix: 36))@x.io"
    }

    public mutating func url(unique: Int? = nil, maxLength: Int = 2048) -> String {
        let number = unique ?? integer(in: 1...9999)
        let value = "https://example.com/\(pick(Self.words))/\(number)"
        return value.count <= maxLength ? value : "https://x.io/\(String(number, radix: 36))"
    }

    public mutating func slug(unique: Int? = nil, maxLength: Int = 255) -> String {
        let number = unique ?? integer(in: 1...9999)
        let value = "\(pick(Self.words))-\(pick(Self.words))-\(number)"
        return value.count <= maxLength ? value : String(number, radix: 36)
    }

    public mutating func phone(unique: Int? = nil, maxLength: Int = 32) -> String {
        let digits = String(format: "%07d", (unique ?? integer(in: 0...9_999_999)) % 10_000_000)
        return maxLength >= 12 ? "+1555\(digits)" : digits
    }

    public mutating func ipAddress(unique: Int? = nil, maxLength: Int = 45) -> String {
        let n = unique ?? integer(in: 0...65535)
        let value = "10.\((n >> 16) & 255).\((n >> 8) & 255).\(n & 255)"
        return value.count <= maxLength ? value : "1.1.1.\(n % 10)"
    }

    public mutating func color(unique: Int? = nil) -> String {
        String(format: "#%06x", unique.map { $0 & 0xFFFFFF } ?? Int(next() % 0x1000000))
    }

    public mutating func filePath(unique: Int? = nil, maxLength: Int = 2048) -> String {
        let number = unique ?? integer(in: 1...9999)
        let value = "uploads/\(pick(Self.words))-\(number).pdf"
        return value.count <= maxLength ? value : "f" + String(number, radix: 36)
    }

    public mutating func imagePath(unique: Int? = nil, maxLength: Int = 2048) -> String {
        let number = unique ?? integer(in: 1...9999)
        let value = "images/\(pick(Self.words))-\(number).png"
        return value.count <= maxLength ? value : String(number, radix: 36) + ".png"
    }

    public mutating func uuid() -> UUID {
        let a = next(), b = next()
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: a >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> ($0 * 8)) }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40, bytes[7],
                           bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// A moment between 2020 and 2026, whole seconds.
    public mutating func datetime() -> Date {
        Date(timeIntervalSince1970: Double(integer(in: 1_577_836_800...1_767_225_599)))
    }

    /// A day from 2020 on; the `unique`-th day after 2020-01-01 when `unique` is given.
    public mutating func date(unique: Int? = nil) -> CalendarDate {
        let day = Date(timeIntervalSince1970: 1_577_836_800 + 86_400 * Double(unique ?? integer(in: 0...2555)))
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: day)
        return CalendarDate(String(format: "%04d-%02d-%02d", parts.year ?? 2020, parts.month ?? 1, parts.day ?? 1))!
    }

    /// A time of day; the `unique`-th second after midnight (cycling) when `unique` is given.
    public mutating func time(unique: Int? = nil) -> TimeOfDay {
        let second = (unique ?? integer(in: 0...86_399)) % 86_400
        return TimeOfDay(String(format: "%02d:%02d:%02d", second / 3600, second / 60 % 60, second % 60))!
    }

    public mutating func json(unique: Int? = nil) -> JSONObject {
        ["label": .string(pick(Self.words)), "rank": .number(Double(unique ?? integer(in: 1...100))), "active": .bool(boolean())]
    }
}
