/// Names a field or resource may not take, with the reason given to the user.
enum ReservedWords {
    /// Columns every model already has.
    static let modelColumns: Set<String> = ["id", "created_at", "updated_at", "deleted_at"]

    /// Swift keywords, which cannot be property names without backticks.
    static let swift: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public",
        "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return",
        "throw", "switch", "where", "while", "any", "as", "await", "false", "is", "nil", "self", "super",
        "throws", "true", "try", "some", "async", "actor", "consume", "copy", "discard", "each", "borrowing",
        "consuming", "package", "macro",
    ]

    /// SQL keywords that would need quoting in hand-written queries on SQLite or PostgreSQL.
    /// (`key` is not one: both accept it as a column name, and fastpy's docs use it.)
    static let sql: Set<String> = [
        "select", "from", "where", "table", "order", "group", "by", "having", "limit", "offset", "insert",
        "update", "delete", "into", "values", "join", "union", "create", "drop", "alter", "index", "primary",
        "foreign", "references", "constraint", "unique", "check", "null", "not", "and", "or", "user",
        "column", "distinct", "between", "like", "exists", "all", "asc", "desc", "on", "using", "when",
        "then", "end", "grant", "with", "transaction", "trigger", "view", "returning",
    ]

    /// Type names a resource may not take, because generated code or the runtime already uses them.
    static let typeNames: Set<String> = [
        "String", "Int", "Double", "Bool", "Date", "Data", "URL", "UUID", "Array", "Dictionary", "Set",
        "Optional", "Error", "Result", "Task", "Model", "Migration", "Database", "Routes", "Request",
        "Response", "Application", "Router", "Validation", "Page", "PageRequest", "AppError", "Registry",
        "Field", "Self", "Type", "Protocol", "Any", "App", "Run", "Health", "Fake", "Factory", "Seeder",
        "ExactDecimal", "CalendarDate", "TimeOfDay", "JSONObject", "JSONValue", "FieldEnum", "Decimal",
    ]

    /// Why `name` cannot be a field, or `nil` when it can.
    static func fieldReason(_ name: String) -> String? {
        if modelColumns.contains(name) { return "'\(name)' clashes with the column every model already has" }
        if swift.contains(name) || swift.contains(name.camelCased) { return "'\(name)' is a Swift keyword" }
        if sql.contains(name) { return "'\(name)' is an SQL keyword" }
        return nil
    }
}
