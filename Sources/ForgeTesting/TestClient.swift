import Foundation
import ForgeRuntime

/// Sends JSON requests to a ``TestApp`` and decodes the answers.
public struct TestClient: Sendable {
    let client: RouterClient
    /// The settings of the app this client talks to, for extensions that sign credentials
    /// (ForgeAuthTesting's `actingAs(_:)` reads `JWT_SECRET` from them).
    public let configuration: AppConfiguration
    /// The app's scratch database, for extensions that set up what no route can (ForgeAuthTesting
    /// grants roles with it).
    public let database: Database
    /// Sent with every request (the bearer token of ``withBearer(_:)``).
    var defaultHeaders: HTTPFields = [:]

    init(client: RouterClient, configuration: AppConfiguration, database: Database) {
        self.client = client
        self.configuration = configuration
        self.database = database
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

    /// The same client without a bearer token: an anonymous caller.
    public func withoutBearer() -> TestClient {
        var copy = self
        copy.defaultHeaders[.authorization] = nil
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

    /// Creates a row from `body` with `POST path` and returns its id as `ID`: an `Int`, or in
    /// `--ids dual` apps the public `UUID`. Tests use it to make the rows a factory points at.
    public func create<ID: Decodable>(_ path: String, body: [String: JSONValue], id: ID.Type) async throws -> ID {
        let id = try await create(path, json: .object(body))
        do {
            return try JSONDecoder().decode(ID.self, from: JSONEncoder().encode(id))
        } catch {
            throw TestClientError(message: "POST \(path) answered an id that is not a \(ID.self): \(id)")
        }
    }

    /// Sends a raw body, for testing malformed input.
    public func send(_ method: HTTPRequest.Method, _ path: String, raw body: String) async throws -> TestJSONResponse {
        var headers = defaultHeaders
        headers[.contentType] = "application/json"
        let response = try await client.execute(method: method, path: path, headers: headers, body: ByteBuffer(string: body))
        return TestJSONResponse(response)
    }
}
