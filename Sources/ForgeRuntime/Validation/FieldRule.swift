import ForgeShared

/// One check on one request field. Each returns a message for a failing value, or `nil`.
///
/// ```swift
/// check.field("title", title, .required, .maxLength(200))
/// check.field("views", views, .min(0))
/// ```
public struct FieldRule<Value: Sendable>: Sendable {
    let isRequired: Bool
    let test: @Sendable (Value) -> String?

    /// A rule from a test that returns a message when `value` fails.
    public init(_ test: @escaping @Sendable (Value) -> String?) {
        self.isRequired = false
        self.test = test
    }

    private init(required: Bool) {
        self.isRequired = required
        self.test = { _ in nil }
    }

    /// The field must be present (and, for text, not blank).
    public static var required: FieldRule { FieldRule(required: true) }
}

extension FieldRule where Value == String {
    /// At most `limit` characters, counted as Unicode scalars: what JSON Schema's `maxLength`
    /// and PostgreSQL's `VARCHAR(n)` count (`"é"` written as `e` + U+0301 is two).
    public static func maxLength(_ limit: Int) -> FieldRule {
        FieldRule { $0.scalarCount > limit ? RuleMessage.maxLength(limit) : nil }
    }

    /// At least `limit` characters (Unicode scalars, as ``maxLength(_:)``).
    public static func minLength(_ limit: Int) -> FieldRule {
        FieldRule { $0.scalarCount < limit ? RuleMessage.minLength(limit) : nil }
    }
}

extension FieldRule where Value: Comparable & Sendable & CustomStringConvertible {
    /// At least `bound`.
    public static func min(_ bound: Value) -> FieldRule {
        FieldRule { $0 < bound ? RuleMessage.atLeast(bound) : nil }
    }

    /// At most `bound`.
    public static func max(_ bound: Value) -> FieldRule {
        FieldRule { $0 > bound ? RuleMessage.atMost(bound) : nil }
    }
}

extension FieldRule where Value == String {
    /// Not empty or only white space (Unicode's White_Space), for required fields in partial updates.
    public static var notBlank: FieldRule {
        FieldRule { $0.isBlank ? "must not be blank" : nil }
    }

    /// A plausible email address: one `@`, a non-empty local part, a dotted domain, no spaces.
    public static var email: FieldRule { FieldRule(TextFormat.email.problem) }

    /// An absolute `http` or `https` URL with a host.
    public static var url: FieldRule { FieldRule(TextFormat.url.problem) }
}
