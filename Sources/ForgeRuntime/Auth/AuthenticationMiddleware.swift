import Hummingbird

/// Lets a request through only with a valid `Authorization: Bearer <access token>`, and puts the
/// caller in `context.user`. It runs before the route, so an anonymous caller gets 401 whether or
/// not the row it asked for exists.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// `nil` when `JWT_SECRET` is unset; the app then refuses to start (see `AppServer`).
    let tokens: AccessTokens?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw AppError.unauthorized("sign in first: send Authorization: Bearer <access token>")
        }
        guard let tokens else { throw AppError.unauthorized("this app has no JWT_SECRET, so no token is valid") }
        var context = context
        context.user = try await tokens.verify(String(header.dropFirst(7)))
        return try await next(request, context)
    }
}

extension Routes {
    /// The name protected routes list as their middleware in `routes` and `forge route:list`.
    public static let authenticationName = "auth"

    /// Routes below this group that need an authenticated caller (`make:resource -p`).
    public func authenticated(_ path: String = "") -> Routes {
        group(path, behind: AuthenticationMiddleware(tokens: tokens), named: Self.authenticationName)
    }
}
