import Foundation

/// Checks literal values written in specs (`default:VALUE`) against their field's type.
///
/// These mirror ForgeRuntime's validators closely enough to catch a default the app would
/// refuse; the runtime stays the authority for request values.
enum SpecValue {
    /// `-12.50`, `7`: digits with at most one point, no exponent, no hex.
    static func isPlainDecimal(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// Whether two plain decimals write the same number (`5`, `5.0`, `05.00`).
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        func normal(_ text: String) -> String {
            let negative = text.hasPrefix("-")
            var body = negative ? String(text.dropFirst()) : text
            if body.contains(".") {
                while body.hasSuffix("0") { body.removeLast() }
                if body.hasSuffix(".") { body.removeLast() }
            }
            while body.count > 1, body.hasPrefix("0"), !body.hasPrefix("0.") { body.removeFirst() }
            return (negative && body != "0" ? "-" : "") + body
        }
        return normal(a) == normal(b)
    }

    /// The shortest valid value of a text type, which a `max` rule must leave room for; the
    /// factory's short forms (`7@x.io`, `https://x.io/7`) fit exactly this.
    static func shortestValue(of type: FieldType) -> Int {
        switch type {
        case .email: 6
        case .url: 14
        case .phone: 7
        case .ip: 9
        case .image: 5
        case .file: 2
        case .string, .text, .integer, .bigint, .float, .decimal, .money, .percent, .boolean, .datetime, .date, .time,
             .uuid, .json, .slug, .color, .enumeration, .reference, .many: 1
        }
    }

    /// Digits after the point generated values of a number field carry: none for whole
    /// numbers, else enough to step inside every bound (at least 2, at most 4 for money and percent).
    static func scale(of field: Field) -> Int {
        guard !field.type.isWholeNumber else { return 0 }
        let bounds = [field.lowerBound, field.upperBound].compactMap { $0 }
        let written = bounds.map { SpecRule.format($0.value).split(separator: ".").dropFirst().first?.count ?? 0 }.max() ?? 0
        let needed = max(2, written + (bounds.contains { !$0.inclusive } ? 1 : 0))
        return field.type == .money || field.type == .percent ? min(needed, 4) : needed
    }

    /// The closed range a number field's generated values come from, or `nil` when no value at
    /// ``scale(of:)`` fits: the bounds with exclusive ones stepped inside, a window of 1000
    /// beside a one-sided bound, 0...1000 with none, always inside the type's own range.
    static func fittingRange(_ field: Field) -> (low: Double, high: Double)? {
        guard field.type.traits.measure == .value else { return nil }
        let factor = pow(10, Double(scale(of: field)))
        func units(_ value: Double) -> Double {
            let scaled = value * factor
            return abs(scaled - scaled.rounded()) < 1e-6 ? scaled.rounded() : scaled
        }
        let typeRange = field.type.traits.range
        var low = field.lowerBound.map { bound in
            let value = units(bound.value)
            return (bound.inclusive ? value.rounded(.up) : value.rounded(.down) + 1) / factor
        }
        var high = field.upperBound.map { bound in
            let value = units(bound.value)
            return (bound.inclusive ? value.rounded(.down) : value.rounded(.up) - 1) / factor
        }
        switch (low, high) {
        case (nil, nil): (low, high) = (0, 1000)
        case (let low?, nil): high = low + 1000
        case (nil, let high?): low = high - 1000
        default: break
        }
        let from = max(low!, typeRange?.lowerBound ?? -.infinity), to = min(high!, typeRange?.upperBound ?? .infinity)
        return from <= to ? (from, to) : nil
    }

    /// The number `text` stands for, when it is a valid literal of numeric `type`.
    static func number(_ text: String, of type: FieldType) -> Double? {
        switch type {
        case .integer, .bigint:
            return Int64(text).map(Double.init)
        case .float:
            return isPlainDecimal(text) ? Double(text) : nil
        case .decimal, .money, .percent:
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
            if type != .decimal, parts.count == 2, parts[1].count > 4 { return nil }
            return Double(text)
        case .string, .text, .boolean, .datetime, .date, .time, .email, .url, .uuid, .json, .phone, .slug, .ip, .color, .file, .image,
             .enumeration, .reference, .many:
            return nil
        }
    }
}
