import ArgumentParser

/// `routes`: every route with its handler and source line, from the app's router.
public struct RoutesCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Every route: method, path, handler, middleware and source line."
    )

    @Flag(help: "Print the routes as JSON.")
    var json = false

    public init() {}

    public func run(_ definition: AppDefinition) async throws {
        var environment = try await AppCommandEnvironment.load(definition)
        environment.logger.logLevel = .error
        // The router needs a database to be built, never to be listed: an in-memory one serves.
        let database = try await Database.open(.sqliteMemory, logger: environment.logger)
        let table: RouteTable
        do {
            (_, table) = try await AppServer.buildRouter(for: definition, configuration: environment.configuration, database: database)
        } catch {
            // A module refused its settings: close the pool before reporting it.
            try? await database.close()
            throw error
        }
        try await database.close()
        if json {
            print(try JSON.string(table.routes))
        } else {
            for route in table.routes {
                print("\(route.method.padding(toLength: 7, withPad: " ", startingAt: 0)) \(route.path.padding(toLength: 32, withPad: " ", startingAt: 0)) \(route.handler)")
            }
        }
    }
}
