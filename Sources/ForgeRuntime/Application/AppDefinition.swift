import Hummingbird

/// Everything a forge app is made of: its name, its migrations and how it adds its routes.
///
/// The app's executable hands this to ``AppCommandLine``; its tests hand it to ForgeTesting.
///
/// ```swift
/// public enum ShopApp {
///     public static let definition = AppDefinition(name: "shop", migrations: Registry.migrations) { routes, database in
///         Registry.registerRoutes(on: routes, database: database)
///     }
/// }
/// ```
public struct AppDefinition: Sendable {
    /// The app's name, as in `forge.yaml`.
    public var name: String
    /// Every migration of the app, its modules' first; the runner sorts them by name.
    public var migrations: [any Migration]
    /// Every seeder of the app, for `seed`.
    public var seeders: [any Seeder]
    /// Database drivers beyond the built-in SQLite one (`PostgresDriver()` in PostgreSQL apps).
    public var drivers: [any DatabaseDriver]
    /// The app's own middleware, run on every request after the runtime's stack and before any
    /// route, in this order (`forge make:middleware` registers them in `Registry.middleware`).
    public var middleware: [any RouterMiddleware<AppRequestContext>]
    /// The libraries plugged into the app, set up in this order while the router is built
    /// (`[AuthModule()]` from ForgeAuth, unless the app was made with `forge new --no-auth`).
    public var modules: [any AppModule]
    /// Adds the app's own routes (health routes are added by the runtime).
    public var registerRoutes: @Sendable (Routes, Database) -> Void

    public init(
        name: String,
        migrations: [any Migration],
        seeders: [any Seeder] = [],
        drivers: [any DatabaseDriver] = [],
        middleware: [any RouterMiddleware<AppRequestContext>] = [],
        modules: [any AppModule] = [],
        registerRoutes: @escaping @Sendable (Routes, Database) -> Void
    ) {
        self.name = name
        // Modules' migrations sort before every dated one, so they run first.
        self.migrations = modules.flatMap(\.migrations) + migrations
        self.modules = modules
        self.seeders = seeders
        self.drivers = drivers
        self.middleware = middleware
        self.registerRoutes = registerRoutes
    }
}
