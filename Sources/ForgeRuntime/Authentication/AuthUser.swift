import Foundation
import SQLKit

/// The caller the app's ``RequestAuthenticator`` identified (ForgeAuth: the user a valid access
/// token names): what controllers and services see of the current user.
///
/// ```swift
/// @Sendable func mine(_ request: Request, context: AppRequestContext) async throws -> PageEnvelope<OrderResponse> {
///     let user = try context.requireUser()
///     return PageEnvelope(try await service.orders(of: user.id).map(OrderResponse.init))
/// }
/// ```
public struct AuthUser: Sendable, Equatable, Codable {
    /// The `users.id` of the account.
    public var id: Int
    /// The account's email address, as it was when the token was issued.
    public var email: String
    /// The names of the account's roles, sorted, as the database had them when the request came in.
    public var roles: [String]
    /// Every permission those roles give, sorted.
    public var permissions: [String]

    public init(id: Int, email: String, roles: [String] = [], permissions: [String] = []) {
        self.id = id
        self.email = email
        self.roles = roles
        self.permissions = permissions
    }

    enum CodingKeys: String, CodingKey {
        case id, email, roles, permissions
    }

    /// Reads a user encoded before roles existed as one without any.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(Int.self, forKey: .id)
        email = try container.decode(String.self, forKey: .email)
        roles = try container.decodeIfPresent([String].self, forKey: .roles) ?? []
        permissions = try container.decodeIfPresent([String].self, forKey: .permissions) ?? []
    }

    /// Whether the account has role `role`.
    public func hasRole(_ role: String) -> Bool {
        roles.contains(role)
    }

    /// Whether the account may do `permission`: one of its roles grants it, or it is an admin
    /// (`admin` may do everything).
    public func can(_ permission: String) -> Bool {
        permissions.contains(permission) || hasRole("admin")
    }
}

extension AppRequestContext {
    /// The authenticated caller, or a 401 when the route was reached without one.
    public func requireUser() throws(AppError) -> AuthUser {
        guard let user else { throw AppError.unauthorized("sign in first: send Authorization: Bearer <access token>") }
        return user
    }
}

extension AppError {
    /// 401 with `message`. The body never says whether an account exists.
    public static func unauthorized(_ message: String) -> AppError {
        AppError(status: .unauthorized, code: .unauthorized, message: message)
    }

    /// 403 with `message`: the caller is known, the row (if any) visible to them, and a policy
    /// says no.
    public static func forbidden(_ message: String) -> AppError {
        AppError(status: .forbidden, code: .forbidden, message: message)
    }
}

extension AuthUser {
    /// The ids of up to `limit` accounts, oldest first: what seeders point `owner:references/User`
    /// fields at.
    public static func ids(on database: any SQLDatabase, limit: Int = 1000) async throws -> [Int] {
        try await database.select().column("id").from("users").orderBy("id").limit(limit).all(decoding: IDRow.self).map(\.id)
    }

    /// A 422 on `field` unless `id` is nil or names an account: the service's check of a
    /// reference to the auth module's users.
    public static func requireExisting(_ id: Int?, field: String, on database: any SQLDatabase) async throws {
        guard let id else { return }
        guard try await database.select().column("id").from("users").where("id", .equal, SQLBind(id)).limit(1).first() == nil else { return }
        var check = Validation()
        check.add(field, "no user with id \(id)")
        try check.finish()
    }
}
