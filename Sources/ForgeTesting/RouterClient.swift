import Foundation
import ForgeRuntime
import HTTPTypes
import NIOCore
import NIOEmbedded

/// Sends requests straight to the app's router responder, in process: no socket, no server,
/// no HTTP client library (which would add minutes to every generated app's first test build).
struct RouterClient: Sendable {
    let responder: RouterResponder<AppRequestContext>
    let logger: Logger

    /// Runs one request through the middleware and routes; returns the response head and body.
    func execute(method: HTTPRequest.Method, path: String, headers: HTTPFields, body: ByteBuffer?) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: path, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer())
        )
        var logger = self.logger
        logger[metadataKey: "hb.request.id"] = .string(UUID().uuidString.lowercased())
        let context = AppRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
        let response = try await responder.respond(to: request, context: context)
        let collector = BodyCollector()
        try await response.body.write(collector)
        return (response.status, response.headers, collector.storage.buffer)
    }
}

/// Collects a response body written by Hummingbird.
private struct BodyCollector: ResponseBodyWriter {
    /// Shared storage, because writing the body consumes the writer.
    final class Storage {
        var buffer = ByteBuffer()
    }

    let storage = Storage()

    mutating func write(_ buffer: ByteBuffer) async throws {
        storage.buffer.writeImmutableBuffer(buffer)
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
