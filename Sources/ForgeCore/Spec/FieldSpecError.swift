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

/// Finds the closest valid word to a misspelled one.
enum Suggester {
    /// The candidate at the smallest edit distance, if it is close enough to be a typo.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lower = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lower, candidate)
            if distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(1, min(3, candidate.count / 3 + 1))
        return distance <= allowed || candidate.hasPrefix(lower) && lower.count >= 3 ? candidate : nil
    }

    /// Levenshtein distance, with an adjacent transposition counted as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                rows[i][j] = Swift.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    rows[i][j] = Swift.min(rows[i][j], rows[i - 2][j - 2] + 1)
                }
            }
        }
        return rows[a.count][b.count]
    }
}
