import Foundation
import HTTPTypes
import Hummingbird

/// How many requests one client may make per window (`RATE_LIMIT=120/60`, or `off`).
public struct RateLimit: Sendable, Equatable {
    public var limit: Int
    public var window: Duration

    public init(limit: Int, window: Duration) {
        self.limit = limit
        self.window = window
    }

    /// Parses `LIMIT/SECONDS`, for example `120/60`.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let limit = Int(parts[0]), let seconds = Int(parts[1]), limit > 0, seconds > 0 else { return nil }
        self.init(limit: limit, window: .seconds(seconds))
    }
}

/// Counts requests per client in fixed windows.
public actor RateLimiter {
    /// The verdict on one request.
    public struct Decision: Sendable {
        public var allowed: Bool
        public var limit: Int
        public var remaining: Int
        /// Seconds until the window resets.
        public var resetSeconds: Int
    }

    private struct Window {
        var started: ContinuousClock.Instant
        var count: Int
    }

    public let rule: RateLimit
    private var windows: [String: Window] = [:]
    private var lastPrune = ContinuousClock.now

    public init(_ rule: RateLimit) {
        self.rule = rule
    }

    /// Counts one request from `client` at `now`.
    public func take(_ client: String, now: ContinuousClock.Instant = .now) -> Decision {
        if now - lastPrune > rule.window {
            windows = windows.filter { now - $0.value.started < rule.window }
            lastPrune = now
        }
        var window = windows[client] ?? Window(started: now, count: 0)
        if now - window.started >= rule.window {
            window = Window(started: now, count: 0)
        }
        window.count += 1
        windows[client] = window
        let reset = window.started + rule.window - now
        let resetSeconds = max(1, Int(reset.components.seconds) + (reset.components.attoseconds > 0 ? 1 : 0))
        return Decision(
            allowed: window.count <= rule.limit,
            limit: rule.limit,
            remaining: max(0, rule.limit - window.count),
            resetSeconds: resetSeconds
        )
    }
}

/// Answers 429 with `Retry-After` once a client spends its allowance, and tells every client
/// where it stands in `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let limiter: RateLimiter

    public init(_ rule: RateLimit) {
        self.limiter = RateLimiter(rule)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let decision = await limiter.take(context.clientAddress ?? "unknown")
        var response: Response
        if decision.allowed {
            response = try await next(request, context)
        } else {
            let error = AppError(status: .tooManyRequests, code: .rateLimited, message: "too many requests; retry in \(decision.resetSeconds) s")
            response = try error.response(from: request, context: context)
            response.headers[.retryAfter] = String(decision.resetSeconds)
        }
        response.headers[.rateLimitLimit] = String(decision.limit)
        response.headers[.rateLimitRemaining] = String(decision.remaining)
        response.headers[.rateLimitReset] = String(decision.resetSeconds)
        return response
    }
}

extension HTTPField.Name {
    public static var rateLimitLimit: Self { Self("X-RateLimit-Limit")! }
    public static var rateLimitRemaining: Self { Self("X-RateLimit-Remaining")! }
    public static var rateLimitReset: Self { Self("X-RateLimit-Reset")! }
}
