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
    /// At most `limit` characters.
    public static func maxLength(_ limit: Int) -> FieldRule {
        FieldRule { $0.count > limit ? "must be at most \(limit) characters" : nil }
    }

    /// At least `limit` characters.
    public static func minLength(_ limit: Int) -> FieldRule {
        FieldRule { $0.count < limit ? "must be at least \(limit) characters" : nil }
    }
}

extension FieldRule where Value: Comparable & Sendable & CustomStringConvertible {
    /// At least `bound`.
    public static func min(_ bound: Value) -> FieldRule {
        FieldRule { $0 < bound ? "must be at least \(describe(bound))" : nil }
    }

    /// At most `bound`.
    public static func max(_ bound: Value) -> FieldRule {
        FieldRule { $0 > bound ? "must be at most \(describe(bound))" : nil }
    }
}

/// A bound as a person writes it: `0`, not `0.0`.
func describe(_ bound: some CustomStringConvertible) -> String {
    let text = bound.description
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}

extension FieldRule where Value == String {
    /// Not empty or only white space (for required fields in partial updates).
    public static var notBlank: FieldRule {
        FieldRule { $0.allSatisfy(\.isWhitespace) ? "must not be blank" : nil }
    }

    /// A plausible email address: one `@`, a non-empty local part, a dotted domain, no spaces.
    public static var email: FieldRule {
        FieldRule { value in
            let parts = value.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !value.contains(where: \.isWhitespace) else {
                return "must be an email address"
            }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy({ !$0.isEmpty }) ? nil : "must be an email address"
        }
    }

    /// An absolute `http` or `https` URL with a host.
    public static var url: FieldRule {
        FieldRule { value in
            let lower = value.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !value.contains(where: \.isWhitespace) else {
                return "must be an http or https URL"
            }
            let rest = lower.drop(while: { $0 != "/" }).dropFirst(2)
            let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            return host.isEmpty ? "must be an http or https URL" : nil
        }
    }
}
