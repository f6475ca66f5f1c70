import ForgeRuntime
import HummingbirdBcrypt
import NIOPosix

/// bcrypt hashing off the event loops (a cost-12 hash takes a quarter of a second of CPU).
enum Passwords {
    /// The shortest password accepted.
    static let minimumLength = 8
    /// bcrypt reads at most 72 bytes; longer passwords are refused rather than silently cut.
    static let maximumBytes = 72

    static func hash(_ password: String, cost: Int) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: UInt8(cost)) }
    }

    static func verify(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Problems with `password` as a new password, for a 422.
    fileprivate static func problems(_ password: String) -> [String] {
        var problems: [String] = []
        if password.count < minimumLength { problems.append("must be at least \(minimumLength) characters") }
        if password.utf8.count > maximumBytes { problems.append("must be at most \(maximumBytes) bytes") }
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
