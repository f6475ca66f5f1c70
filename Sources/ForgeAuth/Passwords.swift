import ForgeRuntime
import ForgeShared
import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing off the event loops (a cost-12 hash takes a quarter of a second of CPU).
enum Passwords {
    static let minimumLength = AccountRules.passwordMinLength
    static let maximumLength = AccountRules.passwordMaxLength

    static func hash(_ password: String, cost: Int) async throws -> String {
        let input = bcryptInput(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(input, cost: UInt8(cost)) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        let input = bcryptInput(password)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(input, hash: hash) }
    }

    /// What bcrypt hashes: the password itself, or past bcrypt's 72 bytes (which it would
    /// silently cut) its SHA-256 in hex, so every character counts. Passwords of 72 bytes or
    /// fewer hash as they always did; longer ones were refused before, so no stored hash changes.
    static func bcryptInput(_ password: String) -> String {
        password.utf8.count <= 72 ? password : SecretTokens.hash(password)
    }

    /// Problems with `password` as a new password, for a 422.
    fileprivate static func problems(_ password: String) -> [String] {
        var problems: [String] = []
        if password.unicodeScalars.count < minimumLength { problems.append("must be at least \(minimumLength) characters") }
        if password.unicodeScalars.count > maximumLength { problems.append("must be at most \(maximumLength) characters") }
        return problems
    }
}

/// A bcrypt hash of a random password nobody knows, at the app's cost, made on first use
/// (hashing at start-up would slow every `serve`, `routes` and test by a hash).
actor DecoyHash {
    private let cost: Int
    private var hash: String?

    init(cost: Int) {
        self.cost = cost
    }

    func value() async throws -> String {
        if let hash { return hash }
        let made = try await Passwords.hash(SecretTokens.make(), cost: cost)
        hash = made
        return made
    }
}

extension Validation {
    /// `name` must be present and acceptable as a new password.
    mutating func newPassword(_ name: String, _ value: String?) {
        field(name, value, .required)
        if let value {
            for problem in Passwords.problems(value) { add(name, problem) }
        }
    }
}
