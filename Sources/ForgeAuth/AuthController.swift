import ForgeRuntime
import Foundation

/// HTTP for `/api/auth`: decodes bodies, throttles sign-in attempts, calls ``AuthService``.
struct AuthController: RouteRegistrar {
    let service: AuthService
    /// Attempts per account (`account:<email>`) and per client address (`address:<ip>`).
    let attempts: RateLimiter

    func register(on routes: Routes) {
        let auth = routes.group("/api/auth")
        auth.post("register", handler: "AuthController.register", use: register)
        auth.post("login", handler: "AuthController.login", use: login)
        auth.post("refresh", handler: "AuthController.refresh", use: refresh)
        auth.post("forgot-password", handler: "AuthController.forgotPassword", use: forgotPassword)
        auth.post("reset-password", handler: "AuthController.resetPassword", use: resetPassword)
        auth.post("verify-email", handler: "AuthController.verifyEmail", use: verifyEmail)
        let signedIn = auth.authenticated()
        signedIn.get("me", handler: "AuthController.me", use: me)
        signedIn.post("logout", handler: "AuthController.logout", use: logout)
        signedIn.post("change-password", handler: "AuthController.changePassword", use: changePassword)
    }

    struct Credentials: Decodable, Sendable {
        var email: String?
        var password: String?
        var name: String?
    }

    struct TokenBody: Decodable, Sendable {
        var token: String?
        var password: String?
        var refreshToken: String?
        var currentPassword: String?
        var newPassword: String?

        enum CodingKeys: String, CodingKey {
            case token, password
            case refreshToken = "refresh_token"
            case currentPassword = "current_password"
            case newPassword = "new_password"
        }
    }

    struct Message: Encodable, Sendable {
        var message: String
    }

    struct Tokens: Encodable, Sendable {
        var accessToken: String
        var refreshToken: String
        var tokenType = "Bearer"
        var expiresIn: Int

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", refreshToken = "refresh_token", tokenType = "token_type", expiresIn = "expires_in"
        }
    }

    struct UserResponse: Encodable, Sendable {
        var id: Int
        var email: String
        @Nullable var name: String?
        @Nullable var emailVerifiedAt: Date?
        var createdAt: Date
        var roles: [String]
        var permissions: [String]

        enum CodingKeys: String, CodingKey {
            case id, email, name
            case emailVerifiedAt = "email_verified_at", createdAt = "created_at"
            case roles, permissions
        }
    }

    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<DataEnvelope<Message>> {
        var body = try await request.decode(as: Credentials.self, context: context)
        body.email = body.email.map(AuthService.normalized)
        try AuthService.checkNewAccount(email: body.email, password: body.password, name: body.name).finish()
        try await throttle(email: body.email, context: context)
        try await service.register(email: body.email ?? "", password: body.password ?? "", name: body.name, logger: context.logger)
        return EditedResponse(status: .accepted, response: DataEnvelope(Message(message: "check your inbox to confirm your address, then sign in")))
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> DataEnvelope<Tokens> {
        let body = try await request.decode(as: Credentials.self, context: context)
        var check = Validation()
        check.field("email", body.email, .required)
        check.field("password", body.password, .required)
        try check.finish()
        try await throttle(email: body.email, context: context)
        return DataEnvelope(tokens(try await service.login(email: body.email ?? "", password: body.password ?? "")))
    }

    @Sendable func refresh(_ request: Request, context: AppRequestContext) async throws -> DataEnvelope<Tokens> {
        let body = try await request.decode(as: TokenBody.self, context: context)
        var check = Validation()
        check.field("refresh_token", body.refreshToken, .required)
        try check.finish()
        return DataEnvelope(tokens(try await service.refresh(body.refreshToken ?? "")))
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        // The body is optional here: with no refresh token, every session of the caller ends.
        var body = TokenBody()
        if let length = request.headers[.contentLength], length != "0" {
            body = try await request.decode(as: TokenBody.self, context: context)
        }
        try await service.logout(try context.requireUser(), refresh: body.refreshToken)
        return .noContent
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> DataEnvelope<UserResponse> {
        let user = try context.requireUser()
        guard let account = try await service.account(id: user.id) else {
            throw AppError.unauthorized("the account no longer exists")
        }
        return DataEnvelope(UserResponse(id: account.id, email: account.email, name: account.name,
                                         emailVerifiedAt: account.emailVerifiedAt, createdAt: account.createdAt,
                                         roles: user.roles, permissions: user.permissions))
    }

    @Sendable func changePassword(_ request: Request, context: AppRequestContext) async throws -> DataEnvelope<Message> {
        let body = try await request.decode(as: TokenBody.self, context: context)
        var check = Validation()
        check.field("current_password", body.currentPassword, .required)
        check.newPassword("new_password", body.newPassword)
        try check.finish()
        try await service.changePassword(try context.requireUser(), current: body.currentPassword ?? "", new: body.newPassword ?? "")
        return DataEnvelope(Message(message: "password changed; every session was signed out"))
    }

    @Sendable func forgotPassword(_ request: Request, context: AppRequestContext) async throws -> EditedResponse<DataEnvelope<Message>> {
        let body = try await request.decode(as: Credentials.self, context: context)
        var check = Validation()
        check.field("email", body.email, .required)
        try check.finish()
        try await throttle(email: body.email, context: context)
        try await service.forgotPassword(email: body.email ?? "", logger: context.logger)
        return EditedResponse(status: .accepted, response: DataEnvelope(Message(message: "if the address has an account, a reset token is on its way")))
    }

    @Sendable func resetPassword(_ request: Request, context: AppRequestContext) async throws -> DataEnvelope<Message> {
        let body = try await request.decode(as: TokenBody.self, context: context)
        var check = Validation()
        check.field("token", body.token, .required)
        check.newPassword("password", body.password)
        try check.finish()
        try await service.resetPassword(token: body.token ?? "", password: body.password ?? "")
        return DataEnvelope(Message(message: "password reset; sign in with the new one"))
    }

    @Sendable func verifyEmail(_ request: Request, context: AppRequestContext) async throws -> DataEnvelope<Message> {
        let body = try await request.decode(as: TokenBody.self, context: context)
        var check = Validation()
        check.field("token", body.token, .required)
        try check.finish()
        try await service.verifyEmail(token: body.token ?? "")
        return DataEnvelope(Message(message: "email address confirmed"))
    }

    private func tokens(_ pair: AuthService.TokenPair) -> Tokens {
        Tokens(accessToken: pair.access, refreshToken: pair.refresh, expiresIn: service.tokens.lifetime)
    }

    /// Counts one attempt against the account and the client's address; 429 past either limit.
    private func throttle(email: String?, context: AppRequestContext) async throws {
        var keys = ["address:" + (context.clientAddress ?? "unknown")]
        if let email { keys.append("account:" + AuthService.normalized(email)) }
        for key in keys {
            let decision = await attempts.take(key)
            guard decision.allowed else {
                throw AppError(status: .tooManyRequests, code: .rateLimited, message: "too many attempts; retry in \(decision.resetSeconds) s")
            }
        }
    }
}
