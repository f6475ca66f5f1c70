import ForgeRuntime
import Foundation

/// The auth module of a forge app: `/api/auth/*` routes, the `users`, `refresh_tokens`,
/// `auth_tokens` and role tables, the bearer-token authenticator behind `routes.authenticated()`,
/// and the account commands of the app's executable (`user:create`, `role:grant`, …).
/// `forge new` lists one in `AppDefinition(modules:)` unless `--no-auth`.
///
/// ```swift
/// import ForgeAuth
///
/// AppDefinition(name: "shop", migrations: Registry.migrations, modules: [AuthModule()]) { routes, database in ... }
/// ```
///
/// Its settings (``AuthSettings``) come from the app's environment when the router is built; a
/// `JWT_SECRET` that cannot sign tokens stops the app from starting.
public struct AuthModule: AppModule {
    /// Where password-reset and verification mail goes; by default, the log.
    public var mailer: any Mailer

    /// The module, its mail going to `mailer` (the log unless the app passes its own driver).
    public init(mailer: any Mailer = LogMailer()) {
        self.mailer = mailer
    }

    /// The `users`, `refresh_tokens`, `auth_tokens` and role tables, named `0000_00_00_00000N_…`.
    public var migrations: [any Migration] { AuthMigrations.all }

    /// `user:create`, `role:create`, `role:grant`, `role:revoke` and `permission:grant`.
    public var commands: [any AppSubcommand.Type] { AccountCommands.all }

    /// Installs the bearer-token authenticator and adds `/api/auth/*`. In production the log
    /// mailer logs no mail bodies (they carry tokens).
    public func setUp(_ app: inout AppModuleSetup) async throws {
        let settings = try AuthSettings(app.configuration)
        let secret = try settings.signingSecret()
        let tokens = await AccessTokens(secret: secret, lifetime: settings.accessTokenLifetime)
        app.install(authenticator: BearerTokenAuthenticator(tokens: tokens, database: app.database))
        var mailer = self.mailer
        if app.configuration.isProduction, let log = mailer as? LogMailer, !log.redactsBodies {
            mailer = LogMailer(redactsBodies: true)
        }
        let service = AuthService(
            database: app.database, tokens: tokens, settings: settings, mailer: mailer,
            decoy: DecoyHash(cost: settings.bcryptCost)
        )
        AuthController(service: service, attempts: RateLimiter(settings.attemptLimit)).register(on: app.routes)
    }
}
