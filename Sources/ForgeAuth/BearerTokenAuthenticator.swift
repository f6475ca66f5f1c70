import ForgeRuntime

/// Identifies the caller from `Authorization: Bearer <access token>`: the authenticator
/// ``AuthModule`` installs behind `routes.authenticated()`. The caller's roles and permissions
/// are read on every request (one query), so a revoked role stops working at once.
struct BearerTokenAuthenticator: RequestAuthenticator {
    let tokens: AccessTokens
    let database: Database

    func authenticate(_ request: Request, context: AppRequestContext) async throws -> AuthUser {
        guard let header = request.headers[.authorization], header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw AppError.unauthorized("sign in first: send Authorization: Bearer <access token>")
        }
        return try await Roles.load(for: try await tokens.verify(String(header.dropFirst(7))), on: database.sql)
    }
}
