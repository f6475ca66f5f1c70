import Foundation

/// Why a secret (`APP_SECRET`, `JWT_SECRET`) cannot protect anything: the one check behind
/// `forge doctor`'s `.env secrets` line and the auth module's refusal to start.
public enum SecretProblem: Sendable, Equatable, CustomStringConvertible {
    case notSet, tooShort, placeholder

    /// The shortest secret accepted: 32 characters, as `openssl rand -hex 16` prints.
    public static let minimumLength = 32

    /// The problem with `secret` (surrounding spaces ignored), or `nil` when it will do.
    public init?(_ secret: String?) {
        let value = secret?.trimmingCharacters(in: .whitespaces) ?? ""
        if value.isEmpty {
            self = .notSet
        } else if value.count < Self.minimumLength {
            self = .tooShort
        } else {
            let lowered = value.lowercased()
            let placeholders = ["changeme", "change-me", "change_me", "placeholder", "your-secret", "your_secret"]
            guard placeholders.contains(where: lowered.contains) || Set(lowered).count < 4 else { return nil }
            self = .placeholder
        }
    }

    /// Reads after the setting's name: "JWT_SECRET is \(problem)".
    public var description: String {
        switch self {
        case .notSet: "not set"
        case .tooShort: "shorter than \(Self.minimumLength) characters"
        case .placeholder: "a placeholder"
        }
    }
}
