import ForgeShared
import Logging
import SQLiteNIO

/// What the app's `doctor` command reports to `forge doctor`, as JSON (ForgeShared's type).
typealias DoctorReport = AppDoctorReport

extension AppDoctorReport {
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
