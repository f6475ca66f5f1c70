import ArgumentParser

/// `status` (also `migrate:status`): applied, pending and orphaned migrations.
public struct StatusCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Applied migrations with their batch, pending ones, and orphaned ones.",
        aliases: ["migrate:status"]
    )

    @Flag(help: "Print the status as JSON.")
    var json = false

    public init() {}

    public func run(_ definition: AppDefinition) async throws {
        try await AppCommandEnvironment.load(definition).withMigrationRunner { runner in
            let status = try await runner.status()
            if json {
                print(try JSON.string(status))
            } else {
                status.applied.forEach { print("applied   batch \($0.batch)  \($0.name)") }
                status.pending.forEach { print("pending            \($0)") }
                status.orphaned.forEach { print("orphaned           \($0)  (recorded, not in code)") }
            }
        }
    }
}
