import ForgeRuntime
import Foundation
import JWTKit

/// Short-lived access tokens: JWTs signed with HS256 and `JWT_SECRET`, naming the user.
public struct AccessTokens: Sendable {
    private let keys: JWTKeyCollection
    /// How long a token is valid, in seconds (`ACCESS_TOKEN_TTL`).
    public let lifetime: Int

    /// Tokens signed with `secret` (check it first with `AuthSettings.problem(withSecret:)`),
    /// valid for `lifetime` seconds.
    public init(secret: String, lifetime: Int) async {
        self.keys = await JWTKeyCollection().add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.lifetime = lifetime
    }

    /// A signed token for `user`, valid for ``lifetime`` seconds from `now`.
    public func issue(for user: AuthUser, now: Date = Date()) async throws -> String {
        let claims = AccessClaims(
            subject: SubjectClaim(value: String(user.id)),
            email: user.email,
            issuedAt: IssuedAtClaim(value: now),
            expiration: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(lifetime))),
            type: AccessClaims.accessType
        )
        return try await keys.sign(claims)
    }

    /// The user a token names, or a 401 when it is malformed, tampered with, expired or not an access token.
    public func verify(_ token: String) async throws(AppError) -> AuthUser {
        let claims: AccessClaims
        do {
            claims = try await keys.verify(token, as: AccessClaims.self)
        } catch {
            throw AppError.unauthorized("the access token is invalid or expired")
        }
        guard let id = Int(claims.subject.value) else {
            throw AppError.unauthorized("the access token is invalid or expired")
        }
        return AuthUser(id: id, email: claims.email)
    }
}

/// The claims of an access token.
struct AccessClaims: JWTPayload {
    static let accessType = "access"

    var subject: SubjectClaim
    var email: String
    var issuedAt: IssuedAtClaim
    var expiration: ExpirationClaim
    /// Always `access`, so no other token this app might sign passes for one.
    var type: String

    enum CodingKeys: String, CodingKey {
        case subject = "sub", email, issuedAt = "iat", expiration = "exp", type = "typ"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
        guard type == Self.accessType else { throw JWTError.claimVerificationFailure(failedClaim: nil, reason: "not an access token") }
    }
}
