import Foundation
import Testing

/// new → make:resource → build and test the app → db:migrate → route:list → doctor → serve,
/// all through the real `forge` binary and a real generated app on SQLite.
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct WholeLoopTests {
    @Test func theWholeLoopOnSQLite() async throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "loop", app: "blog")
        let app = folder.appendingPathComponent("blog")

        // 2. A new app links the runtime of this checkout.
        let created = try runCommand([forge, "new", "blog"], in: folder)
        #expect(created.status == 0, "\(created.output)")
        try restoreBuildCache(folder: folder, app: "blog")
        #expect(try String(contentsOf: app.appendingPathComponent("Package.swift"), encoding: .utf8).contains(repositoryRoot.path))

        // 3. One resource, registered with no hand edits.
        let made = try runCommand([forge, "make:resource", "Post",
                                   "-f", "title:string:required,max:200", "-f", "body:text:required",
                                   "-f", "views:integer:nullable", "-f", "published:boolean"], in: app)
        #expect(made.status == 0, "\(made.output)")
        let again = try runCommand([forge, "make:resource", "Post",
                                    "-f", "title:string:required,max:200", "-f", "body:text:required",
                                    "-f", "views:integer:nullable", "-f", "published:boolean"], in: app)
        #expect(again.output.contains("up to date"), "\(again.output)")
        let typo = try runCommand([forge, "make:resource", "Comment", "-f", "body:text", "-f", "score:integr"], in: app)
        #expect(typo.status != 0)
        #expect(typo.output.contains("unknown type 'integr' in 'score:integr' (column 7) — did you mean 'integer'?"), "\(typo.output)")
        #expect(!FileManager.default.fileExists(atPath: app.appendingPathComponent("Sources/App/Models/Comment.swift").path))

        // One of every other generator, registered with no hand edits.
        try EveryGeneratorSteps.run(forge: forge, app: app)

        // The app builds with no warnings in its own code, and its generated tests pass.
        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")

        // 4. Migrations apply once, then there is nothing to do.
        try? FileManager.default.removeItem(at: app.appendingPathComponent("db/development.sqlite"))
        let doctorBefore = try runCommand([forge, "doctor"], in: app)
        #expect(doctorBefore.status != 0, "doctor must fail while a migration is pending:\n\(doctorBefore.output)")
        #expect(doctorBefore.output.contains("forge db:migrate"))
        let migrate = try runCommand([forge, "db:migrate"], in: app)
        #expect(migrate.status == 0, "\(migrate.output)")
        #expect(migrate.output.contains("create_posts"))
        let migrateAgain = try runCommand([forge, "db:migrate"], in: app)
        #expect(migrateAgain.output.contains("Nothing to migrate"), "\(migrateAgain.output)")

        // Rollback, status, fresh with seeding, and the production guard, on SQLite.
        let guarded = try runCommand([forge, "db:fresh"], in: app, environment: ["APP_ENV": "production"])
        #expect(guarded.status != 0 && guarded.output.contains("APP_ENV=production"), "\(guarded.output)")
        let rolledBack = try runCommand([forge, "db:rollback"], in: app)
        #expect(rolledBack.status == 0 && rolledBack.output.contains("create_posts"), "\(rolledBack.output)")
        #expect(try runCommand([forge, "db:status"], in: app).output.contains("pending"))
        let fresh = try runCommand([forge, "db:fresh", "--seed", "--count", "25"], in: app)
        #expect(fresh.status == 0 && fresh.output.contains("Post: 25 rows"), "\(fresh.output)")
        let status = try runCommand([forge, "db:status", "--json"], in: app)
        let json = status.output.firstIndex(of: "{").map { String(status.output[$0...]) } ?? ""
        let statusJSON = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect((statusJSON?["pending"] as? [String])?.isEmpty == true && (statusJSON?["applied"] as? [Any])?.count == 1 + EveryGeneratorSteps.migrationCount + 4 /* the auth module's */, "\(status.output)")
        // Back to an empty database for the HTTP checks below.
        #expect(try runCommand([forge, "db:fresh"], in: app).status == 0)

        // 6. Routes, as a table and as JSON.
        let routes = try runCommand([forge, "route:list"], in: app)
        #expect(routes.status == 0, "\(routes.output)")
        #expect(routes.output.contains("/api/posts/{id}") && routes.output.contains("PostController.show"))
        let orderShow = routes.output.split(separator: "\n").first { $0.contains("OrderController.show") }
        #expect(orderShow?.contains(" auth ") == true, "protected routes show their middleware: \(routes.output)")
        let routesJSON = try runCommand([forge, "route:list", "--json"], in: app)
        let list = try JSONSerialization.jsonObject(with: Data(routesJSON.output.utf8)) as? [[String: Any]] ?? []
        let paths = Set(list.compactMap { "\($0["method"] ?? "") \($0["path"] ?? "")" })
        #expect(paths.isSuperset(of: ["GET /health", "GET /health/ready", "GET /api/posts", "POST /api/posts", "PATCH /api/posts/{id}", "DELETE /api/posts/{id}",
                                      "GET /api/tags/{id}", "GET /api/search", "GET /api/webhooks", "GET /api/orders/{id}",
                                      "POST /api/auth/login", "GET /api/auth/me"]))
        let protectedRoutes = list.filter { ($0["middleware"] as? [String])?.contains("auth") == true }.compactMap { $0["path"] as? String }
        #expect(Set(protectedRoutes).isSuperset(of: ["/api/orders", "/api/orders/{id}", "/api/account", "/api/auth/me"]), "\(protectedRoutes)")
        #expect(!protectedRoutes.contains("/api/posts"))

        // 7. Doctor passes once migrated.
        let doctor = try runCommand([forge, "doctor"], in: app)
        #expect(doctor.status == 0, "\(doctor.output)")
        // ... and fails on a placeholder JWT_SECRET, naming it and the fix.
        let envURL = app.appendingPathComponent(".env")
        let env = try String(contentsOf: envURL, encoding: .utf8)
        try env.replacingOccurrences(of: "JWT_SECRET=[0-9a-f]+", with: "JWT_SECRET=changeme-changeme-changeme-changeme", options: .regularExpression)
            .write(to: envURL, atomically: true, encoding: .utf8)
        let flagged = try runCommand([forge, "doctor"], in: app)
        #expect(flagged.status != 0 && flagged.output.contains("JWT_SECRET is a placeholder") && flagged.output.contains("openssl rand -hex 32"), "\(flagged.output)")
        try env.write(to: envURL, atomically: true, encoding: .utf8)

        // 5. Serve and exercise the API over real HTTP.
        let server = try await LiveServer.start(forge: forge, app: app)
        defer { server.stop() }
        let base = server.base

        let createdPost = try await request("POST", "\(base)/api/posts", json: ["title": "Hello", "body": "World", "views": 3])
        #expect(createdPost.status == 201)
        #expect(createdPost["data", "title"] as? String == "Hello")
        #expect(createdPost["data", "published"] is NSNull, "optional fields are written as null")
        let id = try #require(createdPost["data", "id"] as? Int)

        let missing = try await request("POST", "\(base)/api/posts", json: ["body": "no title"])
        #expect(missing.status == 422)
        #expect((missing["error", "fields", "title"] as? [String]) == ["is required"])

        let page = try await request("GET", "\(base)/api/posts?page=1&per_page=10")
        #expect(page.status == 200)
        #expect(page["meta", "total"] as? Int == 1)
        #expect(page["meta", "per_page"] as? Int == 10)
        #expect(page.headers["X-Request-ID"] != nil)
        #expect(page.headers["X-Response-Time"]?.hasSuffix("ms") == true)
        #expect(page.headers["X-RateLimit-Limit"] == "120")

        let filtered = try await request("GET", "\(base)/api/posts?sort=-views&filter%5Bviews%5D%5Bgte%5D=3")
        #expect(filtered["meta", "total"] as? Int == 1)
        let badSort = try await request("GET", "\(base)/api/posts?sort=password")
        #expect(badSort.status == 400)
        #expect((badSort["error", "message"] as? String)?.contains("password") == true)
        let malformed = try await request("POST", "\(base)/api/posts", raw: "{not json")
        #expect(malformed.status == 400)
        #expect(try await request("GET", "\(base)/api/posts/count")["data", "count"] as? Int == 1)

        #expect(try await request("GET", "\(base)/api/posts/\(id)").status == 200)
        #expect(try await request("GET", "\(base)/api/posts/987654").status == 404)

        let patched = try await request("PATCH", "\(base)/api/posts/\(id)", json: ["title": "Changed"])
        #expect(patched.status == 200)
        #expect(patched["data", "title"] as? String == "Changed")
        #expect(patched["data", "body"] as? String == "World")

        #expect(try await request("GET", "\(base)/api/search")["data", "controller"] as? String == "SearchController")
        #expect(try await request("GET", "\(base)/api/webhooks").status == 200)
        #expect(try await request("POST", "\(base)/api/tags", json: ["name": "swift"]).status == 201)

        // Accounts over real HTTP: protected routes answer 401 before any lookup, then 200 signed in.
        #expect(try await request("GET", "\(base)/api/orders/1").status == 401)
        #expect(try await request("GET", "\(base)/api/orders/424242").status == 401)
        #expect(try await request("POST", "\(base)/api/auth/register", json: ["email": "ada@example.com", "password": "correct horse battery"]).status == 202)
        let login = try await request("POST", "\(base)/api/auth/login", json: ["email": "ada@example.com", "password": "correct horse battery"])
        #expect(login.status == 200)
        let access = try #require(login["data", "access_token"] as? String)
        let orders = try await request("GET", "\(base)/api/orders", bearer: access)
        #expect(orders.status == 200, "\(String(describing: orders.json))")
        #expect(try await request("GET", "\(base)/api/account", bearer: access).status == 200)
        #expect(try await request("GET", "\(base)/api/account", bearer: access + "x").status == 401)

        #expect(try await request("DELETE", "\(base)/api/posts/\(id)").status == 204)
        #expect(try await request("GET", "\(base)/api/posts/\(id)").status == 404)
    }
}
