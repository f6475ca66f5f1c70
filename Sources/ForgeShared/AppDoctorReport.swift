/// What an app's own `doctor` command prints as JSON and `forge doctor` reads: one type, so
/// the two sides cannot drift.
public struct AppDoctorReport: Codable, Sendable, Equatable {
    /// The SQLite library linked into the app (used even by PostgreSQL apps for `routes`).
    public var sqliteVersion: String
    /// The engine and version behind DATABASE_URL, when reachable.
    public var databaseVersion: String?
    /// `ok` or `unreachable`.
    public var database: String
    public var databaseError: String?
    public var pendingMigrations: [String]

    public init(sqliteVersion: String, databaseVersion: String? = nil, database: String, databaseError: String? = nil, pendingMigrations: [String]) {
        self.sqliteVersion = sqliteVersion
        self.databaseVersion = databaseVersion
        self.database = database
        self.databaseError = databaseError
        self.pendingMigrations = pendingMigrations
    }

    enum CodingKeys: String, CodingKey {
        case database
        case sqliteVersion = "sqlite_version"
        case databaseVersion = "database_version"
        case databaseError = "database_error"
        case pendingMigrations = "pending_migrations"
    }
}
