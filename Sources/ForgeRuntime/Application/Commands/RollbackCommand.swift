import ArgumentParser

/// `rollback`: reverts the last batch, or the last N migrations.
public struct RollbackCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Revert the last batch, or the last N migrations whatever their batch, newest first."
    )

    @Option(help: "Revert this many migrations (1 or more) instead of the last batch.")
    var steps: Int?

    @Flag(help: "Allow it under APP_ENV=production.")
    var force = false

    public init() {}

    public func validate() throws {
        if let steps, steps < 1 {
            throw ValidationError("--steps needs a number of migrations (1 or more)")
        }
    }

    public func run(_ definition: AppDefinition) async throws {
        let environment = try await AppCommandEnvironment.load(definition)
        try environment.guardProduction("rollback", force: force)
        try await environment.withMigrationRunner { runner in
            let reverted = try await runner.rollback(steps: steps)
            if reverted.isEmpty {
                print("Nothing to roll back.")
            } else {
                reverted.forEach { print("Rolled back  \($0)") }
            }
        }
    }
}
