import ArgumentParser

/// `migrate`: pending migrations as one batch.
public struct MigrateCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending migrations as one batch, each in its own transaction."
    )

    public init() {}

    public func run(_ definition: AppDefinition) async throws {
        try await AppCommandEnvironment.load(definition).withMigrationRunner { runner in
            let applied = try await runner.migrate()
            if applied.isEmpty {
                print("Nothing to migrate: the database is up to date.")
            } else {
                applied.forEach { print("Migrated  \($0)") }
                print("Applied \(applied.count) migration\(applied.count == 1 ? "" : "s").")
            }
        }
    }
}
