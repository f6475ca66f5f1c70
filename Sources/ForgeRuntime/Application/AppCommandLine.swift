import Foundation
import Logging

/// The app executable's own commands, so production runs without forge:
///
/// ```
/// shop serve [--host H] [--port N]   serve HTTP (the default command)
/// shop migrate                       apply pending migrations as one batch
/// shop rollback                      revert the last batch
/// shop migrate:status [--json]       applied, pending and orphaned migrations
/// shop routes [--json]               every route with its handler and source line
/// shop doctor                        JSON: SQLite version, database reachability, pending migrations
/// ```
public enum AppCommandLine {
    /// Runs the command named in `arguments` (without the program name) and exits.
    public static func main(_ definition: AppDefinition, arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        do {
            try await run(definition, arguments: arguments)
            exit(0)
        } catch let error as AppCommandLineError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            exit(error.exitCode)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Runs one command; throws instead of exiting, for tests.
    public static func run(_ definition: AppDefinition, arguments: [String]) async throws {
        var arguments = ArraySlice(arguments)
        let command = arguments.popFirst() ?? "serve"
        let options = try Options(parsing: arguments, command: command)
        var configuration = try await AppConfiguration.load()
        if let port = options.port { configuration.port = port }
        if let host = options.host { configuration.host = host }
        var logger = Logger(label: definition.name)
        logger.logLevel = configuration.logLevel

        switch command {
        case "serve":
            try await AppServer.serve(definition, configuration: configuration, logger: logger)
        case "migrate":
            try await withMigrationRunner(definition, configuration, logger) { runner in
                let applied = try await runner.migrate()
                if applied.isEmpty {
                    print("Nothing to migrate: the database is up to date.")
                } else {
                    applied.forEach { print("Migrated  \($0)") }
                    print("Applied \(applied.count) migration\(applied.count == 1 ? "" : "s").")
                }
            }
        case "rollback":
            try guardProduction("rollback", configuration, options)
            try await withMigrationRunner(definition, configuration, logger) { runner in
                let reverted = try await runner.rollback(steps: options.steps)
                if reverted.isEmpty {
                    print("Nothing to roll back.")
                } else {
                    reverted.forEach { print("Rolled back  \($0)") }
                }
            }
        case "fresh":
            try guardProduction("fresh", configuration, options)
            try await withMigrationRunner(definition, configuration, logger) { runner in
                let applied = try await runner.fresh()
                print("Dropped every table; migrated \(applied.count) migration\(applied.count == 1 ? "" : "s") as batch 1.")
            }
            if options.seed {
                try await seed(definition, configuration, logger, only: options.seeder, count: options.count ?? 10)
            }
        case "migrate:status", "status":
            try await withMigrationRunner(definition, configuration, logger) { runner in
                let status = try await runner.status()
                if options.json {
                    print(try JSON.string(status))
                } else {
                    status.applied.forEach { print("applied   batch \($0.batch)  \($0.name)") }
                    status.pending.forEach { print("pending            \($0)") }
                    status.orphaned.forEach { print("orphaned           \($0)  (recorded, not in code)") }
                }
            }
        case "seed":
            try await seed(definition, configuration, logger, only: options.seeder, count: options.count ?? 10)
        case "doctor":
            print(try JSON.string(await DoctorReport.make(definition, configuration: configuration, logger: logger)))
        case "routes":
            logger.logLevel = .error
            let database = try await Database.open(.sqliteMemory, logger: logger)
            let table: RouteTable
            do {
                (_, table) = try await AppServer.buildRouter(for: definition, configuration: configuration, database: database)
            } catch {
                // A module refused its settings: close the pool before reporting it.
                try? await database.close()
                throw error
            }
            try await database.close()
            if options.json {
                print(try JSON.string(table.routes))
            } else {
                for route in table.routes {
                    print("\(route.method.padding(toLength: 7, withPad: " ", startingAt: 0)) \(route.path.padding(toLength: 32, withPad: " ", startingAt: 0)) \(route.handler)")
                }
            }
        default:
            throw AppCommandLineError(
                message: "unknown command '\(command)'; commands: serve, migrate, rollback, fresh, status, seed, routes, doctor",
                exitCode: 64
            )
        }
    }

    /// `rollback` and `fresh` destroy data: under APP_ENV=production they need `--force`.
    static func guardProduction(_ command: String, _ configuration: AppConfiguration, _ options: Options) throws {
        if configuration.environment == "production" && !options.force {
            throw AppCommandLineError(message: "refusing to \(command) with APP_ENV=production: it destroys data; add --force if you mean it", exitCode: 1)
        }
    }

    /// Runs every seeder (in registry order, so referenced tables fill first), or only `only`.
    private static func seed(_ definition: AppDefinition, _ configuration: AppConfiguration, _ logger: Logger, only: String?, count: Int) async throws {
        var seeders = definition.seeders
        if let only {
            seeders = seeders.filter { $0.name.lowercased() == only.lowercased() }
            guard !seeders.isEmpty else {
                let known = definition.seeders.map { $0.name }.joined(separator: ", ")
                throw AppCommandLineError(message: "no seeder named '\(only)'; seeders: \(known.isEmpty ? "none yet" : known)", exitCode: 64)
            }
        }
        try await withDatabase(definition, configuration, logger) { database in
            for seeder in seeders {
                let started = ContinuousClock.now
                let inserted = try await seeder.run(count: count, on: database)
                let elapsed = ContinuousClock.now - started
                print("Seeded  \(seeder.name): \(inserted) row\(inserted == 1 ? "" : "s") in \(elapsed.formatted(.units(allowed: [.milliseconds])))")
            }
        }
    }

    private static func withMigrationRunner(
        _ definition: AppDefinition,
        _ configuration: AppConfiguration,
        _ logger: Logger,
        _ body: (MigrationRunner) async throws -> Void
    ) async throws {
        try await withDatabase(definition, configuration, logger) { database in
            try await body(MigrationRunner(database: database, migrations: definition.migrations))
        }
    }

    /// Opens the app's database with one connection per loop and quiet query logs, runs `body`,
    /// and closes it whether `body` throws or not.
    private static func withDatabase(
        _ definition: AppDefinition,
        _ configuration: AppConfiguration,
        _ logger: Logger,
        _ body: (Database) async throws -> Void
    ) async throws {
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

    struct Options {
        var port: Int?
        var host: String?
        var json = false
        var seeder: String?
        var count: Int?
        var steps: Int?
        var seed = false
        var force = false

        init(parsing arguments: ArraySlice<String>, command: String) throws {
            var remaining = arguments
            while let argument = remaining.popFirst() {
                switch argument {
                case "--json":
                    json = true
                case "--port", "-p":
                    guard let value = remaining.popFirst(), let number = Int(value), (1...65535).contains(number) else {
                        throw AppCommandLineError(message: "--port needs a port number (1-65535)", exitCode: 64)
                    }
                    port = number
                case "--seeder":
                    guard let value = remaining.popFirst() else {
                        throw AppCommandLineError(message: "--seeder needs a resource name", exitCode: 64)
                    }
                    seeder = value
                case "--count":
                    guard let value = remaining.popFirst(), let number = Int(value), (1...1_000_000).contains(number) else {
                        throw AppCommandLineError(message: "--count needs a number of rows (1-1000000)", exitCode: 64)
                    }
                    count = number
                case "--steps":
                    guard let value = remaining.popFirst(), let number = Int(value), number >= 1 else {
                        throw AppCommandLineError(message: "--steps needs a number of migrations (1 or more)", exitCode: 64)
                    }
                    steps = number
                case "--seed":
                    seed = true
                case "--force":
                    force = true
                case "--host":
                    guard let value = remaining.popFirst() else {
                        throw AppCommandLineError(message: "--host needs an address", exitCode: 64)
                    }
                    host = value
                default:
                    throw AppCommandLineError(message: "unknown option '\(argument)' for '\(command)'", exitCode: 64)
                }
            }
        }
    }
}

/// A usage error of the app's command line.
struct AppCommandLineError: Error {
    var message: String
    var exitCode: Int32
}

/// JSON text for the command line's `--json` output.
enum JSON {
    static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
