import Foundation

/// Where the app's data lives, parsed from `DATABASE_URL`.
///
/// ```
/// sqlite:db/development.sqlite     // a file, relative to the app's folder
/// sqlite:///var/lib/shop/app.sqlite // an absolute path
/// sqlite::memory:                   // a private in-memory database
/// postgres://user:secret@localhost:5432/shop   // PostgreSQL (apps made with --db postgres)
/// ```
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file at `path`.
    case sqliteFile(path: String)
    /// A SQLite database that lives only as long as the process.
    case sqliteMemory
    /// A PostgreSQL server, as a `postgres://` (or `postgresql://`) URL.
    case postgres(url: String)

    /// The default for a new app: a file under `db/` in the app's folder.
    public static let defaultValue = DatabaseURL.sqliteFile(path: "db/development.sqlite")

    /// Parses a `DATABASE_URL` value, resolving relative SQLite paths against `directory`.
    public init(parsing text: String, relativeTo directory: String? = nil) throws(ConfigurationError) {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            guard let url = URL(string: value), url.host != nil, url.path.count > 1 else {
                throw ConfigurationError(key: "DATABASE_URL", message: "DATABASE_URL needs a host and a database: postgres://USER:PASSWORD@HOST:5432/DATABASE")
            }
            self = .postgres(url: value)
            return
        }
        guard value.hasPrefix("sqlite:") else {
            let scheme = value.split(separator: ":").first.map(String.init) ?? value
            throw ConfigurationError(
                key: "DATABASE_URL",
                message: "unsupported database '\(scheme)' in DATABASE_URL; use sqlite:PATH or postgres://USER:PASSWORD@HOST/DATABASE"
            )
        }
        var path = String(value.dropFirst("sqlite:".count))
        if path.hasPrefix("//") { path.removeFirst(2) }
        if path == ":memory:" || path.isEmpty && value.hasSuffix(":memory:") {
            self = .sqliteMemory
            return
        }
        guard !path.isEmpty else {
            throw ConfigurationError(key: "DATABASE_URL", message: "DATABASE_URL 'sqlite:' names no file; use sqlite:PATH")
        }
        if !path.hasPrefix("/"), let directory {
            path = URL(fileURLWithPath: directory).appendingPathComponent(path).standardizedFileURL.path
        }
        self = .sqliteFile(path: path)
    }

    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url): Self.maskingPassword(url)
        }
    }

    /// The URL with its password replaced by `***`, for logs and reports.
    static func maskingPassword(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let schemeEnd = url.range(of: "://")?.upperBound,
              let colon = url[schemeEnd..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}
