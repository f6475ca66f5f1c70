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
}
