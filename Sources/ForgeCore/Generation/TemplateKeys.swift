import Foundation

/// Finds the tags of a Mustache template that its values cannot fill, so a misspelt key is an
/// error naming it instead of empty text in a generated file.
///
/// It follows Mustache's scoping: a name resolves in the innermost section first, then outward;
/// a section that would not render (false, an empty list, `nil`) is not looked into, and a list's
/// items together form the scope of its section.
enum TemplateKeys {
    /// The names `text` uses that `values` has no value for, in order of first use.
    static func missing(in text: String, _ values: [String: Any]) -> [String] {
        var scopes: [[String: Any]] = [values]
        var sections: [String] = []
        var skipping: (name: String, depth: Int)?
        var missing: [String] = []
        for tag in tags(in: text) {
            if let skip = skipping {
                if tag.kind == "#" || tag.kind == "^", tag.name == skip.name { skipping = (skip.name, skip.depth + 1) }
                if tag.kind == "/", tag.name == skip.name {
                    skipping = skip.depth == 0 ? nil : (skip.name, skip.depth - 1)
                }
                continue
            }
            switch tag.kind {
            case "!", "%", ">":
                continue
            case "/":
                if sections.last == tag.name {
                    sections.removeLast()
                    scopes.removeLast()
                }
            case "#", "^":
                guard let value = lookup(tag.name, in: scopes) else {
                    if !missing.contains(tag.name) { missing.append(tag.name) }
                    skipping = (tag.name, 0)
                    continue
                }
                let renders = isTruthy(value) == (tag.kind == "#")
                guard renders else {
                    skipping = (tag.name, 0)
                    continue
                }
                sections.append(tag.name)
                scopes.append(tag.kind == "#" ? scope(of: value) : [:])
            default:
                if tag.name != ".", lookup(tag.name, in: scopes) == nil, !missing.contains(tag.name) {
                    missing.append(tag.name)
                }
            }
        }
        return missing
    }

    /// The first name of every tag `text` uses (`fields` for `{{#fields}}`, `a` for `{{a.b}}`),
    /// whether or not its section would render.
    static func names(in text: String) -> Set<String> {
        Set(tags(in: text).filter { !["!", "%", ">"].contains($0.kind) && $0.name != "." }
            .compactMap { $0.name.split(separator: ".").first.map(String.init) })
    }

    /// Every key `values` holds at any depth, for suggesting the intended one.
    static func allKeys(_ value: Any) -> Set<String> {
        switch value {
        case let dictionary as [String: Any]:
            dictionary.reduce(into: Set(dictionary.keys)) { $0.formUnion(allKeys($1.value)) }
        case let list as [Any]:
            list.reduce(into: Set<String>()) { $0.formUnion(allKeys($1)) }
        default:
            []
        }
    }

    private struct Tag {
        /// `#`, `^`, `/`, `!`, `%`, `>`, `&`, or empty for a variable.
        var kind: String
        var name: String
    }

    /// The tags of `text`, scanned over its UTF-8 bytes (Foundation's `range(of:)` made this
    /// the slowest step of `make:resource`).
    private static func tags(in text: String) -> [Tag] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{"), closing = UInt8(ascii: "}")
        var tags: [Tag] = []
        var index = 0
        while index + 1 < bytes.count {
            guard bytes[index] == brace, bytes[index + 1] == brace else {
                index += 1
                continue
            }
            let triple = index + 2 < bytes.count && bytes[index + 2] == brace
            let start = index + (triple ? 3 : 2)
            var end = start
            while end + 1 < bytes.count, !(bytes[end] == closing && bytes[end + 1] == closing) { end += 1 }
            guard end + 1 < bytes.count else { break }
            // Trimmed by hand: Foundation's trimming is the costly part on Linux.
            let space = UInt8(ascii: " ")
            var low = start, high = end
            while low < high, bytes[low] == space { low += 1 }
            var kind = ""
            if low < high, let sigil = "#^/!%>&".utf8.first(where: { $0 == bytes[low] }) {
                kind = sigil == UInt8(ascii: "&") ? "" : String(UnicodeScalar(sigil))
                low += 1
                while low < high, bytes[low] == space { low += 1 }
            }
            while high > low, bytes[high - 1] == space { high -= 1 }
            tags.append(Tag(kind: kind, name: String(decoding: bytes[low..<high], as: UTF8.self)))
            index = end + (triple ? 3 : 2)
        }
        return tags
    }

    private static func lookup(_ name: String, in scopes: [[String: Any]]) -> Any? {
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        guard var value = scopes.reversed().lazy.compactMap({ $0[first] }).first else { return nil }
        for part in parts.dropFirst() {
            guard let next = (value as? [String: Any])?[part] else { return nil }
            value = next
        }
        return value
    }

    private static func isTruthy(_ value: Any) -> Bool {
        switch value {
        case let flag as Bool: flag
        case let list as [Any]: !list.isEmpty
        case let text as String: !text.isEmpty
        case Optional<Any>.none: false
        default: true
        }
    }

    /// The names a section's contents see: a dictionary's keys, or those of a list's items.
    private static func scope(of value: Any) -> [String: Any] {
        switch value {
        case let dictionary as [String: Any]:
            dictionary
        case let list as [Any]:
            list.compactMap { $0 as? [String: Any] }.reduce(into: [:]) { scope, item in
                scope.merge(item) { first, _ in first }
            }
        default:
            [:]
        }
    }
}
