import Foundation

/// The auth module of a forge app: `/api/auth/*` routes and the `users`, `refresh_tokens` and
/// `auth_tokens` tables. `forge new` passes one to `AppDefinition(auth:)` unless `--no-auth`.
///
/// ```swift
/// AppDefinition(name: "shop", migrations: Registry.migrations, auth: AuthModule()) { routes, database in ... }
/// ```
public struct AuthModule: Sendable {
    /// Where password-reset and verification mail goes; by default, the log.
    public var mailer: any Mailer

    public init(mailer: any Mailer = LogMailer()) {
        self.mailer = mailer
    }

    /// The module's migrations; `AppDefinition` runs them before the app's own.
    public static var migrations: [any Migration] { AuthMigrations.all }

    /// Adds `/api/auth/*`. In production the log mailer logs no mail bodies (they carry tokens).
    func register(on routes: Routes, database: Database, tokens: AccessTokens, configuration: AppConfiguration) {
        var mailer = self.mailer
        if configuration.isProduction, let log = mailer as? LogMailer, !log.redactsBodies {
            mailer = LogMailer(redactsBodies: true)
        }
        let service = AuthService(
            database: database, tokens: tokens, settings: configuration.auth, mailer: mailer,
            decoy: DecoyHash(cost: configuration.auth.bcryptCost)
        )
        AuthController(service: service, attempts: RateLimiter(configuration.auth.attemptLimit)).register(on: routes)
    }
}

/// The auth module's settings, from the environment (see ``AppConfiguration``).
public struct AuthSettings: Sendable, Equatable {
    /// Signs access tokens (`JWT_SECRET`, at least 32 characters); `nil` when unset.
    public var jwtSecret: String?
    /// Seconds an access token lives (`ACCESS_TOKEN_TTL`, default 900).
    public var accessTokenLifetime: Int
    /// Seconds a refresh token lives (`REFRESH_TOKEN_TTL`, default 30 days).
    public var refreshTokenLifetime: Int
    /// Seconds a password-reset token lives (`PASSWORD_RESET_TTL`, default one hour).
    public var resetTokenLifetime: Int
    /// Seconds an email-verification token lives (`EMAIL_VERIFICATION_TTL`, default one day).
    public var verificationTokenLifetime: Int
    /// bcrypt's cost factor (`BCRYPT_COST`, 4–31, default 12).
    public var bcryptCost: Int
    /// Sign-in and reset attempts per account and per client address (`LOGIN_LIMIT`, default 10/300).
    public var attemptLimit: RateLimit

    public init(jwtSecret: String? = nil, accessTokenLifetime: Int = 900, refreshTokenLifetime: Int = 30 * 24 * 3600,
                resetTokenLifetime: Int = 3600, verificationTokenLifetime: Int = 24 * 3600,
                bcryptCost: Int = 12, attemptLimit: RateLimit = RateLimit(limit: 10, window: .seconds(300))) {
        self.jwtSecret = jwtSecret
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
        self.resetTokenLifetime = resetTokenLifetime
        self.verificationTokenLifetime = verificationTokenLifetime
        self.bcryptCost = bcryptCost
        self.attemptLimit = attemptLimit
    }

    /// Why `secret` cannot sign tokens, or `nil` when it can.
    public static func problem(withSecret secret: String?) -> String? {
        guard let secret, !secret.isEmpty else { return "JWT_SECRET is not set" }
        if secret.count < 32 { return "JWT_SECRET is shorter than 32 characters" }
        let lowered = secret.lowercased()
        if ["changeme", "change-me", "change_me", "placeholder", "your-secret", "your_secret"].contains(where: lowered.contains)
            || Set(lowered).count < 4 {
            return "JWT_SECRET is a placeholder"
        }
        return nil
    }
}
