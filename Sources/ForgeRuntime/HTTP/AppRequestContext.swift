import Foundation
import Hummingbird
import NIOCore

/// The request context of every forge app: Hummingbird's core storage with JSON coding
/// that reads and writes ISO 8601 dates and writes snake_case keys.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's socket address, when the request came over a socket.
    public let remoteAddress: SocketAddress?
    /// The caller, on routes behind authentication (`routes.authenticated()`); see `requireUser()`.
    public var user: AuthUser?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Responses are JSON with ISO 8601 dates and snake_case keys: a property `stockTotal` is
    /// written `stock_total` (keys already in snake_case, and dictionary keys, stay as they are).
    /// One encoder for every response (its options are fixed, and encoding is thread-safe);
    /// making one per response cost about 2 µs of each.
    public var responseEncoder: JSONEncoder { Self.sharedEncoder }

    private static let sharedEncoder = jsonEncoder

    /// A new encoder configured as ``responseEncoder``, for code that writes JSON the way the API
    /// does (a test building a request body from a factory's draft, say).
    public static var jsonEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    /// Bodies that fail to decode name the field at fault (422), like validation does.
    public var requestDecoder: AppRequestDecoder { AppRequestDecoder() }

    /// The peer's IP address, formatted only when something (the rate limiter) asks for it.
    public var clientAddress: String? { remoteAddress?.ipAddress }
}
