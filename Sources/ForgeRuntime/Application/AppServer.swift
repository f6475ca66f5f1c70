import Hummingbird
import Logging

/// Builds the Hummingbird router and application for an ``AppDefinition``.
public enum AppServer {
    /// The router with the standard middleware, the health routes, the modules' routes and the
    /// app's routes, plus the table that recorded them.
    ///
    /// Throws a ``ConfigurationError`` when a module cannot start with its settings (ForgeAuth:
    /// a `JWT_SECRET` that cannot sign tokens), or when a route is behind `authenticated()` and
    /// no module installed an authenticator.
    public static func buildRouter(
        for definition: AppDefinition,
        configuration: AppConfiguration,
        database: Database
    ) async throws -> (Router<AppRequestContext>, RouteTable) {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ResponseTimeMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        if !configuration.corsOrigins.isEmpty {
            router.add(middleware: AppCORSMiddleware(origins: configuration.corsOrigins))
        }
        router.add(middleware: ErrorMiddleware(databaseErrors: { [backend = database.backend] in backend.translate($0) }))
        if let rule = configuration.rateLimit {
            router.add(middleware: RateLimitMiddleware(rule))
        }
        router.add(middleware: BodyLimitMiddleware(limit: configuration.bodyLimit))
        for middleware in definition.middleware {
            router.add(middleware: AppMiddleware(base: middleware))
        }
        let table = RouteTable()
        let routes = Routes(group: router.group(), table: table)
        HealthRoutes(name: definition.name, environment: configuration.environment, database: database).register(on: routes)
        var setup = AppModuleSetup(configuration: configuration, database: database, routes: routes)
        for module in definition.modules {
            try await module.setUp(&setup)
        }
        definition.registerRoutes(setup.routes, database)
        MethodNotAllowed.register(table.routes, on: router)
        if let route = table.routesWithoutAuthenticator.first {
            throw ConfigurationError(key: "modules", message: "\(route.method) \(route.path) is behind authentication, but no module of this app installs an authenticator; add one to AppDefinition(modules:), for example AuthModule() from ForgeAuth")
        }
        return (router, table)
    }

    /// Serves the app until SIGINT or SIGTERM, then closes the database.
    public static func serve(_ definition: AppDefinition, configuration: AppConfiguration, logger: Logger) async throws {
        let database = try await Database.open(configuration.database, logger: logger, drivers: definition.drivers)
        do {
            let (router, _) = try await buildRouter(for: definition, configuration: configuration, database: database)
            let app = Application(
                router: router,
                configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: definition.name),
                logger: logger
            )
            try await app.runService()
        } catch {
            try? await database.close()
            throw error
        }
        try await database.close()
    }
}

/// One of the app's own middleware, whatever its concrete type (an existential
/// `RouterMiddleware` does not convert to the type `Router.add(middleware:)` takes).
struct AppMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let base: any RouterMiddleware<AppRequestContext>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await base.handle(request, context: context, next: next)
    }
}
