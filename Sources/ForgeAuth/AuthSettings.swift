import ForgeShared
import ForgeRuntime

/// The auth module's settings, read from the app's environment and `.env`
/// (``AppConfiguration/values``) when the router is built.
///
/// ```swift
/// let settings = try AuthSettings(configuration)   // JWT_SECRET, ACCESS_TOKEN_TTL, ...
/// ```
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

    /// Settings given in code; every argument defaults to the value used when its variable is unset.
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

    /// The settings in `configuration`'s variables, defaults for those unset; throws naming the
    /// first malformed one.
    public init(_ configuration: AppConfiguration) throws(ConfigurationError) {
        self.init()
        let values = configuration.values
        if let secret = values["JWT_SECRET"], !secret.isEmpty {
            jwtSecret = secret
        }
        func seconds(_ key: String) throws(ConfigurationError) -> Int? {
            guard let text = values[key], !text.isEmpty else { return nil }
            guard let value = Int(text), value > 0 else {
                throw ConfigurationError(key: key, message: "\(key) '\(text)' is not a number of seconds")
            }
            return value
        }
        if let value = try seconds("ACCESS_TOKEN_TTL") { accessTokenLifetime = value }
        if let value = try seconds("REFRESH_TOKEN_TTL") { refreshTokenLifetime = value }
        if let value = try seconds("PASSWORD_RESET_TTL") { resetTokenLifetime = value }
        if let value = try seconds("EMAIL_VERIFICATION_TTL") { verificationTokenLifetime = value }
        if let text = values["BCRYPT_COST"], !text.isEmpty {
            guard let cost = Int(text), (4...31).contains(cost) else {
                throw ConfigurationError(key: "BCRYPT_COST", message: "BCRYPT_COST '\(text)' is not a bcrypt cost (4-31; 12 is a sound default)")
            }
            bcryptCost = cost
        }
        if let text = values["LOGIN_LIMIT"], !text.isEmpty {
            guard let rule = RateLimit(parsing: text) else {
                throw ConfigurationError(key: "LOGIN_LIMIT", message: "LOGIN_LIMIT '\(text)' is not ATTEMPTS/SECONDS (for example 10/300)")
            }
            attemptLimit = rule
        }
    }

    /// ``jwtSecret``, or the error the app refuses to start with when it cannot sign tokens.
    public func signingSecret() throws(ConfigurationError) -> String {
        if let problem = Self.problem(withSecret: jwtSecret) {
            throw ConfigurationError(key: "JWT_SECRET", message: "\(problem), and this app has routes behind authentication; set it in .env to 32+ random characters (`openssl rand -hex 32`)")
        }
        return jwtSecret ?? ""
    }

    /// Why `secret` cannot sign tokens, or `nil` when it can.
    public static func problem(withSecret secret: String?) -> String? {
        SecretProblem(secret).map { "JWT_SECRET is \($0)" }
    }
}
