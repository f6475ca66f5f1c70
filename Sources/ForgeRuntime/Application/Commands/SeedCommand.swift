import ArgumentParser

/// `seed`: every seeder in registry order, or one.
public struct SeedCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Run every seeder in registry order (referenced tables first), or only --seeder."
    )

    @OptionGroup var seeding: SeedOptions

    public init() {}

    public func run(_ definition: AppDefinition) async throws {
        try await AppCommandEnvironment.load(definition).seed(only: seeding.seeder, count: seeding.count)
    }
}
