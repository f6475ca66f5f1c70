import ForgeAuth
import ForgeAuthTesting
import Foundation
import Logging
import Testing

/// Roles and permissions: the tables the auth module migrates, grants that hold from the next
/// request, `hasRole` and `can` (admins may do everything), and `/api/auth/me` listing them.
@Suite struct RoleTests {
    @Test func grantsRevokesAndPermissionsOnTheDatabase() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: AuthModule().migrations).migrate()
        let db = database.sql
        try await db.raw("INSERT INTO users (email, password_hash, created_at, updated_at) VALUES ('ada@example.com', 'x', \(bind: Date()), \(bind: Date()))").run()
        let ada = AuthUser(id: 1, email: "ada@example.com")
        #expect(try await Roles.load(for: ada, on: db).roles.isEmpty)

        // admin exists from the migration, and may do everything.
        try await Roles.grant("admin", to: "ADA@example.com ", on: db)
        try await Roles.grant("admin", to: "ada@example.com", on: db)
        let admin = try await Roles.load(for: ada, on: db)
        #expect(admin.roles == ["admin"] && admin.hasRole("admin") && admin.can("posts.delete"))

        try await Roles.create("editor", on: db)
        try await Roles.create("editor", on: db)
        try await Roles.allow("editor", to: "posts.delete", on: db)
        try await Roles.allow("editor", to: "posts.update", on: db)
        try await Roles.grant("editor", to: "ada@example.com", on: db)
        #expect(try await Roles.revoke("admin", from: "ada@example.com", on: db))
        #expect(try await Roles.revoke("admin", from: "ada@example.com", on: db) == false)
        let editor = try await Roles.load(for: ada, on: db)
        #expect(editor.roles == ["editor"] && editor.permissions == ["posts.delete", "posts.update"])
        #expect(editor.can("posts.delete") && !editor.can("users.delete") && !editor.hasRole("admin"))

        // Bad input: one line each, naming what is wrong.
        await #expect { try await Roles.grant("editor", to: "nobody@example.com", on: db) } throws: {
            "\($0)".contains("no account with email nobody@example.com")
        }
        await #expect { try await Roles.grant("author", to: "ada@example.com", on: db) } throws: {
            "\($0)" == "no role named author; roles: admin, editor (add one with role:create author)"
        }
        await #expect { try await Roles.grant("Editor!", to: "ada@example.com", on: db) } throws: {
            ($0 as? RoleError)?.isUsageError == true
        }
        await #expect { try await Roles.allow("editor", to: "Posts Delete", on: db) } throws: { ($0 as? RoleError)?.isUsageError == true }
        #expect(Roles.problem(withName: "billing_admin") == nil && Roles.problem(withName: "posts.delete", permission: true) == nil)
        #expect(Roles.problem(withName: "posts.delete") != nil && Roles.problem(withName: "9lives") != nil)
    }

    /// A route that gives the caller a role, so a test can watch `/api/auth/me` follow at once.
    static let app = AppDefinition(name: "notes", migrations: [], modules: [AuthModule()]) { routes, database in
        routes.authenticated().post("/test/roles/{role}", handler: "RoleTests.grant") { _, context in
            let role = try context.parameters.require("role")
            try await Roles.create(role, on: database.sql)
            try await Roles.grant(role, to: try context.requireUser().email, on: database.sql)
            return HTTPResponse.Status.noContent
        }
    }

    @Test func meListsRolesAndPermissionsFromTheNextRequestOn() async throws {
        try await TestApp(Self.app).run { client in
            let ada = try await client.signingUp("ada@example.com")
            let before = try await ada.send(.get, "/api/auth/me")
            #expect(before.json["data"]["roles"] == [] && before.json["data"]["permissions"] == [])
            #expect(try await ada.send(.post, "/test/roles/editor").status == .noContent)
            let after = try await ada.send(.get, "/api/auth/me")
            #expect(after.json["data"]["roles"] == ["editor"], "\(after.text)")
        }
    }
}
