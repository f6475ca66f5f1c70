import ArgumentParser

/// `doctor`: the app's side of `forge doctor`, as JSON.
public struct AppDoctorCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "JSON: SQLite version, database reachability, pending migrations."
    )

    public init() {}

    public func run(_ definition: AppDefinition) async throws {
        let environment = try await AppCommandEnvironment.load(definition)
        print(try JSON.string(await DoctorReport.make(definition, configuration: environment.configuration, logger: environment.logger)))
    }
}
