import HTTPTypes
import Hummingbird

/// Gives each request an id: the client's `X-Request-ID` when it sends a sane one, else
/// Hummingbird's own. The id goes into every log line and back in the response header.
public struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let sent = request.headers[.requestID], Self.isAcceptable(sent) {
            context.logger[metadataKey: "hb.request.id"] = .string(sent)
        }
        var response = try await next(request, context)
        response.headers[.requestID] = context.id
        return response
    }

    /// Up to 128 printable ASCII characters without spaces, so ids cannot forge log lines.
    static func isAcceptable(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 128 && id.unicodeScalars.allSatisfy { (33...126).contains($0.value) }
    }
}

extension HTTPField.Name {
    /// `X-Request-ID`.
    public static var requestID: Self { Self("X-Request-ID")! }
}
