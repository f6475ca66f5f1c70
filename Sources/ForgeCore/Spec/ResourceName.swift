/// The names one resource goes by in every layer, derived from its singular PascalCase name.
///
/// ```swift
/// let names = try ResourceName("BlogPost")
/// names.table   // "blog_posts"
/// names.path    // "blog-posts"
/// names.plural  // "BlogPosts"
/// ```
public struct ResourceName: Equatable, Sendable {
    /// `BlogPost`: the model type.
    public let type: String
    /// `BlogPosts`.
    public let plural: String
    /// `blog_posts`: the table.
    public let table: String
    /// `blog-posts`: the URL segment under `/api/`.
    public let path: String
    /// `blogPost`: a variable holding one.
    public let variable: String
    /// `blogPosts`: a variable holding many.
    public let pluralVariable: String

    /// Validates `name` and derives the rest, using `inflector` for the plural.
    public init(_ name: String, inflector: Inflector = Inflector()) throws(FieldSpecError) {
        guard let first = name.first, first.isLetter, first.isASCII,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            let fixed = name.identifierWords.joined(separator: "_").pascalCased.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            let suggestion = fixed.first?.isLetter == true && fixed != name ? fixed : nil
            throw FieldSpecError(.invalidResourceName, spec: name, token: name, column: 1,
                                 reason: "invalid resource name '\(name)': use a singular PascalCase name of letters and digits starting with a letter",
                                 suggestion: suggestion)
        }
        guard name.first!.isUppercase else {
            throw FieldSpecError(.invalidResourceName, spec: name, token: name, column: 1,
                                 reason: "resource names are PascalCase types", suggestion: name.pascalCased)
        }
        guard !ReservedWords.typeNames.contains(name) else {
            throw FieldSpecError(.reservedName, spec: name, token: name, column: 1,
                                 reason: "'\(name)' is a type name generated code already uses; choose a more specific name")
        }
        let words = name.identifierWords
        let pluralWords = words.dropLast() + [inflector.plural(words.last!)]
        self.type = name
        self.plural = pluralWords.map(\.capitalizedFirst).joined()
        self.table = pluralWords.joined(separator: "_")
        self.path = pluralWords.joined(separator: "-")
        self.variable = name.camelCased
        self.pluralVariable = self.plural.camelCased
    }
}
