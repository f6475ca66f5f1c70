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
    public let definition: AppDefinition
    /// The settings the app runs with: a scratch database, rate limiting off unless a test turns it on.
    public var configuration: AppConfiguration

    public init(_ definition: AppDefinition, configure: (inout AppConfiguration) -> Void = { _ in }) {
        self.definition = definition
        var configuration = AppConfiguration(environment: "testing", database: .sqliteMemory, logLevel: .warning, rateLimit: nil)
        configure(&configuration)
        self.configuration = configuration
    }

    /// Migrates a new scratch database, hands `test` a client that sends requests through the
    /// app's real middleware and routes, then deletes the database.
    public func run<Value: Sendable>(_ test: @Sendable (TestClient) async throws -> Value) async throws -> Value {
        var logger = Logger(label: "\(definition.name).tests")
        logger.logLevel = .warning
        let database = try await Database.open(.sqliteMemory, logger: logger)
        do {
            try await MigrationRunner(database: database, migrations: definition.migrations).migrate()
            let (router, _) = AppServer.buildRouter(for: definition, configuration: configuration, database: database)
            let value = try await test(TestClient(client: RouterClient(responder: router.buildResponder(), logger: logger)))
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

    /// Sends `method path` with an optional JSON body and returns the parsed response.
    public func send(
        _ method: HTTPRequest.Method,
        _ path: String,
        json body: JSONValue? = nil,
        headers: HTTPFields = [:]
    ) async throws -> TestJSONResponse {
        var headers = headers
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONEncoder().encode(body))
        }
        return TestJSONResponse(try await client.execute(method: method, path: path, headers: headers, body: buffer))
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
        let response = try await client.execute(
            method: method, path: path, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
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
}
