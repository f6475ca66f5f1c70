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
    public func run<Value: Sendable>(_ test: @Sendable (TestClient) async throws -> Value) async throws -> Value {
        var logger = logCapture?.logger(label: "\(definition.name).tests") ?? Logger(label: "\(definition.name).tests")
        logger.logLevel = logCapture == nil ? .warning : .trace
        let database = try await Database.open(.sqliteMemory, logger: logger)
        do {
            try await MigrationRunner(database: database, migrations: definition.migrations).migrate()
            let (router, _) = try await AppServer.buildRouter(for: definition, configuration: configuration, database: database)
            let client = TestClient(client: RouterClient(responder: router.buildResponder(), logger: logger), configuration: configuration)
            let value = try await test(client)
            try await database.close()
            return value
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// Sends JSON requests to a ``TestApp`` and decodes the answers.
public struct TestClient: Sendable {
    let client: RouterClient
    /// The settings of the app this client talks to, for extensions that sign credentials
    /// (ForgeAuthTesting's `actingAs(_:)` reads `JWT_SECRET` from them).
    public let configuration: AppConfiguration
    /// Sent with every request (the bearer token of ``withBearer(_:)``).
    var defaultHeaders: HTTPFields = [:]

    init(client: RouterClient, configuration: AppConfiguration) {
        self.client = client
        self.configuration = configuration
    }

    /// The bearer token this client sends, if any.
    public var bearerToken: String? {
        defaultHeaders[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil }
    }

    /// A client whose requests carry `Authorization: Bearer token`.
    public func withBearer(_ token: String) -> TestClient {
        var copy = self
        copy.defaultHeaders[.authorization] = "Bearer \(token)"
        return copy
    }

    /// Sends `method path` with an optional JSON body and returns the parsed response.
    public func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        json body: JSONValue? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestJSONResponse {
        var fields = defaultHeaders
        for field in headers { fields[field.name] = field.value }
        var buffer: ByteBuffer?
        if let body {
            fields[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONEncoder().encode(body))
        }
        return TestJSONResponse(try await client.execute(method: method, path: path, headers: fields, body: buffer))
    }

    /// Creates a row with `POST path` and returns its `id`, failing unless the answer is 201.
    /// Tests use it to make the rows a body refers to.
    public func create(_ path: String, json body: JSONValue) async throws -> JSONValue {
        let response = try await send(.post, path, json: body)
        guard response.status == .created else {
            throw TestClientError(message: "POST \(path) answered \(response.status.code): \(response.text)")
        }
        return response.json["data"]["id"]
    }

    /// Sends a raw body, for testing malformed input.
    public func send(_ method: HTTPRequest.Method, _ path: String, raw body: String) async throws -> TestJSONResponse {
        var headers = defaultHeaders
        headers[.contentType] = "application/json"
        let response = try await client.execute(method: method, path: path, headers: headers, body: ByteBuffer(string: body))
        return TestJSONResponse(response)
    }
}

/// A response with its JSON body parsed (`.null` when the body is empty or not JSON).
public struct TestJSONResponse: Sendable {
    public let status: HTTPResponse.Status
    public let headers: HTTPFields
    public let json: JSONValue
    public let text: String

    init(_ response: (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer)) {
        self.status = response.status
        self.headers = response.headers
        self.text = String(buffer: response.body)
        self.json = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }
}

/// A request a test relied on did not succeed.
public struct TestClientError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
