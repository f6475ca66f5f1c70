import Hummingbird

/// The request context of every forge app: Hummingbird's core storage with JSON coding
/// that reads and writes ISO 8601 dates.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, when the request came over a socket.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The id of this request, as sent in `X-Request-ID` or generated.
    public var requestID: String { id }
}
