import HTTPTypes
import Hummingbird

/// Answers CORS preflights and marks responses readable by the allowed origins
/// (`CORS_ORIGINS=*` or a comma-separated list of origins).
public struct AppCORSMiddleware<Context: RequestContext>: RouterMiddleware {
    let origins: Set<String>
    let allowsAny: Bool

    public init(origins: [String]) {
        self.origins = Set(origins)
        self.allowsAny = origins.contains("*")
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let origin = request.headers[.origin], allowsAny || origins.contains(origin) else {
            return try await next(request, context)
        }
        let isPreflight = request.method == .options && request.headers[.accessControlRequestMethod] != nil
        var response = isPreflight ? Response(status: .noContent) : try await next(request, context)
        response.headers[.accessControlAllowOrigin] = allowsAny ? "*" : origin
        if !allowsAny { response.headers[.vary] = "Origin" }
        response.headers[.accessControlExposeHeaders] = "X-Request-ID, X-Response-Time, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset"
        if isPreflight {
            response.headers[.accessControlAllowMethods] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
            response.headers[.accessControlAllowHeaders] = request.headers[.accessControlRequestHeaders] ?? "Content-Type, Authorization"
            response.headers[.accessControlMaxAge] = "600"
        }
        return response
    }
}
