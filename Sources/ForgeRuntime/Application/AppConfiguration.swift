import Foundation

/// The typed settings of a generated app, read from the process environment and `.env`.
///
/// Process variables win over `.env`, so production can inject secrets without a file.
/// The core types only what every app has; a module's settings (the auth module's `JWT_SECRET`,
/// for instance) stay in ``values``, and the module parses them while the router is built.
public struct AppConfiguration: Sendable {
    /// `development`, `testing` or `production` (`APP_ENV`).
    public var environment: String
    /// The address the server binds (`HOST`, default `127.0.0.1`).
    public var host: String
    /// The port the server listens on (`PORT`, default `8080`).
    public var port: Int
    /// The database (`DATABASE_URL`, default a SQLite file under `db/`).
    public var database: DatabaseURL
    /// The log level (`LOG_LEVEL`, default `info`).
    public var logLevel: Logger.Level
    /// Requests per client per window (`RATE_LIMIT=120/60`); `nil` when `RATE_LIMIT=off`.
    public var rateLimit: RateLimit?
    /// Origins allowed to read responses (`CORS_ORIGINS=*` or a comma-separated list); empty: no CORS.
    public var corsOrigins: [String]
    /// The largest request body accepted, in bytes (`BODY_LIMIT`, default 1 MiB).
    public var bodyLimit: Int
    /// Every variable the settings were read from, for modules to read their own settings
    /// (`AuthSettings(configuration)` in ForgeAuth). Empty for a configuration built in code.
    public var values: SettingValues

    public init(
        environment: String = "development",
        host: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseURL = .defaultValue,
        logLevel: Logger.Level = .info,
        rateLimit: RateLimit? = RateLimit(limit: 120, window: .seconds(60)),
        corsOrigins: [String] = [],
        bodyLimit: Int = 1 << 20,
        values: SettingValues = [:]
    ) {
        self.environment = environment
        self.host = host
        self.port = port
        self.database = database
        self.logLevel = logLevel
        self.rateLimit = rateLimit
        self.corsOrigins = corsOrigins
        self.bodyLimit = bodyLimit
        self.values = values
    }

    /// Whether `APP_ENV` is `production`.
    public var isProduction: Bool { environment == "production" }

    /// Reads the settings from `.env` in `directory` (when present) overlaid by the process environment.
    public static func load(directory: String = FileManager.default.currentDirectoryPath) async throws -> AppConfiguration {
        var values = Environment()
        let dotEnvPath = URL(fileURLWithPath: directory).appendingPathComponent(".env").path
        if FileManager.default.fileExists(atPath: dotEnvPath) {
            values = try await Environment.dotEnv(dotEnvPath)
        }
        return try AppConfiguration(values.merging(with: Environment()), directory: directory)
    }

    /// Builds the settings from already-read variables.
    public init(_ values: Environment, directory: String) throws(ConfigurationError) {
        self.init(values: SettingValues(values))
        if let environment = values.get("APP_ENV"), !environment.isEmpty {
            self.environment = environment
        }
        if let host = values.get("HOST"), !host.isEmpty {
            self.host = host
        }
        if let port = values.get("PORT"), !port.isEmpty {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw ConfigurationError(key: "PORT", message: "PORT '\(port)' is not a port number (1-65535)")
            }
            self.port = number
        }
        if let url = values.get("DATABASE_URL"), !url.isEmpty {
            self.database = try DatabaseURL(parsing: url, relativeTo: directory)
        } else {
            self.database = try DatabaseURL(parsing: DatabaseURL.defaultValue.description, relativeTo: directory)
        }
        if let level = values.get("LOG_LEVEL"), !level.isEmpty {
            guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
                throw ConfigurationError(key: "LOG_LEVEL", message: "LOG_LEVEL '\(level)' is not one of trace, debug, info, notice, warning, error, critical")
            }
            self.logLevel = parsed
        }
        if let text = values.get("RATE_LIMIT"), !text.isEmpty {
            if text.lowercased() == "off" {
                self.rateLimit = nil
            } else {
                guard let rule = RateLimit(parsing: text) else {
                    throw ConfigurationError(key: "RATE_LIMIT", message: "RATE_LIMIT '\(text)' is not LIMIT/SECONDS (for example 120/60) or off")
                }
                self.rateLimit = rule
            }
        }
        if let text = values.get("CORS_ORIGINS") {
            self.corsOrigins = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let text = values.get("BODY_LIMIT"), !text.isEmpty {
            guard let bytes = Int(text), bytes > 0 else {
                throw ConfigurationError(key: "BODY_LIMIT", message: "BODY_LIMIT '\(text)' is not a number of bytes")
            }
            self.bodyLimit = bytes
        }
    }
}
