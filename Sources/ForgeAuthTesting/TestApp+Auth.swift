import ForgeAuth
import ForgeTesting

extension TestApp {
    /// The app with its auth module's mail going to `outbox`, so a test can read the tokens it sends.
    ///
    /// ```swift
    /// let outbox = MailOutbox()
    /// try await TestApp(ShopApp.definition).sendingMail(to: outbox).run { client in
    ///     _ = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "ada@example.com"])
    ///     let token = try #require(await outbox.lastToken)
    /// }
    /// ```
    public func sendingMail(to outbox: MailOutbox) -> TestApp {
        var copy = self
        copy.definition.modules = definition.modules.map { module in
            guard var auth = module as? AuthModule else { return module }
            auth.mailer = outbox
            return auth
        }
        return copy
    }
}
