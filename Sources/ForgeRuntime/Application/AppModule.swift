/// A library that plugs into a forge app through ``AppDefinition/modules``: it brings tables,
/// adds routes, and may install the ``RequestAuthenticator`` behind `routes.authenticated()`.
///
/// ForgeAuth's `AuthModule` is one; later libraries (queue, mail, cache, storage) plug in the same
/// way, so an app compiles only the libraries it lists. PostgreSQL is not a module: it is a
/// ``DatabaseDriver``, because the database opens before any module runs.
///
/// ```swift
/// import ForgeAuth
///
/// AppDefinition(name: "shop", migrations: Registry.migrations, modules: [AuthModule()]) { routes, database in
///     Registry.registerRoutes(on: routes, database: database)
/// }
/// ```
///
/// A module types its own settings: it parses them from ``AppConfiguration/values`` in
/// ``setUp(_:)`` and throws a ``ConfigurationError`` naming the key when one is unusable, so the
/// app refuses to start (`serve`, `routes` and every `TestApp.run` build the router).
public protocol AppModule: Sendable {
    /// The module's migrations, run before the app's own (``AppDefinition`` puts them first).
    /// Name them so they sort before every dated migration, `0000_00_00_00000N_…`, so the app's
    /// tables can refer to the module's from their first migration.
    var migrations: [any Migration] { get }

    /// Called once while the router is built: after the runtime's middleware and health routes,
    /// before the app's own routes, in the order of ``AppDefinition/modules``.
    func setUp(_ app: inout AppModuleSetup) async throws

    /// Commands the module adds to the app's executable (ForgeAuth: `user:create`, `role:grant`…),
    /// listed by `shop --help` after the runtime's own.
    var commands: [any AppSubcommand.Type] { get }
}

extension AppModule {
    /// No tables.
    public var migrations: [any Migration] { [] }

    /// Nothing to set up.
    public func setUp(_ app: inout AppModuleSetup) async throws {}

    /// No commands.
    public var commands: [any AppSubcommand.Type] { [] }
}

/// What an ``AppModule`` sees of the app while its router is built, and what it may change.
public struct AppModuleSetup {
    /// The app's settings; a module reads its own from ``AppConfiguration/values``.
    public let configuration: AppConfiguration
    /// The app's database.
    public let database: Database
    /// Where the module adds its routes. After ``install(authenticator:)`` its `authenticated()`
    /// groups, and the app's own, run the installed authenticator.
    public private(set) var routes: Routes

    init(configuration: AppConfiguration, database: Database, routes: Routes) {
        self.configuration = configuration
        self.database = database
        self.routes = routes
    }

    /// Whether a module already installed an authenticator.
    public var hasAuthenticator: Bool { routes.authenticator != nil }

    /// Makes `authenticator` identify the caller on every route registered behind
    /// `routes.authenticated()` from now on, by this module, later modules and the app. An app
    /// has one: a later module's replaces an earlier one's for the routes registered after it.
    public mutating func install(authenticator: some RequestAuthenticator) {
        routes = routes.authenticating(with: authenticator)
    }
}
