import HTTPTypes
import Hummingbird

/// Adds `X-Response-Time` (milliseconds spent in the app) to every response.
public struct ResponseTimeMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        response.headers[.responseTime] = Self.format(ContinuousClock.now - start)
        return response
    }
}

extension ResponseTimeMiddleware {
    /// `12.34ms`, without Foundation's slow `String(format:)` on the hot path.
    static func format(_ elapsed: Duration) -> String {
        let hundredths = elapsed.components.seconds * 100_000 + elapsed.components.attoseconds / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)ms"
    }
}

extension HTTPField.Name {
    /// `X-Response-Time`.
    public static var responseTime: Self { Self("X-Response-Time")! }
}
