import ArgumentParser

/// `serve`: the HTTP server, the default command.
public struct ServeCommand: AppSubcommand {
    public static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve HTTP (the default command); HOST and PORT come from the environment otherwise."
    )

    @Option(help: "The address to listen on, as in 0.0.0.0.")
    var host: String?

    @Option(name: [.short, .long], help: "The port to listen on (1-65535).")
    var port: Int?

    public init() {}

    public func validate() throws {
        if let port, !(1...65535).contains(port) {
            throw ValidationError("--port needs a port number (1-65535)")
        }
    }

    public func run(_ definition: AppDefinition) async throws {
        var environment = try await AppCommandEnvironment.load(definition)
        if let port { environment.configuration.port = port }
        if let host { environment.configuration.host = host }
        try await AppServer.serve(definition, configuration: environment.configuration, logger: environment.logger)
    }
}
