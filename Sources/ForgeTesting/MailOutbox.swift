import ForgeRuntime

/// A mailer that keeps what it is sent, for tests that follow a reset or verification mail
/// (hand it to a module: ForgeAuthTesting's `TestApp.sendingMail(to:)` does so for the auth module).
///
/// ```swift
/// let outbox = MailOutbox()
/// try await TestApp(ShopApp.definition).sendingMail(to: outbox).run { client in
///     _ = try await client.send(.post, "/api/auth/forgot-password", json: ["email": "ada@example.com"])
///     let token = try #require(await outbox.lastToken)
/// }
/// ```
public actor MailOutbox: Mailer {
    /// Every mail sent, oldest first.
    public private(set) var messages: [MailMessage] = []

    public init() {}

    public func send(_ message: MailMessage, logger: Logger) async throws {
        messages.append(message)
    }

    /// The token in the latest mail: its one line of 43 base64url characters.
    public var lastToken: String? {
        messages.last?.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.count == 43 && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } }
    }
}
