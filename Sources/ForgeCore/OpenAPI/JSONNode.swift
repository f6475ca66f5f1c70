/// A JSON value whose objects keep their keys in the order they were written, so a document
/// forge renders (the OpenAPI description) is the same bytes every time and reads top-down.
///
/// Literals build it: `["type": "string", "maxLength": 120]` is an object with two keys in
/// that order.
public indirect enum JSONNode: Equatable, Sendable {
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONNode])
    case object([(key: String, value: JSONNode)])

    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    /// The value at `key` of an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// An object's keys, in order.
    public var keys: [String] {
        guard case .object(let pairs) = self else { return [] }
        return pairs.map(\.key)
    }

    /// This object with `value` at `key`: replaced in place when the key exists, else appended.
    public func setting(_ key: String, _ value: JSONNode) -> JSONNode {
        guard case .object(var pairs) = self else { return self }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
        return .object(pairs)
    }

    /// This object with `pairs` appended.
    public func appendingMembers(_ pairs: [(key: String, value: JSONNode)]) -> JSONNode {
        guard case .object(let members) = self else { return self }
        return .object(members + pairs)
    }

    /// An object of `pairs`, leaving out the `nil` values (optional keywords).
    public static func object(_ pairs: KeyValuePairs<String, JSONNode?>) -> JSONNode {
        .object(pairs.compactMap { pair in pair.value.map { (pair.key, $0) } })
    }
}

extension JSONNode: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONNode...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONNode)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
}

// MARK: - Rendering

extension JSONNode {
    /// The same document as YAML 1.2 block style: strings are JSON-quoted (a YAML double-quoted
    /// scalar), so no value is ever read back as a number, a boolean or a null by accident.
    public var yaml: String {
        var out = ""
        out.reserveCapacity(4096)
        switch self {
        case .object(let pairs) where !pairs.isEmpty: writeYAMLPairs(pairs, into: &out, indent: 0)
        case .array(let items) where !items.isEmpty: writeYAMLItems(items, into: &out, indent: 0)
        default: out.append(scalarText); out.append("\n")
        }
        return out
    }

    var isScalar: Bool {
        switch self {
        case .array(let items): items.isEmpty
        case .object(let pairs): pairs.isEmpty
        default: true
        }
    }

    /// Indents up to 80 spaces, made once (a document is nested a dozen levels at most).
    private static let indents: [String] = (0...80).map { String(repeating: " ", count: $0) }

    private static func indent(_ count: Int, into out: inout String) {
        var left = count
        while left > 80 {
            out.append(indents[80])
            left -= 80
        }
        out.append(indents[left])
    }

    private func writeYAMLPairs(_ pairs: [(key: String, value: JSONNode)], into out: inout String, indent: Int) {
        for pair in pairs {
            Self.indent(indent, into: &out)
            out.append(Self.yamlKey(pair.key))
            out.append(":")
            pair.value.writeYAMLValue(into: &out, indent: indent + 2)
        }
    }

    private func writeYAMLItems(_ items: [JSONNode], into out: inout String, indent: Int) {
        for item in items {
            Self.indent(indent, into: &out)
            out.append("-")
            switch item {
            case .object(let pairs) where !pairs.isEmpty:
                // The first key shares the dash's line; the rest line up under it.
                var block = ""
                item.writeYAMLPairs(pairs, into: &block, indent: indent + 2)
                out.append(" ")
                out.append(contentsOf: block.drop(while: { $0 == " " }))
            default:
                item.writeYAMLValue(into: &out, indent: indent + 2)
            }
        }
    }

    /// What follows `key:` or `-`: a scalar on the same line, or a nested block below it.
    private func writeYAMLValue(into out: inout String, indent: Int) {
        switch self {
        case .object(let pairs) where !pairs.isEmpty:
            out.append("\n")
            writeYAMLPairs(pairs, into: &out, indent: indent)
        case .array(let items) where !items.isEmpty:
            out.append("\n")
            writeYAMLItems(items, into: &out, indent: indent)
        default:
            out.append(" ")
            out.append(scalarText)
            out.append("\n")
        }
    }

    /// A scalar, or an empty array or object, as JSON text (valid YAML too).
    var scalarText: String {
        switch self {
        case .string(let text):
            var out = ""
            Self.quote(text, into: &out)
            return out
        case .integer(let value): return String(value)
        case .number(let value): return Self.format(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array: return "[]"
        case .object: return "{}"
        }
    }

    /// A whole number without a fraction (`100`), else Swift's shortest round-tripping form.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return String(value)
    }

    private static func yamlKey(_ key: String) -> String {
        let plain = key.utf8.first.map { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 } == true
            && key.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 || $0 == 45 || $0 == 46 }
        guard plain, !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(key.lowercased()) else {
            var out = ""
            quote(key, into: &out)
            return out
        }
        return key
    }

    static func quote(_ text: String, into out: inout String) {
        // Most keys and values need no escape: copied whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 >= 0xC2 }) {
            out.append("\"")
            out.append(text)
            out.append("\"")
            return
        }
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.append("\"")
    }
}
