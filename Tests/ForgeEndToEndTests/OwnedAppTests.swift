import Foundation
import Testing

/// A journal whose notebooks and entries belong to their users (`-p --owned`), with shared tags
/// and remarks that name their author's account (`author:references/User`):
/// two real accounts over HTTP, on SQLite and on PostgreSQL from one build. Every route of an
/// owned resource (list, count, show, replace, update, delete, nested routes, include, filters,
/// link routes) shows a user only their own rows, and another user's row is a 404 exactly like a
/// missing one. PostgreSQL needs FORGE_POSTGRES_URL (scripts/postgres.sh).
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct OwnedAppTests {
    @Test func ownedRowsStayTheirOwnersOnBothDatabases() async throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "owned", app: "journal")
        let app = folder.appendingPathComponent("journal")
        let created = try runCommand([forge, "new", "journal", "--db", "postgres"], in: folder)
        #expect(created.status == 0, "\(created.output)")
        try restoreBuildCache(folder: folder, app: "journal")
        let refused = try runCommand([forge, "make:resource", "Secret", "-f", "body:text", "--owned"], in: app)
        #expect(refused.status == 64 && refused.output.contains("add -p"), "\(refused.output)")
        for arguments in [
            ["Tag", "-f", "name:string:required,max:40,unique"],
            ["Notebook", "-f", "title:string:required,max:120", "-p", "--owned"],
            ["Remark", "-f", "body:text:required", "-f", "author:references/User:required"],
            ["Article", "-f", "title:string:required,max:200", "-p", "--role", "editor"],
            ["Diary", "-f", "text:string:required", "-p"],
            ["Entry", "-f", "body:text:required", "-f", "notebook:references/Notebook:required,on_delete:cascade", "-f", "tags:many/Tag",
             "-p", "--owned", "--soft-deletes"],
        ] {
            let made = try runCommand([forge, "make:resource"] + arguments, in: app)
            #expect(made.status == 0, "\(made.output)")
        }
        #expect(!FileManager.default.fileExists(atPath: app.appendingPathComponent("Sources/App/Models/Secret.swift").path))
        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")
        #expect(tests.output.contains("anotherUserSeesNoneOfTheOwnersRows"), "\(tests.output.suffix(2000))")
        #expect(tests.output.contains("aCallerWithoutTheRolesIsForbidden"), "\(tests.output.suffix(2000))")

        var databases = ["sqlite:" + folder.appendingPathComponent("journal.sqlite").path]
        if let postgres = postgresBaseURL { databases.append(postgres.replacingOccurrences(of: "/forge_test", with: "/forge_owned")) }
        for url in databases {
            try await exercise(forge: forge, app: app, database: ["DATABASE_URL": url])
        }

        // An existing protected resource becomes owned: its rows (Bob's diary and the 20 seeded
        // before the change) go to the first account, Ada.
        let altered = try runCommand([forge, "alter", "Diary", "--owned"], in: app)
        #expect(altered.status == 0, "\(altered.output)")
        for url in databases {
            let database = ["DATABASE_URL": url]
            let migrated = try runCommand([forge, "db:migrate"], in: app, environment: database)
            #expect(migrated.status == 0, "\(url): \(migrated.output.suffix(2000))")
            let server = try await LiveServer.start(forge: forge, app: app, environment: database.merging(["RATE_LIMIT": "off"]) { $1 })
            defer { server.stop() }
            let login = { (email: String) async throws -> String in
                let answer = try await request("POST", "\(server.base)/api/auth/login", json: ["email": email, "password": "correct horse battery staple"])
                return try #require(answer["data", "access_token"] as? String)
            }
            let ada = try await login("ada@example.com"), bob = try await login("bob@example.com")
            #expect(try await request("GET", "\(server.base)/api/diaries", bearer: ada)["meta", "total"] as? Int == 21, "\(url)")
            #expect(try await request("GET", "\(server.base)/api/diaries", bearer: bob)["meta", "total"] as? Int == 0, "\(url)")
            #expect(try await request("POST", "\(server.base)/api/diaries", json: ["text": "Bob's own"], bearer: bob).status == 201)
            #expect(try await request("GET", "\(server.base)/api/diaries", bearer: ada)["meta", "total"] as? Int == 21, "\(url)")
        }
        // Back out for the next run: rolled back, the table keeps its rows and loses the owner.
        let rolledBack = try runCommand([forge, "db:rollback"], in: app, environment: ["DATABASE_URL": databases[0]])
        #expect(rolledBack.status == 0 && rolledBack.output.contains("alter_diaries"), "\(rolledBack.output)")
    }

    private func signUp(_ email: String, at base: String) async throws -> String {
        let registered = try await request("POST", "\(base)/api/auth/register", json: ["email": email, "password": "correct horse battery staple"])
        #expect(registered.status == 202, "\(registered.json ?? "")")
        let login = try await request("POST", "\(base)/api/auth/login", json: ["email": email, "password": "correct horse battery staple"])
        return try #require(login["data", "access_token"] as? String, "\(login.json ?? "")")
    }

    private func exercise(forge: String, app: URL, database: [String: String]) async throws {
        let which = database["DATABASE_URL"]!.hasPrefix("sqlite") ? "SQLite" : "PostgreSQL"
        let fresh = try runCommand([forge, "db:fresh"], in: app, environment: database)
        #expect(fresh.status == 0, "\(which): \(fresh.output)")
        // Owned rows need an owner: without an account the seeder says so.
        let early = try runCommand([forge, "db:seed", "--seeder", "Notebook", "--count", "5"], in: app, environment: database)
        #expect(early.status != 0 && early.output.contains("create an account first"), "\(which): \(early.output)")

        let server = try await LiveServer.start(forge: forge, app: app, environment: database.merging(["RATE_LIMIT": "off"]) { $1 })
        defer { server.stop() }
        let base = server.base
        let ada = try await signUp("ada@example.com", at: base)
        let bob = try await signUp("bob@example.com", at: base)

        // Ada's rows; a user_id in the body is ignored.
        let tag = try #require(try await request("POST", "\(base)/api/tags", json: ["name": "private-\(which)"])["data", "id"] as? Int)
        let notebook = try await request("POST", "\(base)/api/notebooks", json: ["title": "Ada's", "user_id": 2], bearer: ada)
        #expect(notebook.status == 201 && notebook["data", "user_id"] == nil, "\(which): \(notebook.json ?? "")")
        let book = try #require(notebook["data", "id"] as? Int)
        let entry = try await request("POST", "\(base)/api/notebooks/\(book)/entries", json: ["body": "Dear diary", "tag_ids": [tag]], bearer: ada)
        #expect(entry.status == 201, "\(which): \(entry.json ?? "")")
        let page = try #require(entry["data", "id"] as? Int)

        // Bob sees none of it, through any route, and cannot point at it.
        for path in ["/api/notebooks/\(book)", "/api/entries/\(page)", "/api/notebooks/\(book)/entries", "/api/entries/\(page)/tags",
                     "/api/notebooks/999999", "/api/notebooks/999999/entries"] {
            #expect(try await request("GET", base + path, bearer: bob).status == 404, "\(which): GET \(path)")
        }
        for path in ["/api/notebooks", "/api/entries", "/api/entries?filter%5Bnotebook_id%5D=\(book)", "/api/entries?filter%5Btags%5D=\(tag)&include=notebook,tags"] {
            let list = try await request("GET", base + path, bearer: bob)
            #expect(list.status == 200 && list["meta", "total"] as? Int == 0, "\(which): GET \(path) \(list.json ?? "")")
        }
        #expect(try await request("GET", "\(base)/api/entries/count", bearer: bob)["data", "count"] as? Int == 0)
        #expect(try await request("PATCH", "\(base)/api/notebooks/\(book)", json: ["title": "Bob's now"], bearer: bob).status == 404)
        #expect(try await request("PUT", "\(base)/api/notebooks/\(book)", json: ["title": "Bob's now"], bearer: bob).status == 404)
        #expect(try await request("DELETE", "\(base)/api/entries/\(page)", bearer: bob).status == 404)
        #expect(try await request("POST", "\(base)/api/entries/\(page)/restore", bearer: bob).status == 404)
        #expect(try await request("PUT", "\(base)/api/entries/\(page)/tags", json: ["ids": []], bearer: bob).status == 404)
        #expect(try await request("DELETE", "\(base)/api/entries/\(page)/tags/\(tag)", bearer: bob).status == 404)
        let pointed = try await request("POST", "\(base)/api/entries", json: ["body": "Into Ada's", "notebook_id": book], bearer: bob)
        #expect(pointed.status == 422 && pointed["error", "fields", "notebook_id"] != nil, "\(which): \(pointed.json ?? "")")
        let nested = try await request("POST", "\(base)/api/notebooks/\(book)/entries", json: ["body": "Into Ada's"], bearer: bob)
        #expect(nested.status == 404, "\(which): \(nested.json ?? "")")
        #expect(try await request("GET", "\(base)/api/notebooks").status == 401)

        // Bob's own rows work the same way, and Ada's are untouched.
        let his = try #require(try await request("POST", "\(base)/api/notebooks", json: ["title": "Bob's"], bearer: bob)["data", "id"] as? Int)
        #expect(try await request("POST", "\(base)/api/notebooks/\(his)/entries", json: ["body": "Mine"], bearer: bob).status == 201)
        let shown = try await request("GET", "\(base)/api/notebooks/\(book)?include=entries.tags", bearer: ada)
        #expect(shown["data", "title"] as? String == "Ada's", "\(which): \(shown.json ?? "")")
        #expect((shown["data", "entries"] as? [[String: Any]])?.map { $0["body"] as? String } == ["Dear diary"], "\(which): \(shown.json ?? "")")
        #expect(shown["data", "entries", "0", "tags", "0", "id"] as? Int == tag)
        #expect(try await request("GET", "\(base)/api/entries", bearer: ada)["meta", "total"] as? Int == 1)
        #expect(try await request("GET", "\(base)/api/entries", bearer: bob)["meta", "total"] as? Int == 1)

        // A reference to an account (the auth module's users): checked, and an integer id.
        let adaID = try #require(try await request("GET", "\(base)/api/auth/me", bearer: ada)["data", "id"] as? Int)
        let remark = try await request("POST", "\(base)/api/remarks", json: ["body": "Nice", "author_id": adaID])
        #expect(remark.status == 201 && remark["data", "author_id"] as? Int == adaID, "\(which): \(remark.json ?? "")")
        let stranger = try await request("POST", "\(base)/api/remarks", json: ["body": "Who?", "author_id": 999_999])
        #expect(stranger.status == 422 && "\(stranger["error", "fields", "author_id"] ?? "")".contains("no user with id 999999"), "\(which): \(stranger.json ?? "")")

        // A diary written by Bob before diaries were owned (the alteration after the loop gives it to Ada).
        #expect(try await request("POST", "\(base)/api/diaries", json: ["text": "Before owners"], bearer: bob).status == 201)

        // Seeded rows go to the first account.
        let seeded = try runCommand([forge, "db:seed", "--count", "20"], in: app, environment: database)
        #expect(seeded.status == 0, "\(which): \(seeded.output)")
        #expect(try await request("GET", "\(base)/api/notebooks", bearer: ada)["meta", "total"] as? Int == 21)
        #expect(try await request("GET", "\(base)/api/notebooks", bearer: bob)["meta", "total"] as? Int == 1)
        // Accounts and roles from the command line, as production would run them on the executable.
        let admin = try runCommand([forge, "user:create", "--email", "Root@Example.com", "--password", "correct horse battery staple", "--role", "admin"],
                                   in: app, environment: database)
        #expect(admin.status == 0 && admin.output.contains("Created root@example.com with role admin"), "\(which): \(admin.output)")
        let piped = try runCommand(["/bin/sh", "-c", "echo 'another long passphrase' | \(forge) user:create --email carol@example.com"], in: app, environment: database)
        #expect(piped.status == 0 && !piped.output.contains("another long passphrase"), "\(which): \(piped.output)")
        #expect(try runCommand([forge, "role:create", "editor"], in: app, environment: database).status == 0)
        #expect(try runCommand([forge, "permission:grant", "editor", "entries.delete"], in: app, environment: database).status == 0)
        #expect(try runCommand([forge, "role:grant", "carol@example.com", "editor"], in: app, environment: database).status == 0)
        let badName = try runCommand([forge, "role:grant", "carol@example.com", "Editor!"], in: app, environment: database)
        #expect(badName.status == 64 && badName.output.contains("not a role name"), "\(which): \(badName.output)")
        let unknownUser = try runCommand([forge, "role:grant", "nobody@example.com", "editor"], in: app, environment: database)
        #expect(unknownUser.status == 1 && unknownUser.output.contains("no account with email nobody@example.com"), "\(which): \(unknownUser.output)")
        let unknownRole = try runCommand([forge, "role:grant", "carol@example.com", "author"], in: app, environment: database)
        #expect(unknownRole.status == 1 && unknownRole.output.contains("no role named author"), "\(which): \(unknownRole.output)")
        let duplicate = try runCommand([forge, "user:create", "--email", "carol@example.com", "--password", "correct horse battery staple"], in: app, environment: database)
        #expect(duplicate.status == 1 && duplicate.output.contains("already exists"), "\(which): \(duplicate.output)")
        let root = try await request("POST", "\(base)/api/auth/login", json: ["email": "root@example.com", "password": "correct horse battery staple"])
        let rootMe = try await request("GET", "\(base)/api/auth/me", bearer: try #require(root["data", "access_token"] as? String))
        #expect(rootMe["data", "roles"] as? [String] == ["admin"] && rootMe["data", "email_verified_at"] is String, "\(which): \(rootMe.json ?? "")")
        let carol = try await request("POST", "\(base)/api/auth/login", json: ["email": "carol@example.com", "password": "another long passphrase"])
        let carolToken = try #require(carol["data", "access_token"] as? String, "\(which): \(carol.json ?? "")")
        let carolMe = try await request("GET", "\(base)/api/auth/me", bearer: carolToken)
        #expect(carolMe["data", "roles"] as? [String] == ["editor"] && carolMe["data", "permissions"] as? [String] == ["entries.delete"], "\(which): \(carolMe.json ?? "")")
        // A role-restricted resource: writes need editor (admins pass), reads only sign-in; 401, 404, 403 in that order.
        let rootToken = try #require(root["data", "access_token"] as? String)
        let article = try await request("POST", "\(base)/api/articles", json: ["title": "By an editor"], bearer: carolToken)
        #expect(article.status == 201, "\(which): \(article.json ?? "")")
        let articleID = try #require(article["data", "id"] as? Int)
        let forbidden = try await request("POST", "\(base)/api/articles", json: ["title": "By Bob"], bearer: bob)
        #expect(forbidden.status == 403 && forbidden["error", "code"] as? String == "forbidden", "\(which): \(forbidden.json ?? "")")
        #expect(try await request("GET", "\(base)/api/articles/\(articleID)", bearer: bob).status == 200)
        #expect(try await request("PATCH", "\(base)/api/articles/\(articleID)", json: ["title": "Bob's"], bearer: bob).status == 403)
        #expect(try await request("DELETE", "\(base)/api/articles/\(articleID)", bearer: bob).status == 403)
        #expect(try await request("PATCH", "\(base)/api/articles/999999", json: ["title": "Nobody's"], bearer: bob).status == 404)
        #expect(try await request("PATCH", "\(base)/api/articles/\(articleID)", json: ["title": "Edited"]).status == 401)
        #expect(try await request("PATCH", "\(base)/api/articles/\(articleID)", json: ["title": "By the admin"], bearer: rootToken).status == 200)
        #expect(try runCommand([forge, "role:revoke", "carol@example.com", "editor"], in: app, environment: database).status == 0)
        #expect(try await request("GET", "\(base)/api/auth/me", bearer: carolToken)["data", "roles"] as? [String] == [], "a revoked role is gone at the next request")

        // Deleting Ada's notebook takes her entries (cascade); Bob's stay.
        #expect(try await request("DELETE", "\(base)/api/notebooks/\(book)", bearer: ada).status == 204)
        #expect(try await request("GET", "\(base)/api/entries/\(page)?with_trashed=true", bearer: ada).status == 404)
        #expect(try await request("GET", "\(base)/api/entries", bearer: bob)["meta", "total"] as? Int == 1)
    }
}
