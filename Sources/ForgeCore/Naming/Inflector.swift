/// English plurals and the case conventions of generated code.
///
/// ```swift
/// Inflector().plural("category")  // "categories"
/// Inflector().plural("person")    // "people"
/// "BlogPost".snakeCased           // "blog_post"
/// ```
public struct Inflector: Sendable {
    /// Built-in irregular nouns, singular → plural.
    public static let irregulars: [String: String] = [
        "person": "people", "man": "men", "woman": "women", "child": "children", "tooth": "teeth",
        "foot": "feet", "mouse": "mice", "goose": "geese", "ox": "oxen", "leaf": "leaves",
        "life": "lives", "knife": "knives", "wife": "wives", "half": "halves", "wolf": "wolves",
        "shelf": "shelves", "thief": "thieves", "criterion": "criteria", "phenomenon": "phenomena",
        "datum": "data", "medium": "media", "index": "indices", "matrix": "matrices", "vertex": "vertices",
        "analysis": "analyses", "crisis": "crises", "thesis": "theses", "quiz": "quizzes", "cactus": "cacti",
        "syllabus": "syllabi", "focus": "foci", "alumnus": "alumni",
    ]

    /// Nouns whose plural is the same word.
    public static let uncountables: Set<String> = [
        "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "deer",
        "news", "feedback", "metadata", "software", "hardware", "staff", "moose", "aircraft",
    ]

    /// Irregulars added by the project (`forge.yaml`), consulted before the built-in ones.
    public var custom: [String: String]

    public init(custom: [String: String] = [:]) {
        self.custom = Dictionary(custom.map { ($0.key.lowercased(), $0.value.lowercased()) }, uniquingKeysWith: { $1 })
    }

    /// The plural of a lowercase word (the last word of a snake_case name is the one inflected).
    public func plural(_ word: String) -> String {
        if let underscore = word.lastIndex(of: "_") {
            return String(word[...underscore]) + plural(String(word[word.index(after: underscore)...]))
        }
        let lower = word.lowercased()
        if let plural = custom[lower] ?? Self.irregulars[lower] { return plural }
        if Self.uncountables.contains(lower) { return lower }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        if lower.hasSuffix("y"), let beforeY = lower.dropLast().last, !vowels.contains(beforeY) {
            return lower.dropLast() + "ies"
        }
        for suffix in ["s", "x", "z", "ch", "sh"] where lower.hasSuffix(suffix) {
            return lower + "es"
        }
        if lower.hasSuffix("fe") { return lower.dropLast(2) + "ves" }
        if lower.hasSuffix("o"), let beforeO = lower.dropLast().last, !vowels.contains(beforeO),
           !["photo", "piano", "halo", "memo", "logo", "video", "radio", "studio", "zero", "auto", "demo"].contains(lower) {
            return lower + "es"
        }
        return lower + "s"
    }

    /// The singular whose ``plural(_:)`` is `word` (the last word of a snake_case name), or `nil`
    /// when `word` is no plural these rules make: `tags` → `tag`, `categories` → `category`.
    public func singular(_ word: String) -> String? {
        if let underscore = word.lastIndex(of: "_") {
            return singular(String(word[word.index(after: underscore)...])).map { String(word[...underscore]) + $0 }
        }
        let lower = word.lowercased()
        let irregular = (custom.first { $0.value == lower } ?? Self.irregulars.first { $0.value == lower })?.key
        var candidates = irregular.map { [$0] } ?? []
        if lower.hasSuffix("ies") { candidates.append(lower.dropLast(3) + "y") }
        if lower.hasSuffix("ves") { candidates.append(lower.dropLast(3) + "fe") }
        if lower.hasSuffix("es") { candidates.append(String(lower.dropLast(2))) }
        if lower.hasSuffix("s") { candidates.append(String(lower.dropLast())) }
        candidates.append(lower)
        return candidates.first { !$0.isEmpty && plural($0) == lower }
    }
}

extension String {
    /// The words of an identifier in any case style: `blogPost`, `BlogPost`, `blog_post`, `blog-post`.
    public var identifierWords: [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in self {
            if character == "_" || character == "-" || character == " " {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// `blog_post`.
    public var snakeCased: String { identifierWords.joined(separator: "_") }

    /// `blog-post`.
    public var kebabCased: String { identifierWords.joined(separator: "-") }

    /// `BlogPost`.
    public var pascalCased: String { identifierWords.map(\.capitalizedFirst).joined() }

    /// `blogPost`.
    public var camelCased: String {
        let pascal = pascalCased
        guard let first = pascal.first else { return pascal }
        return first.lowercased() + pascal.dropFirst()
    }

    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
