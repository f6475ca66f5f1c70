import ForgeAuth
import ForgeTesting

extension TestClient {
    /// A client whose requests carry a valid access token for `user`, as if they had signed in.
    /// The token is signed with the test app's `JWT_SECRET` (``TestApp/jwtSecret`` unless the
    /// test changed it).
    ///
    /// ```swift
    /// let signedIn = try await client.actingAs(AuthUser(id: 1, email: "ada@example.com"))
    /// #expect(try await signedIn.send(.get, "/api/orders").status == .ok)
    /// ```
    public func actingAs(_ user: AuthUser) async throws -> TestClient {
        let settings = try AuthSettings(configuration)
        guard AuthSettings.problem(withSecret: settings.jwtSecret) == nil, let secret = settings.jwtSecret else {
            throw TestClientError(message: "the test app has no usable JWT_SECRET to sign a token with")
        }
        let tokens = await AccessTokens(secret: secret, lifetime: settings.accessTokenLifetime)
        return withBearer(try await tokens.issue(for: user))
    }

    /// A client signed in as a new account `email`, registered and signed in through the auth
    /// routes, so the user is a real row (what rows of `--owned` resources point at), with
    /// `roles` granted (created if missing).
    ///
    /// ```swift
    /// let ada = try await client.signingUp("ada@example.com")
    /// let bob = try await client.signingUp("bob@example.com")
    /// ```
    public func signingUp(_ email: String, password: String = "correct horse battery staple", roles: [String] = []) async throws -> TestClient {
        let anonymous = withoutBearer()
        let registered = try await anonymous.send(.post, "/api/auth/register", json: ["email": .string(email), "password": .string(password)])
        guard registered.status == .accepted else {
            throw TestClientError(message: "POST /api/auth/register answered \(registered.status.code): \(registered.text)")
        }
        let login = try await anonymous.send(.post, "/api/auth/login", json: ["email": .string(email), "password": .string(password)])
        guard let token = login.json["data"]["access_token"].string else {
            throw TestClientError(message: "POST /api/auth/login answered \(login.status.code): \(login.text)")
        }
        for role in roles {
            try await Roles.create(role, on: database.sql)
            try await Roles.grant(role, to: email, on: database.sql)
        }
        return withBearer(token)
    }

    /// The `users.id` of the account this client is signed in as (`GET /api/auth/me`).
    public func userID() async throws -> Int {
        let me = try await send(.get, "/api/auth/me")
        guard let id = me.json["data"]["id"].int else {
            throw TestClientError(message: "GET /api/auth/me answered \(me.status.code): \(me.text)")
        }
        return id
    }
}
