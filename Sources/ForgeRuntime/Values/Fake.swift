import Foundation

/// Makes valid field values for factories: deterministic for one seed, within the bounds the
/// generated factory passes, and distinct where a `unique` index is given.
///
/// ```swift
/// var fake = Fake(seed: 7)
/// fake.text(length: 3...120, unique: 12)   // "amber river 12"
/// fake.money(in: 0...9999.99)               // 4721.35
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

    /// One of `choices`.
    public mutating func pick<T>(_ choices: [T]) -> T {
        precondition(!choices.isEmpty, "Fake.pick needs at least one choice")
        return choices[Int(next() % UInt64(choices.count))]
    }

    /// One of `choices`, or `nil` when there are none (an optional reference with no rows yet).
    public mutating func pickIfAny<T>(_ choices: [T]) -> T? {
        choices.isEmpty ? nil : pick(choices)
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
    public mutating func money(in range: ClosedRange<ExactDecimal> = 0...10000, unique: Int? = nil) -> ExactDecimal {
        decimal(in: range, scale: 2, unique: unique)
    }

    /// A percentage with two decimal places.
    public mutating func percent(in range: ClosedRange<ExactDecimal> = 0...100, unique: Int? = nil) -> ExactDecimal {
        decimal(in: Swift.max(range.lowerBound, 0)...Swift.min(range.upperBound, 100), scale: 2, unique: unique)
    }

    public mutating func boolean() -> Bool {
        next() % 2 == 0
    }

    /// Words whose length falls in `length`, ending in `unique` when it is given.
    public mutating func text(length: ClosedRange<Int> = 1...255, unique: Int? = nil) -> String {
        let suffix = unique.map { " \($0)" } ?? ""
        let target = Swift.min(length.upperBound, Swift.max(length.lowerBound, Swift.min(24, length.upperBound)))
        var text = ""
        while text.count + suffix.count < target {
            text += (text.isEmpty ? "" : " ") + pick(Self.words)
        }
        let room = Swift.max(0, length.upperBound - suffix.count)
        text = String(text.prefix(room)).trimmingCharacters(in: .whitespaces)
        var result = text + suffix
        if result.count < length.lowerBound { result += String(repeating: "x", count: length.lowerBound - result.count) }
        if result.first == " " { result = "x" + result.dropFirst() }
        return String(result.prefix(length.upperBound))
    }

    /// A few sentences, `length` permitting.
    public mutating func paragraph(length: ClosedRange<Int> = 1...2000, unique: Int? = nil) -> String {
        text(length: length.lowerBound...Swift.min(length.upperBound, Swift.max(length.lowerBound, 160)), unique: unique)
    }

    public mutating func email(unique: Int? = nil) -> String {
        "\(pick(Self.words)).\(unique ?? integer(in: 1...9999))@example.com"
    }

    public mutating func url(unique: Int? = nil) -> String {
        "https://example.com/\(pick(Self.words))/\(unique ?? integer(in: 1...9999))"
    }

    public mutating func slug(unique: Int? = nil) -> String {
        "\(pick(Self.words))-\(pick(Self.words))-\(unique ?? integer(in: 1...9999))"
    }

    public mutating func phone(unique: Int? = nil) -> String {
        "+1555\(String(format: "%07d", unique ?? integer(in: 0...9_999_999)))"
    }

    public mutating func ipAddress(unique: Int? = nil) -> String {
        let n = unique ?? integer(in: 0...65535)
        return "10.\((n >> 16) & 255).\((n >> 8) & 255).\(n & 255)"
    }

    public mutating func color() -> String {
        String(format: "#%06x", Int(next() % 0x1000000))
    }

    public mutating func filePath(unique: Int? = nil) -> String {
        "uploads/\(pick(Self.words))-\(unique ?? integer(in: 1...9999)).pdf"
    }

    public mutating func imagePath(unique: Int? = nil) -> String {
        "images/\(pick(Self.words))-\(unique ?? integer(in: 1...9999)).png"
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

    public mutating func date() -> CalendarDate {
        let month = integer(in: 1...12)
        return CalendarDate(String(format: "%04d-%02d-%02d", integer(in: 2020...2026), month, integer(in: 1...28)))!
    }

    public mutating func time() -> TimeOfDay {
        TimeOfDay(String(format: "%02d:%02d:00", integer(in: 0...23), integer(in: 0...59)))!
    }

    public mutating func json(unique: Int? = nil) -> JSONObject {
        ["label": .string(pick(Self.words)), "rank": .number(Double(unique ?? integer(in: 1...100))), "active": .bool(boolean())]
    }
}

/// Makes valid drafts of one model, for seeders and tests.
public protocol Factory: Sendable {
    associatedtype Draft: Encodable & Sendable
    /// A valid draft; `index` differs for every draft of one run, so unique fields stay unique.
    func draft(_ index: Int, using fake: inout Fake) -> Draft
}
