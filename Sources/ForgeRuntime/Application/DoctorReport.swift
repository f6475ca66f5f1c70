import Logging
import SQLiteNIO

/// What the app's `doctor` command reports to `forge doctor`, as JSON.
struct DoctorReport: Encodable {
    /// The SQLite library linked into the app (used even by PostgreSQL apps for `routes`).
    var sqliteVersion: String
    /// The engine and version behind DATABASE_URL, when reachable.
    var databaseVersion: String?
    var database: String
    var databaseError: String?
    var pendingMigrations: [String]

    enum CodingKeys: String, CodingKey {
        case database
        case sqliteVersion = "sqlite_version"
        case databaseVersion = "database_version"
        case databaseError = "database_error"
        case pendingMigrations = "pending_migrations"
    }

    static func make(_ definition: AppDefinition, configuration: AppConfiguration, logger: Logger) async -> DoctorReport {
        var quiet = logger
        quiet.logLevel = .critical
        var report = DoctorReport(sqliteVersion: SQLiteConnection.libraryVersionString(), database: "ok", pendingMigrations: [])
        do {
            let database = try await Database.open(configuration.database, logger: quiet, drivers: definition.drivers, connectionsPerEventLoop: 1)
            do {
                report.databaseVersion = try await database.backend.version()
                report.pendingMigrations = try await MigrationRunner(database: database, migrations: definition.migrations).status().pending
            } catch {
                try? await database.close()
                throw error
            }
            try await database.close()
        } catch {
            report.database = "unreachable"
            report.databaseError = "\(configuration.database): \(error)"
        }
        return report
    }
}
