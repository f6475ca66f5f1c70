import Logging

/// One email.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

/// Where the app's mail goes. The default, ``LogMailer``, writes it to the log; an app hands its
/// own driver (SMTP, an HTTP mail API) to the module that sends mail (ForgeAuth's `AuthModule(mailer:)`).
///
/// It lives in the core, not in ForgeAuth, because it needs no cryptography and any module (or
/// the app's own code) may send mail; ForgeTesting's `MailOutbox` implements it for tests.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage, logger: Logger) async throws
}

/// Writes each mail to the log under the `mail` label, for development. Outside development
/// (`redactsBodies`, set by the runtime in production) only the recipient and subject are
/// logged, so reset and verification tokens never reach a production log.
public struct LogMailer: Mailer {
    public var redactsBodies: Bool

    public init(redactsBodies: Bool = false) {
        self.redactsBodies = redactsBodies
    }

    public func send(_ message: MailMessage, logger: Logger) async throws {
        var mail = Logger(label: "mail")
        mail.logLevel = logger.logLevel
        mail.info("mail to \(message.to): \(message.subject)\(redactsBodies ? " (body not logged in production; configure a mail driver)" : "\n\(message.body)")")
    }
}
