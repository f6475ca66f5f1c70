import ArgumentParser

/// `fresh`: drops every table, migrates everything as batch 1, and seeds with `--seed`.
public struct FreshCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "fresh",
        abstract: "Drop every table, migrate everything as batch 1, then seed with --seed."
    )

    @Flag(help: "Run the seeders afterwards.")
    var seed = false

    @OptionGroup var seeding: SeedOptions

    @Flag(help: "Allow it under APP_ENV=production.")
    var force = false

    public init() {}

    public func run(_ definition: AppDefinition) async throws {
        let environment = try await AppCommandEnvironment.load(definition)
        try environment.guardProduction("fresh", force: force)
        try await environment.withMigrationRunner { runner in
            let applied = try await runner.fresh()
            print("Dropped every table; migrated \(applied.count) migration\(applied.count == 1 ? "" : "s") as batch 1.")
        }
        if seed {
            try await environment.seed(only: seeding.seeder, count: seeding.count)
        }
    }
}
