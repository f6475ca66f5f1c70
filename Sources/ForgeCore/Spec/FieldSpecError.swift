

/// Why a field spec or resource name was rejected: a code to compare on, the offending
/// token and its 1-based column in the spec, and a one-line message with a suggestion.
public struct FieldSpecError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case emptySpec, missingType, invalidName, reservedName, unknownType, unknownRule
        case missingValue, badNumber, unexpectedValue, contradiction, ruleNotApplicable
        case duplicateField, invalidResourceName, invalidReference
    }

    public var code: Code
    /// The spec as the user wrote it.
    public var spec: String
    /// The word at fault.
    public var token: String
    /// 1-based column of `token` in `spec`.
    public var column: Int
    /// What is wrong, without the location.
    public var reason: String
    /// A suggested replacement, when one is close.
    public var suggestion: String?

    public init(_ code: Code, spec: String, token: String, column: Int, reason: String, suggestion: String? = nil) {
        self.code = code
        self.spec = spec
        self.token = token
        self.column = column
        self.reason = reason
        self.suggestion = suggestion
    }

    /// `unknown type 'mony' in 'price:mony' (column 7) — did you mean 'money'?`
    public var description: String {
        // A resource name is its own whole "spec": its location would add nothing.
        var text = code == .invalidResourceName || spec == token && column == 1 && !spec.contains(":") ? reason : "\(reason) in '\(spec)' (column \(column))"
        if let suggestion { text += " — did you mean '\(suggestion)'?" }
        // One line, whatever the spec held: control characters are shown escaped.
        return text.unicodeScalars.map { $0.properties.generalCategory == .control ? $0.escaped(asASCII: true) : String($0) }.joined()
    }
}
