import ForgeRuntime
import ForgeShared
import Foundation

/// The auth module's rules: accounts, passwords, token pairs with rotating refresh tokens, and
/// single-use reset and verification tokens. It owns every transaction; controllers only speak HTTP.
struct AuthService: Sendable {
    let database: Database
    let tokens: AccessTokens
    let settings: AuthSettings
    let mailer: any Mailer
    /// Checked when the email is unknown, so a failed login takes as long either way.
    let decoy: DecoyHash

    /// A stored account.
    struct Account: Sendable {
        var id: Int
        var email: String
        var name: String?
        var passwordHash: String
        var emailVerifiedAt: Date?
        var createdAt: Date

        init(row: any SQLRow) throws {
            id = try row.decode(column: "id", as: Int.self)
            email = try row.decode(column: "email", as: String.self)
            name = try row.decode(column: "name", as: String?.self)
            passwordHash = try row.decode(column: "password_hash", as: String.self)
            emailVerifiedAt = try row.decode(column: "email_verified_at", as: Date?.self)
            createdAt = try row.decode(column: "created_at", as: Date.self)
        }

        var user: AuthUser { AuthUser(id: id, email: email) }
    }

    /// An access token and the refresh token that renews it.
    struct TokenPair: Sendable {
        var access: String
        var refresh: String
    }

    /// "1 hour", "24 hours", "15 minutes", "30 seconds".
    static func describe(seconds: Int) -> String {
        let (value, unit) = seconds % 3600 == 0 ? (seconds / 3600, "hour") : seconds % 60 == 0 ? (seconds / 60, "minute") : (seconds, "second")
        return "\(value) \(unit)\(value == 1 ? "" : "s")"
    }

    static func normalized(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    // MARK: Accounts

    /// Creates the account and mails a verification token; for an address already registered,
    /// mails its owner instead. The caller cannot tell the two apart.
    func register(email: String, password: String, name: String?, logger: Logger) async throws {
        let email = Self.normalized(email)
        let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
        let now = Date()
        let created: Int? = try await database.transaction { db in
            try await Self.insertAccount(email: email, passwordHash: hash, name: name, verifiedAt: nil, at: now, on: db)
        }
        if let created {
            let token = try await issueOneTime(.emailVerification, userID: created, lifetime: settings.verificationTokenLifetime)
            try await mailer.send(MailMessage(to: email, subject: "Confirm your email address", body: """
                Confirm this address by sending the token below to POST /api/auth/verify-email as {"token": "..."}:

                \(token)

                It expires in \(Self.describe(seconds: settings.verificationTokenLifetime)) and works once.
                """), logger: logger)
        } else {
            try await mailer.send(MailMessage(to: email, subject: "Someone tried to register with your address", body: """
                An account with this address already exists. If that was you, sign in, or reset your
                password with POST /api/auth/forgot-password. Otherwise you can ignore this mail.
                """), logger: logger)
        }
    }

    /// The rules a new account's fields follow, on `/api/auth/register` and `user:create` alike.
    static func checkNewAccount(email: String?, password: String?, name: String?) -> Validation {
        var check = Validation()
        check.field("email", email, .required, .email, .maxLength(AccountRules.emailMaxLength))
        check.newPassword("password", password)
        check.field("name", name, .maxLength(AccountRules.nameMaxLength))
        return check
    }

    /// Inserts an account for a normalized `email` and returns its id, or `nil` when the address
    /// already has one.
    static func insertAccount(email: String, passwordHash: String, name: String?, verifiedAt: Date?, at now: Date,
                              on db: any SQLDatabase) async throws -> Int? {
        guard try await db.select().column("id").from("users").where("email", .equal, SQLBind(email)).first() == nil else { return nil }
        return try await db.insert(into: "users")
            .columns("email", "password_hash", "name", "email_verified_at", "created_at", "updated_at")
            .values(SQLBind(email), SQLBind(passwordHash), SQLBind(name), SQLBind(verifiedAt), SQLBind(now), SQLBind(now))
            .returning("id")
            .first()?
            .decode(column: "id", as: Int.self)
    }

    func account(id: Int) async throws -> Account? {
        try await database.sql.select().column("*").from("users").where("id", .equal, SQLBind(id)).first().map(Account.init)
    }

    private func account(email: String, on db: any SQLDatabase) async throws -> Account? {
        try await db.select().column("*").from("users").where("email", .equal, SQLBind(email)).first().map(Account.init)
    }

    // MARK: Signing in

    /// A new token pair for the right email and password; one 401 for every wrong combination.
    func login(email: String, password: String) async throws -> TokenPair {
        let account = try await account(email: Self.normalized(email), on: database.sql)
        let hash: String
        if let account {
            hash = account.passwordHash
        } else {
            hash = try await decoy.value()
        }
        let matches = try await Passwords.verify(password, hash: hash)
        guard let account, matches else { throw AppError.unauthorized("invalid email or password") }
        return try await database.transaction { db in
            try await issuePair(for: account.user, family: UUID().uuidString, on: db)
        }
    }

    /// Rotates `refresh`: the presented token is spent and a new pair issued in its family. A
    /// token presented twice means it leaked: the whole family is revoked and both callers must
    /// sign in again.
    func refresh(_ refresh: String) async throws -> TokenPair {
        let now = Date()
        let outcome: Result<TokenPair, AppError> = try await database.transaction { db in
            guard let row = try await db.select().columns("id", "user_id", "family", "expires_at", "used_at", "revoked_at")
                .from("refresh_tokens").where("token_hash", .equal, SQLBind(SecretTokens.hash(refresh))).first()
            else { return .failure(.unauthorized("the refresh token is invalid")) }
            let family = try row.decode(column: "family", as: String.self)
            if try row.decode(column: "used_at", as: Date?.self) != nil || row.decode(column: "revoked_at", as: Date?.self) != nil {
                try await db.update("refresh_tokens").set("revoked_at", to: SQLBind(now))
                    .where("family", .equal, SQLBind(family)).where("revoked_at", .is, SQLLiteral.null).run()
                return .failure(.unauthorized("the refresh token was already used; every session of that sign-in is now revoked"))
            }
            guard try row.decode(column: "expires_at", as: Date.self) > now else {
                return .failure(.unauthorized("the refresh token has expired; sign in again"))
            }
            try await db.update("refresh_tokens").set("used_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(try row.decode(column: "id", as: Int.self))).run()
            let userID = try row.decode(column: "user_id", as: Int.self)
            guard let account = try await db.select().column("*").from("users").where("id", .equal, SQLBind(userID)).first().map(Account.init) else {
                return .failure(.unauthorized("the refresh token is invalid"))
            }
            return .success(try await issuePair(for: account.user, family: family, on: db))
        }
        return try outcome.get()
    }

    /// Revokes the family of `refresh` (this sign-in), or with no token every session of `user`.
    func logout(_ user: AuthUser, refresh: String?) async throws {
        let now = Date()
        try await database.transaction { db in
            let update = db.update("refresh_tokens").set("revoked_at", to: SQLBind(now))
                .where("user_id", .equal, SQLBind(user.id)).where("revoked_at", .is, SQLLiteral.null)
            if let refresh {
                guard let family = try await db.select().column("family").from("refresh_tokens")
                    .where("token_hash", .equal, SQLBind(SecretTokens.hash(refresh))).where("user_id", .equal, SQLBind(user.id))
                    .first()?.decode(column: "family", as: String.self)
                else { return }
                update.where("family", .equal, SQLBind(family))
            }
            try await update.run()
        }
    }

    private func issuePair(for user: AuthUser, family: String, on db: any SQLDatabase) async throws -> TokenPair {
        let refresh = SecretTokens.make()
        let now = Date()
        try await db.insert(into: "refresh_tokens")
            .columns("user_id", "family", "token_hash", "expires_at", "created_at")
            .values(SQLBind(user.id), SQLBind(family), SQLBind(SecretTokens.hash(refresh)),
                    SQLBind(now.addingTimeInterval(TimeInterval(settings.refreshTokenLifetime))), SQLBind(now))
            .run()
        return TokenPair(access: try await tokens.issue(for: user, now: now), refresh: refresh)
    }

    // MARK: Passwords

    /// Replaces the password after checking the current one; every session is revoked.
    func changePassword(_ user: AuthUser, current: String, new: String) async throws {
        guard let account = try await account(id: user.id) else { throw AppError.unauthorized("the account no longer exists") }
        guard try await Passwords.verify(current, hash: account.passwordHash) else {
            throw AppError.validation([ValidationFieldError(field: "current_password", messages: ["is incorrect"])])
        }
        try await setPassword(new, userID: user.id)
    }

    /// Mails a reset token when the address has an account; says nothing either way.
    func forgotPassword(email: String, logger: Logger) async throws {
        guard let account = try await account(email: Self.normalized(email), on: database.sql) else { return }
        let token = try await issueOneTime(.passwordReset, userID: account.id, lifetime: settings.resetTokenLifetime)
        try await mailer.send(MailMessage(to: account.email, subject: "Reset your password", body: """
            Reset your password by sending the token below to POST /api/auth/reset-password as
            {"token": "...", "password": "..."}:

            \(token)

            It expires in \(Self.describe(seconds: settings.resetTokenLifetime)) and works once. If you did not ask for it, ignore this mail.
            """), logger: logger)
    }

    /// Spends a reset token and sets the new password; every session is revoked.
    func resetPassword(token: String, password: String) async throws {
        let userID = try await spendOneTime(.passwordReset, token: token)
        try await setPassword(password, userID: userID)
    }

    /// Spends a verification token and marks the address verified.
    func verifyEmail(token: String) async throws {
        let userID = try await spendOneTime(.emailVerification, token: token)
        let now = Date()
        try await database.sql.update("users").set("email_verified_at", to: SQLBind(now)).set("updated_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(userID)).run()
    }

    private func setPassword(_ password: String, userID: Int) async throws {
        let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
        let now = Date()
        try await database.transaction { db in
            try await db.update("users").set("password_hash", to: SQLBind(hash)).set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(userID)).run()
            try await db.update("refresh_tokens").set("revoked_at", to: SQLBind(now))
                .where("user_id", .equal, SQLBind(userID)).where("revoked_at", .is, SQLLiteral.null).run()
        }
    }

    // MARK: Single-use tokens

    enum Purpose: String {
        case passwordReset = "password_reset"
        case emailVerification = "email_verification"
    }

    private func issueOneTime(_ purpose: Purpose, userID: Int, lifetime: Int) async throws -> String {
        let token = SecretTokens.make()
        let now = Date()
        try await database.sql.insert(into: "auth_tokens")
            .columns("user_id", "purpose", "token_hash", "expires_at", "created_at")
            .values(SQLBind(userID), SQLBind(purpose.rawValue), SQLBind(SecretTokens.hash(token)),
                    SQLBind(now.addingTimeInterval(TimeInterval(lifetime))), SQLBind(now))
            .run()
        return token
    }

    /// Marks the token used and returns its user; a 422 when it is unknown, used or expired.
    private func spendOneTime(_ purpose: Purpose, token: String) async throws -> Int {
        let now = Date()
        let userID: Int? = try await database.transaction { db in
            guard let row = try await db.select().columns("id", "user_id", "expires_at", "used_at").from("auth_tokens")
                .where("token_hash", .equal, SQLBind(SecretTokens.hash(token))).where("purpose", .equal, SQLBind(purpose.rawValue)).first(),
                try row.decode(column: "used_at", as: Date?.self) == nil,
                try row.decode(column: "expires_at", as: Date.self) > now
            else { return nil }
            try await db.update("auth_tokens").set("used_at", to: SQLBind(now)).where("id", .equal, SQLBind(try row.decode(column: "id", as: Int.self))).run()
            return try row.decode(column: "user_id", as: Int.self)
        }
        guard let userID else {
            throw AppError.validation([ValidationFieldError(field: "token", messages: ["is invalid, used or expired"])])
        }
        return userID
    }
}
