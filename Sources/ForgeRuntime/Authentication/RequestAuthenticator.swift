import Hummingbird

/// Identifies the caller of a request from its credentials, for the routes behind
/// `routes.authenticated()`. A module installs one through `AppModuleSetup.install(authenticator:)`;
/// ForgeAuth's verifies `Authorization: Bearer <access token>` JWTs.
///
/// ```swift
/// struct APIKeyAuthenticator: RequestAuthenticator {
///     func authenticate(_ request: Request, context: AppRequestContext) async throws -> AuthUser {
///         guard request.headers[.init("X-API-Key")!] == "s3cret" else { throw AppError.unauthorized("unknown API key") }
///         return AuthUser(id: 0, email: "robot@example.com")
///     }
/// }
/// ```
public protocol RequestAuthenticator: Sendable {
    /// The caller `request` speaks for; throws (a 401 ``AppError``, see ``AppError/unauthorized(_:)``)
    /// when its credentials are missing, malformed or no longer valid.
    func authenticate(_ request: Request, context: AppRequestContext) async throws -> AuthUser
}

/// Lets a request through only when the authenticator names its caller, and puts the caller in
/// `context.user`. It runs before the route, so an anonymous caller gets 401 whether or not the
/// row it asked for exists.
struct AuthenticationGuard: RouterMiddleware {
    typealias Context = AppRequestContext
    /// `nil` when no module installed one; the app then refuses to start (see `AppServer`).
    let authenticator: (any RequestAuthenticator)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authenticator else { throw AppError.unauthorized("this app has no authenticator, so no credentials are valid") }
        var context = context
        context.user = try await authenticator.authenticate(request, context: context)
        return try await next(request, context)
    }
}

extension Routes {
    /// The name protected routes list as their middleware in `routes` and `forge route:list`.
    public static let authenticationName = "auth"

    /// Routes below this group that need an authenticated caller (`make:resource -p`), identified
    /// by the authenticator a module installed (ForgeAuth's `AuthModule`). Building the router
    /// fails when a route is registered here and no module installed one.
    public func authenticated(_ path: String = "") -> Routes {
        let inner = group.group(RouterPath(path)).add(middleware: AuthenticationGuard(authenticator: authenticator))
        var routes = Routes(group: inner, table: table, prefix: Self.join(prefix, path), middlewareNames: middlewareNames + [Self.authenticationName],
                            authenticator: authenticator, lacksAuthenticator: lacksAuthenticator || authenticator == nil)
        routes.registrar = registrar
        return routes
    }
}
