import Foundation
import ForgeRuntime

/// Runs a forge app in-process against a fresh, migrated scratch SQLite database.
///
/// ```swift
/// try await TestApp(BlogApp.definition).run { client in
///     let response = try await client.send(.post, "/api/posts", json: ["title": "Hello"])
///     #expect(response.status == .created)
/// }
/// ```
public struct TestApp: Sendable {
    /// The app under test; extensions (ForgeAuthTesting's `sendingMail(to:)`) swap its modules.
    public var definition: AppDefinition
    /// The settings the app runs with: a scratch database, rate limiting off unless a test turns
    /// it on, and ``testValues`` (a fixed token secret and bcrypt's lowest cost, so a test signs
    /// in in milliseconds). The process environment and `.env` are not read.
    public var configuration: AppConfiguration

    /// The secret test apps sign access tokens with (`JWT_SECRET`).
    public static let jwtSecret = "forge-testing-jwt-key-0123456789abcdef0123"

    /// The module settings every test app starts with, in ``AppConfiguration/values``. They are
    /// plain variables, so ForgeTesting needs no module to set them.
    public static let testValues: SettingValues = ["JWT_SECRET": jwtSecret, "BCRYPT_COST": "4"]

    /// `configure` changes the test settings, for example `{ $0.values["ACCESS_TOKEN_TTL"] = "1" }`.
    public init(_ definition: AppDefinition, configure: (inout AppConfiguration) -> Void = { _ in }) {
        self.definition = definition
        var configuration = AppConfiguration(
            environment: "testing", database: .sqliteMemory, logLevel: .warning, rateLimit: nil,
            values: Self.testValues
        )
        configure(&configuration)
        self.configuration = configuration
    }

    /// Where this app's log goes, when a test captures it.
    private var logCapture: LogCapture?

    /// The app with every log line, at every level, kept in `capture`.
    public func capturingLogs(in capture: LogCapture) -> TestApp {
        var copy = self
        copy.logCapture = capture
        return copy
    }

    /// Migrates a new scratch database, hands `test` a client that sends requests through the
    /// app's real middleware and routes, then deletes the database.
    ///
    /// The migrations run on connections of their own, closed before the test opens its
    /// database, as `shop migrate` runs apart from `shop serve`: a pooled SQLite connection that
    /// lived through a table rebuild (`forge alter`) may still read the table's old columns.
    public func run<Value: Sendable>(_ test: @Sendable (TestClient) async throws -> Value) async throws -> Value {
        var logger = logCapture?.logger(label: "\(definition.name).tests") ?? Logger(label: "\(definition.name).tests")
        logger.logLevel = logCapture == nil ? .warning : .trace
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("forge-test-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let migrating = try await Database.open(.sqliteFile(path: path), logger: logger)
        do {
            try await MigrationRunner(database: migrating, migrations: definition.migrations).migrate()
        } catch {
            try? await migrating.close()
            throw error
        }
        try await migrating.close()
        let database = try await Database.open(.sqliteFile(path: path), logger: logger)
        do {
            let (router, _) = try await AppServer.buildRouter(for: definition, configuration: configuration, database: database)
            let client = TestClient(client: RouterClient(responder: router.buildResponder(), logger: logger), configuration: configuration,
                                    database: database)
            let value = try await test(client)
            try await database.close()
            return value
        } catch {
            try? await database.close()
            throw error
        }
    }
}
