import ForgeAuth
import ForgeAuthTesting
import Foundation
import Testing

/// The auth module over real HTTP routes: every endpoint's success and failure paths, token
/// expiry, refresh rotation with reuse detection, and protected routes.
@Suite struct AuthTests {
    /// The notes app with the auth module and its notes behind authentication.
    static let app = AppDefinition(name: "notes", migrations: [CreateNotes()], modules: [AuthModule()]) { routes, database in
        NoteRoutes(database: database).register(on: routes.authenticated())
    }

    let outbox = MailOutbox()
    var testApp: TestApp { TestApp(Self.app).sendingMail(to: outbox) }

    /// Registers `email` with `password`, confirms the address from the mail, and signs in.
    private func signUp(_ client: TestClient, _ email: String = "ada@example.com", password: String = "correct horse") async throws -> JSONValue {
        let registered = try await client.send(.post, "/api/auth/register", json: ["email": .string(email), "password": .string(password), "name": "Ada"])
        #expect(registered.status == .accepted, "\(registered.text)")
        let login = try await client.send(.post, "/api/auth/login", json: ["email": .string(email), "password": .string(password)])
        #expect(login.status == .ok, "\(login.text)")
        return login.json["data"]
    }

    @Test func registerLoginMeAndVerifyEmail() async throws {
        try await testApp.run { client in
            let tokens = try await signUp(client)
            #expect(tokens["token_type"] == "Bearer")
            #expect(tokens["expires_in"] == 900)
            let access = try #require(tokens["access_token"].string)

            let me = try await client.withBearer(access).send(.get, "/api/auth/me")
            #expect(me.status == .ok)
            #expect(me.json["data"]["email"] == "ada@example.com")
            #expect(me.json["data"]["email_verified_at"] == nil)
            #expect(me.json["data"]["password_hash"] == nil)

            let verification = try #require(await outbox.lastToken)
            #expect(await outbox.messages.last?.subject == "Confirm your email address")
            let verified = try await client.send(.post, "/api/auth/verify-email", json: ["token": .string(verification)])
            #expect(verified.status == .ok, "\(verified.text)")
            #expect(try await client.withBearer(access).send(.get, "/api/auth/me").json["data"]["email_verified_at"].string != nil)
            let again = try await client.send(.post, "/api/auth/verify-email", json: ["token": .string(verification)])
            #expect(again.status == .unprocessableContent, "a verification token works once")
            #expect(try await client.send(.post, "/api/auth/verify-email", json: ["token": "forged"]).status == .unprocessableContent)
        }
    }

    /// Found by schemathesis: `/me` left out `name` and `email_verified_at` when empty, where the
    /// document (and every other response) promises the key with `null`.
    @Test func meAlwaysHasEveryKey() async throws {
        try await testApp.run { client in
            let registered = try await client.send(.post, "/api/auth/register", json: ["email": "bo@example.com", "password": "correct horse"])
            #expect(registered.status == .accepted)
            let login = try await client.send(.post, "/api/auth/login", json: ["email": "bo@example.com", "password": "correct horse"])
            let me = try await client.withBearer(try #require(login.json["data"]["access_token"].string)).send(.get, "/api/auth/me")
            guard case .object(let account) = me.json["data"] else { Issue.record("no account: \(me.text)"); return }
            #expect(Set(account.keys) == ["id", "email", "name", "email_verified_at", "created_at", "roles", "permissions"], "\(me.text)")
            #expect(account["name"] == .null && account["email_verified_at"] == .null)
        }
    }

    /// bcrypt reads 72 bytes; a longer password is pre-hashed, so all of it counts, and the
    /// limit is one a schema can state: 8 to 256 characters.
    @Test func longPasswordsCountEveryCharacter() async throws {
        try await testApp.run { client in
            let long = String(repeating: "é", count: 60) + "-end"   // 124 bytes
            #expect(try await client.send(.post, "/api/auth/register", json: ["email": "cy@example.com", "password": .string(long)]).status == .accepted)
            #expect(try await client.send(.post, "/api/auth/login", json: ["email": "cy@example.com", "password": .string(long)]).status == .ok)
            let cut = String(repeating: "é", count: 60) + "-END"   // the same first 72 bytes
            #expect(try await client.send(.post, "/api/auth/login", json: ["email": "cy@example.com", "password": .string(cut)]).status == .unauthorized)
            let tooLong = try await client.send(.post, "/api/auth/register", json: ["email": "di@example.com", "password": .string(String(repeating: "x", count: 257))])
            #expect(tooLong.status == .unprocessableContent && tooLong.json["error"]["fields"]["password"][0] == "must be at most 256 characters")
        }
    }

    @Test func registrationNeverRevealsWhetherAnAddressIsTaken() async throws {
        try await testApp.run { client in
            let first = try await client.send(.post, "/api/auth/register", json: ["email": "ada@example.com", "password": "correct horse"])
            let second = try await client.send(.post, "/api/auth/register", json: ["email": "ADA@example.com ", "password": "another one"])
            #expect(first.status == .accepted && second.status == .accepted)
            #expect(first.json == second.json)
            #expect(await outbox.messages.map(\.subject) == ["Confirm your email address", "Someone tried to register with your address"])
            // The first password still works: the second registration changed nothing.
            #expect(try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "correct horse"]).status == .ok)
        }
    }

    @Test func badInputIsA422NamingTheField() async throws {
        try await testApp.run { client in
            let short = try await client.send(.post, "/api/auth/register", json: ["email": "not-an-email", "password": "short"])
            #expect(short.status == .unprocessableContent)
            #expect(short.json["error"]["fields"]["email"] == ["must be an email address"])
            #expect(short.json["error"]["fields"]["password"] == ["must be at least 8 characters"])
            let missing = try await client.send(.post, "/api/auth/login", json: [:])
            #expect(missing.json["error"]["fields"]["email"] == ["is required"])
            #expect(try await client.send(.post, "/api/auth/refresh", json: [:]).status == .unprocessableContent)
        }
    }

    @Test func aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() async throws {
        try await testApp.run { client in
            _ = try await signUp(client)
            let wrong = try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "wrong password"])
            let unknown = try await client.send(.post, "/api/auth/login", json: ["email": "bob@example.com", "password": "wrong password"])
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(wrong.json["error"]["message"] == unknown.json["error"]["message"])
        }
    }

    @Test func refreshRotatesAndAReusedTokenRevokesItsFamily() async throws {
        try await testApp.run { client in
            let first = try await signUp(client)
            let original = try #require(first["refresh_token"].string)
            let rotated = try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": .string(original)])
            #expect(rotated.status == .ok)
            let next = try #require(rotated.json["data"]["refresh_token"].string)
            #expect(next != original)
            #expect(try await client.withBearer(try #require(rotated.json["data"]["access_token"].string)).send(.get, "/api/auth/me").status == .ok)

            // The spent token comes back: someone else has it. The family dies, the newer token too.
            let reused = try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": .string(original)])
            #expect(reused.status == .unauthorized)
            #expect(reused.json["error"]["message"].string?.contains("already used") == true)
            #expect(try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": .string(next)]).status == .unauthorized)

            // Another sign-in is another family, untouched.
            let other = try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "correct horse"])
            let otherRefresh = try #require(other.json["data"]["refresh_token"].string)
            #expect(try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": .string(otherRefresh)]).status == .ok)
            #expect(try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": "made-up"]).status == .unauthorized)
        }
    }

    @Test func expiredTokensAreRefused() async throws {
        let shortLived = TestApp(Self.app) { configuration in
            configuration.values["ACCESS_TOKEN_TTL"] = "1"
            configuration.values["REFRESH_TOKEN_TTL"] = "1"
        }.sendingMail(to: outbox)
        try await shortLived.run { client in
            let tokens = try await signUp(client)
            try await Task.sleep(for: .milliseconds(2_100))
            let me = try await client.withBearer(try #require(tokens["access_token"].string)).send(.get, "/api/auth/me")
            #expect(me.status == .unauthorized)
            let refresh = try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": tokens["refresh_token"]])
            #expect(refresh.status == .unauthorized)
            #expect(refresh.json["error"]["message"].string?.contains("expired") == true)
        }
    }

    @Test func logoutRevokesTheSignIn() async throws {
        try await testApp.run { client in
            let tokens = try await signUp(client)
            let signedIn = client.withBearer(try #require(tokens["access_token"].string))
            #expect(try await client.send(.post, "/api/auth/logout").status == .unauthorized)
            #expect(try await signedIn.send(.post, "/api/auth/logout", json: ["refresh_token": tokens["refresh_token"]]).status == .noContent)
            #expect(try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": tokens["refresh_token"]]).status == .unauthorized)
        }
    }

    @Test func changePasswordChecksTheCurrentOneAndSignsEverySessionOut() async throws {
        try await testApp.run { client in
            let tokens = try await signUp(client)
            let signedIn = client.withBearer(try #require(tokens["access_token"].string))
            let wrong = try await signedIn.send(.post, "/api/auth/change-password", json: ["current_password": "nope nope", "new_password": "a new secret"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.json["error"]["fields"]["current_password"] == ["is incorrect"])
            #expect(try await client.send(.post, "/api/auth/change-password", json: ["current_password": "correct horse", "new_password": "a new secret"]).status == .unauthorized)
            let changed = try await signedIn.send(.post, "/api/auth/change-password", json: ["current_password": "correct horse", "new_password": "a new secret"])
            #expect(changed.status == .ok)
            #expect(try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": tokens["refresh_token"]]).status == .unauthorized)
            #expect(try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "a new secret"]).status == .ok)
        }
    }

    @Test func passwordResetTokensAreSingleUseAndSayNothingAboutUnknownAddresses() async throws {
        try await testApp.run { client in
            _ = try await signUp(client)
            let unknown = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "bob@example.com"])
            let known = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "ada@example.com"])
            #expect(unknown.status == .accepted && known.status == .accepted)
            #expect(unknown.json == known.json)
            #expect(await outbox.messages.last?.subject == "Reset your password")
            let token = try #require(await outbox.lastToken)

            let weak = try await client.send(.post, "/api/auth/reset-password", json: ["token": .string(token), "password": "short"])
            #expect(weak.status == .unprocessableContent)
            let reset = try await client.send(.post, "/api/auth/reset-password", json: ["token": .string(token), "password": "brand new secret"])
            #expect(reset.status == .ok, "\(reset.text)")
            let replay = try await client.send(.post, "/api/auth/reset-password", json: ["token": .string(token), "password": "another secret"])
            #expect(replay.status == .unprocessableContent)
            #expect(try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "brand new secret"]).status == .ok)
            #expect(try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "correct horse"]).status == .unauthorized)
        }
    }

    @Test func resetTokensExpire() async throws {
        let quick = TestApp(Self.app) { $0.values["PASSWORD_RESET_TTL"] = "1" }.sendingMail(to: outbox)
        try await quick.run { client in
            _ = try await signUp(client)
            _ = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "ada@example.com"])
            let token = try #require(await outbox.lastToken)
            #expect(await outbox.messages.last?.body.contains("expires in 1 second") == true)
            try await Task.sleep(for: .milliseconds(1_100))
            let late = try await client.send(.post, "/api/auth/reset-password", json: ["token": .string(token), "password": "brand new secret"])
            #expect(late.status == .unprocessableContent)
        }
    }

    @Test func signInAttemptsAreLimitedPerAccount() async throws {
        let strict = TestApp(Self.app) { $0.values["LOGIN_LIMIT"] = "3/60" }.sendingMail(to: outbox)
        try await strict.run { client in
            for _ in 0..<3 {
                _ = try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "guess guess"])
            }
            let limited = try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "guess guess"])
            #expect(limited.status == .tooManyRequests)
            #expect(limited.json["error"]["code"] == "rate_limited")
        }
    }

    @Test func signInAttemptsAreLimitedPerAddressToo() async throws {
        let strict = TestApp(Self.app) { $0.values["LOGIN_LIMIT"] = "3/60" }.sendingMail(to: outbox)
        try await strict.run { client in
            for index in 0..<3 {
                _ = try await client.send(.post, "/api/auth/login", json: ["email": .string("user\(index)@example.com"), "password": "guess guess"])
            }
            let limited = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "someone-else@example.com"])
            #expect(limited.status == .tooManyRequests)
        }
    }

    @Test func forgotPasswordNeedsAnAddress() async throws {
        try await testApp.run { client in
            let missing = try await client.send(.post, "/api/auth/forgot-password", json: [:])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.json["error"]["fields"]["email"] == ["is required"])
            let anonymous = try await client.send(.get, "/api/auth/me")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.json["error"]["code"] == "unauthorized")
        }
    }

    @Test func noPasswordOrTokenReachesTheLog() async throws {
        let logs = LogCapture()
        let password = "correct horse"
        try await testApp.capturingLogs(in: logs).run { client in
            let tokens = try await signUp(client, password: password)
            let refreshed = try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": tokens["refresh_token"]])
            _ = try await client.send(.post, "/api/auth/refresh", json: ["refresh_token": tokens["refresh_token"]])
            _ = try await client.send(.post, "/api/auth/login", json: ["email": "ada@example.com", "password": "wrong password"])
            _ = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "ada@example.com"])
            let signedIn = client.withBearer(try #require(refreshed.json["data"]["access_token"].string))
            _ = try await signedIn.send(.post, "/api/auth/change-password", json: ["current_password": .string(password), "new_password": "a new secret"])
            let secrets = [password, "wrong password", "a new secret", tokens["access_token"].string, tokens["refresh_token"].string,
                           refreshed.json["data"]["refresh_token"].string, await outbox.lastToken, TestApp.jwtSecret].compactMap { $0 }
            #expect(secrets.count == 8)
            #expect(logs.text.contains("/api/auth/login"), "the capture must see the request log")
            for secret in secrets {
                #expect(!logs.text.contains(secret), "a secret reached the log")
            }
        }
    }

    @Test func protectedRoutesNeedAValidToken() async throws {
        try await testApp.run { client in
            // No token: 401 before any lookup, whether or not the row exists.
            #expect(try await client.send(.get, "/api/notes/1").status == .unauthorized)
            #expect(try await client.send(.get, "/api/notes/999999").status == .unauthorized)
            #expect(try await client.send(.get, "/api/notes", headers: [.authorization: "Basic abc"]).status == .unauthorized)

            let signedIn = try await client.actingAs(AuthUser(id: 1, email: "ada@example.com"))
            #expect(try await signedIn.send(.get, "/api/notes").status == .ok)
            #expect(try await signedIn.send(.get, "/api/notes/999999").status == .notFound)

            let token = try #require(signedIn.bearerToken)
            var parts = token.split(separator: ".").map(String.init)
            parts[1] = String(parts[1].reversed())
            #expect(try await client.withBearer(parts.joined(separator: ".")).send(.get, "/api/notes").status == .unauthorized)
            let otherSecret = await AccessTokens(secret: String(repeating: "x", count: 40), lifetime: 60)
            let foreign = try await otherSecret.issue(for: AuthUser(id: 1, email: "ada@example.com"))
            #expect(try await client.withBearer(foreign).send(.get, "/api/notes").status == .unauthorized)
            let expired = try await AccessTokens(secret: TestApp.jwtSecret, lifetime: 60)
                .issue(for: AuthUser(id: 1, email: "ada@example.com"), now: Date().addingTimeInterval(-120))
            #expect(try await client.withBearer(expired).send(.get, "/api/notes").status == .unauthorized)
        }
    }

    @Test func anAppWithProtectedRoutesWillNotStartWithoutASecret() async throws {
        let noSecret = TestApp(Self.app) { $0.values["JWT_SECRET"] = nil }
        let missing = await #expect(throws: ConfigurationError.self) { try await noSecret.run { _ in } }
        #expect(missing?.key == "JWT_SECRET")
        #expect(missing?.message == "JWT_SECRET is not set, and this app has routes behind authentication; set it in .env to 32+ random characters (`openssl rand -hex 32`)")
        let placeholder = TestApp(Self.app) { $0.values["JWT_SECRET"] = "changeme-changeme-changeme-changeme" }
        let weak = await #expect(throws: ConfigurationError.self) { try await placeholder.run { _ in } }
        #expect(weak?.message.hasPrefix("JWT_SECRET is a placeholder") == true)
        #expect(AuthSettings.problem(withSecret: String(repeating: "a", count: 31)) != nil)
        #expect(AuthSettings.problem(withSecret: String(repeating: "a", count: 64)) != nil)
        #expect(AuthSettings.problem(withSecret: TestApp.jwtSecret) == nil)
    }

    @Test func settingsComeFromTheEnvironment() throws {
        let values = Environment(values: ["JWT_SECRET": TestApp.jwtSecret, "ACCESS_TOKEN_TTL": "60", "BCRYPT_COST": "10", "LOGIN_LIMIT": "5/60"])
        let configuration = try AppConfiguration(values, directory: "/tmp")
        #expect(try AuthSettings(configuration) == AuthSettings(jwtSecret: TestApp.jwtSecret, accessTokenLifetime: 60, bcryptCost: 10,
                                                                attemptLimit: RateLimit(limit: 5, window: .seconds(60))))
        let badCost = #expect(throws: ConfigurationError.self) { try AuthSettings(AppConfiguration(values: ["BCRYPT_COST": "3"])) }
        #expect(badCost?.message == "BCRYPT_COST '3' is not a bcrypt cost (4-31; 12 is a sound default)")
        let badTTL = #expect(throws: ConfigurationError.self) { try AuthSettings(AppConfiguration(values: ["ACCESS_TOKEN_TTL": "soon"])) }
        #expect(badTTL?.key == "ACCESS_TOKEN_TTL")
    }

    @Test func testAppsSignWithTheFixedSecretAtTheLowestCost() throws {
        let settings = try AuthSettings(TestApp(Self.app).configuration)
        #expect(settings.jwtSecret == TestApp.jwtSecret)
        #expect(settings.bcryptCost == 4)
    }

    @Test func theModuleRunsItsMigrationsFirstAndListsItsRoutesBehindAuth() async throws {
        #expect(Self.app.migrations.map(\.name).prefix(3) == ["0000_00_00_000001_create_users", "0000_00_00_000002_create_refresh_tokens", "0000_00_00_000003_create_auth_tokens"])
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "auth-tests"))
        let (_, table) = try await AppServer.buildRouter(for: Self.app, configuration: TestApp(Self.app).configuration, database: database)
        try await database.close()
        let me = try #require(table.routes.first { $0.path == "/api/auth/me" })
        #expect(me.middleware == [Routes.authenticationName])
        #expect(table.routes.first { $0.path == "/api/auth/login" }?.middleware == [])
    }
}
