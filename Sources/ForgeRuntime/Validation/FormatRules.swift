import ForgeShared
import Foundation

extension FieldRule where Value: Comparable & Sendable & CustomStringConvertible {
    /// Greater than `bound` (`gt:N`).
    public static func greaterThan(_ bound: Value) -> FieldRule {
        FieldRule { $0 > bound ? nil : RuleMessage.greaterThan(bound) }
    }

    /// Less than `bound` (`lt:N`).
    public static func lessThan(_ bound: Value) -> FieldRule {
        FieldRule { $0 < bound ? nil : RuleMessage.lessThan(bound) }
    }
}

extension FieldRule where Value == Int {
    /// Fits an `integer` column on every database (32 bits).
    public static var int32: FieldRule {
        FieldRule { Int(exactly: Int32(clamping: $0)) == $0 ? nil : RuleMessage.int32 }
    }
}

extension FieldRule where Value == ExactDecimal {
    /// An amount of money: at most 4 decimal places and 15 whole digits (`NUMERIC(19,4)`).
    public static var money: FieldRule {
        FieldRule { value in
            if value.scale > 4 { return RuleMessage.fourDecimalPlaces }
            return abs(value.value) >= 1_000_000_000_000_000 ? RuleMessage.moneySize : nil
        }
    }

    /// A percentage: 0 to 100, at most 4 decimal places.
    public static var percent: FieldRule {
        FieldRule { value in
            if value.value < 0 || value.value > 100 { return RuleMessage.percentRange }
            return value.scale > 4 ? RuleMessage.fourDecimalPlaces : nil
        }
    }
}

extension FieldRule where Value == String {
    /// Lowercase letters and digits in words joined by single hyphens: `my-first-post`.
    public static var slug: FieldRule { FieldRule(TextFormat.slug.problem) }

    /// A `#rrggbb` colour.
    public static var hexColor: FieldRule { FieldRule(TextFormat.hexColor.problem) }

    /// A phone number: 7 to 15 digits (E.164), an optional leading `+`, and spaces, dots,
    /// hyphens or parentheses between digits.
    public static var phone: FieldRule { FieldRule(TextFormat.phone.problem) }

    /// An IPv4 address in dotted-decimal form, or an IPv6 address.
    public static var ipAddress: FieldRule { FieldRule(TextFormat.ipAddress.problem) }

    /// A file path or URL: no control characters, no blank.
    public static var filePath: FieldRule { FieldRule(TextFormat.filePath.problem) }

    /// A file path or URL ending in an image extension.
    public static var imagePath: FieldRule { FieldRule(TextFormat.imagePath.problem) }
}
