import Foundation
import Logging

/// What every app command starts from: the app, its settings from the environment and `.env`,
/// and a logger at the configured level.
struct AppCommandEnvironment {
    var definition: AppDefinition
    var configuration: AppConfiguration
    var logger: Logger

    static func load(_ definition: AppDefinition) async throws -> AppCommandEnvironment {
        let configuration = try await AppConfiguration.load()
        var logger = Logger(label: definition.name)
        logger.logLevel = configuration.logLevel
        return AppCommandEnvironment(definition: definition, configuration: configuration, logger: logger)
    }

    /// `rollback` and `fresh` destroy data: under APP_ENV=production they need `--force`.
    func guardProduction(_ command: String, force: Bool) throws {
        if configuration.environment == "production" && !force {
            throw AppCommandLineError(message: "refusing to \(command) with APP_ENV=production: it destroys data; add --force if you mean it", exitCode: 1)
        }
    }

    func withMigrationRunner(_ body: (MigrationRunner) async throws -> Void) async throws {
        try await withDatabase { database in
            try await body(MigrationRunner(database: database, migrations: definition.migrations))
        }
    }

    /// Opens the app's database with one connection per loop and quiet query logs, runs `body`,
    /// and closes it whether `body` throws or not.
    func withDatabase(_ body: (Database) async throws -> Void) async throws {
        var quiet = logger
        quiet.logLevel = max(logger.logLevel, .warning)
        let database = try await Database.open(configuration.database, logger: quiet, drivers: definition.drivers, connectionsPerEventLoop: 1)
        do {
            try await body(database)
        } catch {
            try? await database.close()
            throw error
        }
        try await database.close()
    }

    /// Runs every seeder (in registry order, so referenced tables fill first), or only `only`.
    func seed(only: String?, count: Int) async throws {
        var seeders = definition.seeders
        if let only {
            seeders = seeders.filter { $0.name.lowercased() == only.lowercased() }
            guard !seeders.isEmpty else {
                let known = definition.seeders.map { $0.name }.joined(separator: ", ")
                throw AppCommandLineError(message: "no seeder named '\(only)'; seeders: \(known.isEmpty ? "none yet" : known)", exitCode: 64)
            }
        }
        try await withDatabase { database in
            for seeder in seeders {
                let started = ContinuousClock.now
                let inserted = try await seeder.run(count: count, on: database)
                let elapsed = ContinuousClock.now - started
                print("Seeded  \(seeder.name): \(inserted) row\(inserted == 1 ? "" : "s") in \(elapsed.formatted(.units(allowed: [.milliseconds])))")
            }
        }
    }
}

/// JSON text for the command line's `--json` output.
enum JSON {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
