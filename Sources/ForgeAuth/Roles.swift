import ForgeRuntime
import Foundation

/// Roles and permissions in the auth module's tables: who has which role, what each role may
/// do. The authenticator reads a caller's with one query per request (``load(for:on:)``), so a
/// grant or a revocation holds from the next request, whatever tokens are out.
public enum Roles {
    /// The role every migrated app has; `user.can(_:)` is true for every permission of an admin.
    public static let admin = "admin"

    /// What `name` must look like: a lowercase identifier (`editor`, `billing_admin`); a
    /// permission may add dotted parts (`posts.delete`).
    public static func problem(withName name: String, permission: Bool = false) -> String? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let valid = !parts.isEmpty && (permission || parts.count == 1) && parts.allSatisfy { part in
            part.first.map { $0.isASCII && $0.isLowercase } == true && part.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
        }
        guard !valid else { return nil }
        return permission
            ? "'\(name)' is not a permission name: lowercase words joined by dots, as in posts.delete"
            : "'\(name)' is not a role name: a lowercase identifier, as in editor or billing_admin"
    }

    /// `user` with the roles and permissions the database gives its account now.
    public static func load(for user: AuthUser, on database: any SQLDatabase) async throws -> AuthUser {
        let rows = try await database.raw("""
            SELECT \(ident: "r").\(ident: "name") AS \(ident: "role"), \(ident: "p").\(ident: "name") AS \(ident: "permission") \
            FROM \(ident: "user_roles") AS \(ident: "ur") \
            JOIN \(ident: "roles") AS \(ident: "r") ON \(ident: "r").\(ident: "id") = \(ident: "ur").\(ident: "role_id") \
            LEFT JOIN \(ident: "role_permissions") AS \(ident: "rp") ON \(ident: "rp").\(ident: "role_id") = \(ident: "r").\(ident: "id") \
            LEFT JOIN \(ident: "permissions") AS \(ident: "p") ON \(ident: "p").\(ident: "id") = \(ident: "rp").\(ident: "permission_id") \
            WHERE \(ident: "ur").\(ident: "user_id") = \(bind: user.id)
            """).all()
        var user = user
        user.roles = Set(try rows.map { try $0.decode(column: "role", as: String.self) }).sorted()
        user.permissions = Set(try rows.compactMap { try $0.decode(column: "permission", as: String?.self) }).sorted()
        return user
    }

    /// The id of the role named `name`, or `nil`.
    static func roleID(_ name: String, on database: any SQLDatabase) async throws -> Int? {
        try await id(in: "roles", where: "name", equals: name, on: database)
    }

    /// The id of the row of `table` whose `column` is `value`, or `nil`.
    private static func id(in table: String, where column: String, equals value: String, on database: any SQLDatabase) async throws -> Int? {
        try await database.select().column("id").from(table).where(SQLIdentifier(column), .equal, SQLBind(value)).first()?.decode(column: "id", as: Int.self)
    }

    /// Creates role `name` unless it exists; returns its id.
    @discardableResult
    public static func create(_ name: String, on database: any SQLDatabase) async throws -> Int {
        if let id = try await roleID(name, on: database) { return id }
        try await database.insert(into: "roles").columns("name", "created_at").values(SQLBind(name), SQLBind(Date()))
            .ignoringConflicts(with: ["name"]).run()
        guard let id = try await roleID(name, on: database) else { throw RoleError("role \(name) could not be created") }
        return id
    }

    /// Gives account `email` role `role`; both must exist. Granting twice changes nothing.
    public static func grant(_ role: String, to email: String, on database: any SQLDatabase) async throws {
        let (user, role) = try await pair(email, role, on: database)
        try await database.insert(into: "user_roles").columns("user_id", "role_id").values(SQLBind(user), SQLBind(role))
            .ignoringConflicts(with: ["user_id", "role_id"]).run()
    }

    /// Takes role `role` from account `email`; returns whether the account had it.
    @discardableResult
    public static func revoke(_ role: String, from email: String, on database: any SQLDatabase) async throws -> Bool {
        let (user, role) = try await pair(email, role, on: database)
        return try await database.delete(from: "user_roles").where("user_id", .equal, SQLBind(user)).where("role_id", .equal, SQLBind(role))
            .returning("user_id").all().isEmpty == false
    }

    /// Lets role `role` (which must exist) do `permission`, creating the permission if new.
    public static func allow(_ role: String, to permission: String, on database: any SQLDatabase) async throws {
        if let problem = problem(withName: permission, permission: true) { throw RoleError(problem, isUsageError: true) }
        guard let roleID = try await roleID(role, on: database) else { throw try await unknownRole(role, on: database) }
        try await database.insert(into: "permissions").columns("name", "created_at").values(SQLBind(permission), SQLBind(Date()))
            .ignoringConflicts(with: ["name"]).run()
        guard let permissionID = try await id(in: "permissions", where: "name", equals: permission, on: database) else {
            throw RoleError("permission \(permission) could not be created")
        }
        try await database.insert(into: "role_permissions").columns("role_id", "permission_id").values(SQLBind(roleID), SQLBind(permissionID))
            .ignoringConflicts(with: ["role_id", "permission_id"]).run()
    }

    private static func pair(_ email: String, _ role: String, on database: any SQLDatabase) async throws -> (user: Int, role: Int) {
        if let problem = problem(withName: role) { throw RoleError(problem, isUsageError: true) }
        let normalized = AuthService.normalized(email)
        guard let user = try await id(in: "users", where: "email", equals: normalized, on: database) else {
            throw RoleError("no account with email \(normalized); create it with user:create --email \(normalized)")
        }
        guard let roleID = try await roleID(role, on: database) else { throw try await unknownRole(role, on: database) }
        return (user, roleID)
    }

    private static func unknownRole(_ role: String, on database: any SQLDatabase) async throws -> RoleError {
        let known = try await database.select().column("name").from("roles").orderBy("name").all().map { try $0.decode(column: "name", as: String.self) }
        return RoleError("no role named \(role); roles: \(known.joined(separator: ", ")) (add one with role:create \(role))")
    }
}

/// Why a role or permission command could not run; `isUsageError` for a bad name (exit 64).
public struct RoleError: Error, CustomStringConvertible {
    public let description: String
    public let isUsageError: Bool

    init(_ description: String, isUsageError: Bool = false) {
        self.description = description
        self.isUsageError = isUsageError
    }
}
