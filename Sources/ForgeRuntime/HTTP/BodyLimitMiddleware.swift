import HTTPTypes
import Hummingbird

/// Refuses bodies larger than the configured limit with 413 before reading them.
public struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw AppError(status: .contentTooLarge, code: .payloadTooLarge, message: "the body is \(length) bytes; the limit is \(limit)")
        }
        return try await next(request, context)
    }
}
