import ForgeRuntime
import Foundation

/// The auth module's tables. Their names sort before every dated migration, so a resource's
/// table can refer to `users` from its first migration.
enum AuthMigrations {
    static var all: [any Migration] { [CreateUsers(), CreateRefreshTokens(), CreateAuthTokens(), CreateRolesAndPermissions()] }

    static let timestamp = SQLDataType.dialect(sqlite: "TIMESTAMP", postgres: "TIMESTAMPTZ")

    struct CreateUsers: Migration {
        let name = "0000_00_00_000001_create_users"

        func prepare(on database: any SQLDatabase) async throws {
            try await database.create(table: "users")
                .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                .column("email", type: .text, .notNull, .unique)
                .column("password_hash", type: .text, .notNull)
                .column("name", type: .text)
                .column("email_verified_at", type: timestamp)
                .column("created_at", type: timestamp, .notNull)
                .column("updated_at", type: timestamp, .notNull)
                .run()
        }

        func revert(on database: any SQLDatabase) async throws {
            try await database.drop(table: "users").ifExists().run()
        }
    }

    /// One row per refresh token ever issued. `family` ties the tokens of one sign-in together:
    /// presenting a token that was already used revokes the whole family.
    struct CreateRefreshTokens: Migration {
        let name = "0000_00_00_000002_create_refresh_tokens"

        func prepare(on database: any SQLDatabase) async throws {
            try await database.create(table: "refresh_tokens")
                .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
                .column("family", type: .text, .notNull)
                .column("token_hash", type: .text, .notNull, .unique)
                .column("expires_at", type: timestamp, .notNull)
                .column("used_at", type: timestamp)
                .column("revoked_at", type: timestamp)
                .column("created_at", type: timestamp, .notNull)
                .run()
            try await database.create(index: "refresh_tokens_family_index").on("refresh_tokens").column("family").run()
        }

        func revert(on database: any SQLDatabase) async throws {
            try await database.drop(table: "refresh_tokens").ifExists().run()
        }
    }

    /// Single-use password-reset and email-verification tokens, stored hashed.
    struct CreateAuthTokens: Migration {
        let name = "0000_00_00_000003_create_auth_tokens"

        func prepare(on database: any SQLDatabase) async throws {
            try await database.create(table: "auth_tokens")
                .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
                .column("purpose", type: .text, .notNull)
                .column("token_hash", type: .text, .notNull, .unique)
                .column("expires_at", type: timestamp, .notNull)
                .column("used_at", type: timestamp)
                .column("created_at", type: timestamp, .notNull)
                .run()
        }

        func revert(on database: any SQLDatabase) async throws {
            try await database.drop(table: "auth_tokens").ifExists().run()
        }
    }

    /// Roles, permissions and who has which: `user_roles (user_id, role_id)` and
    /// `role_permissions (role_id, permission_id)`, each pair its own primary key and removed with
    /// either side. The `admin` role exists from the start, so `role:grant EMAIL admin` works
    /// right after `migrate`.
    struct CreateRolesAndPermissions: Migration {
        let name = "0000_00_00_000004_create_roles_and_permissions"

        func prepare(on database: any SQLDatabase) async throws {
            for table in ["roles", "permissions"] {
                try await database.create(table: table)
                    .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                    .column("name", type: .text, .notNull, .unique)
                    .column("created_at", type: timestamp, .notNull)
                    .run()
            }
            try await database.create(table: "user_roles")
                .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
                .column("role_id", type: .bigint, .notNull, .references("roles", "id", onDelete: .cascade))
                .primaryKey("user_id", "role_id")
                .run()
            try await database.create(table: "role_permissions")
                .column("role_id", type: .bigint, .notNull, .references("roles", "id", onDelete: .cascade))
                .column("permission_id", type: .bigint, .notNull, .references("permissions", "id", onDelete: .cascade))
                .primaryKey("role_id", "permission_id")
                .run()
            try await database.insert(into: "roles").columns("name", "created_at").values(SQLBind(Roles.admin), SQLBind(Date())).run()
        }

        func revert(on database: any SQLDatabase) async throws {
            for table in ["role_permissions", "user_roles", "permissions", "roles"] {
                try await database.drop(table: table).ifExists().run()
            }
        }
    }
}
