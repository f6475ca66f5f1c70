import HTTPTypes
import Hummingbird

/// Adds `X-Response-Time` (milliseconds spent in the app) to every response.
public struct ResponseTimeMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
        response.headers[.responseTime] = String(format: "%.2fms", milliseconds)
        return response
    }
}

extension HTTPField.Name {
    /// `X-Response-Time`.
    public static var responseTime: Self { Self("X-Response-Time")! }
}
