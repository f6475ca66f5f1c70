import Foundation
import Testing

/// The same every-type resource on PostgreSQL: `forge new --db postgres` builds, and every
/// db:* command, the seeders and CRUD over HTTP work against a real server.
/// Needs FORGE_E2E=1 and FORGE_POSTGRES_URL (scripts/postgres.sh starts one).
@Suite(.serialized, .enabled(if: endToEndEnabled && postgresBaseURL != nil, "set FORGE_E2E=1 and FORGE_POSTGRES_URL to run against PostgreSQL"))
struct PostgresAppTests {
    @Test func theWholeLoopOnPostgreSQL() async throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "postgres", app: "shop")
        let app = folder.appendingPathComponent("shop")
        let created = try runCommand([forge, "new", "shop", "--db", "postgres"], in: folder)
        #expect(created.status == 0, "\(created.output)")
        try restoreBuildCache(folder: folder, app: "shop")
        let env = try String(contentsOf: app.appendingPathComponent(".env"), encoding: .utf8)
        #expect(env.contains("DATABASE_URL=postgres://"))
        let database = ["DATABASE_URL": try #require(postgresBaseURL).replacingOccurrences(of: "/forge_test", with: "/forge_e2e")]

        let specs = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/every-type.specs"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        #expect(try runCommand([forge, "make:resource", "Category", "-f", "title:string:required,max:80"], in: app).status == 0)
        let product = try runCommand([forge, "make:resource", "Product"] + specs.flatMap { ["-f", $0] } + ["--soft-deletes"], in: app)
        #expect(product.status == 0, "\(product.output)")
        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        // Its generated tests (factories against the model's own validation included) pass too.
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")

        // Migrations: fresh, status, rollback by steps and batch, the production guard.
        let fresh = try runCommand([forge, "db:fresh"], in: app, environment: database)
        #expect(fresh.status == 0 && fresh.output.contains("migrated 6 migrations") /* the auth module's four, Category and Product */, "\(fresh.output)")
        let status = try runCommand([forge, "db:status"], in: app, environment: database)
        #expect(status.output.contains("applied   batch 1") && !status.output.contains("pending"), "\(status.output)")
        let guarded = try runCommand([forge, "db:rollback"], in: app, environment: database.merging(["APP_ENV": "production"]) { $1 })
        #expect(guarded.status != 0 && guarded.output.contains("APP_ENV=production"), "\(guarded.output)")
        let stepped = try runCommand([forge, "db:rollback", "--steps", "1"], in: app, environment: database)
        #expect(stepped.status == 0 && stepped.output.contains("create_products"), "\(stepped.output)")
        #expect(try runCommand([forge, "db:status"], in: app, environment: database).output.contains("pending"))
        #expect(try runCommand([forge, "db:migrate"], in: app, environment: database).status == 0)
        let doctor = try runCommand([forge, "doctor"], in: app, environment: database)
        #expect(doctor.status == 0 && doctor.output.contains("PostgreSQL"), "\(doctor.output)")

        // Seeders: referenced tables first, counted.
        let seeded = try runCommand([forge, "db:seed", "--count", "200"], in: app, environment: database)
        #expect(seeded.status == 0 && seeded.output.contains("Category: 200 rows") && seeded.output.contains("Product: 200 rows"), "\(seeded.output)")

        // CRUD over HTTP, with every type read back equal.
        let server = try await LiveServer.start(forge: forge, app: app, environment: database.merging(["RATE_LIMIT": "off"]) { $1 })
        defer { server.stop() }
        let base = server.base
        let before = try await request("GET", "\(base)/api/products/count")
        #expect(before["data", "count"] as? Int == 200)

        let body = EveryTypeAppTests.product(1, category: 1)
        let saved = try await request("POST", "\(base)/api/products", json: body)
        #expect(saved.status == 201, "\(saved.json ?? "")")
        let id = try #require(saved["data", "id"] as? Int)
        let shown = try await request("GET", "\(base)/api/products/\(id)")
        for (field, sent) in body {
            #expect(canonicalJSON(shown["data", field]) == canonicalJSON(sent), "\(field): sent \(sent), read back \(shown["data", field] ?? "nothing")")
        }
        let duplicate = try await request("POST", "\(base)/api/products", json: body)
        #expect(duplicate.status == 409 && duplicate["error", "fields", "name"] != nil, "\(duplicate.json ?? "")")
        let bad = try await request("POST", "\(base)/api/products", json: EveryTypeAppTests.product(2, category: 999_999))
        #expect(bad.status == 422 && bad["error", "fields", "category_id"] != nil, "\(bad.json ?? "")")
        let patched = try await request("PATCH", "\(base)/api/products/\(id)", json: ["price": 25.5, "release_on": "2027-01-31"])
        #expect(patched.status == 200 && canonicalJSON(patched["data", "price"]) == "25.5", "\(patched.json ?? "")")
        let filtered = try await request("GET", "\(base)/api/products?filter%5Bid%5D=\(id)&filter%5Bprice%5D%5Bgte%5D=25.5"
            + "&filter%5Brelease_on%5D%5Bgt%5D=2027-01-01&filter%5Bopens_at%5D=09:30:00&filter%5Bsku%5D=\(body["sku"]!)&sort=-price")
        #expect(filtered["meta", "total"] as? Int == 1, "\(filtered.json ?? "")")
        let referenced = try await request("DELETE", "\(base)/api/categories/1")
        #expect(referenced.status == 409, "a category that products point at cannot go: \(referenced.json ?? "")")
        #expect(try await request("DELETE", "\(base)/api/products/\(id)").status == 204)
        #expect(try await request("GET", "\(base)/api/products/\(id)").status == 404)
        #expect(try await request("POST", "\(base)/api/products/\(id)/restore").status == 200)

        // The auth module on PostgreSQL: sign up, sign in, rotate the refresh token, catch its reuse.
        let account: [String: Any] = ["email": "ada@example.com", "password": "correct horse battery"]
        #expect(try await request("POST", "\(base)/api/auth/register", json: account).status == 202)
        let login = try await request("POST", "\(base)/api/auth/login", json: account)
        #expect(login.status == 200, "\(login.json ?? "")")
        let refresh = try #require(login["data", "refresh_token"] as? String)
        let rotated = try await request("POST", "\(base)/api/auth/refresh", json: ["refresh_token": refresh])
        #expect(rotated.status == 200, "\(rotated.json ?? "")")
        #expect(try await request("POST", "\(base)/api/auth/refresh", json: ["refresh_token": refresh]).status == 401)
        let newest = try #require(rotated["data", "refresh_token"] as? String)
        #expect(try await request("POST", "\(base)/api/auth/refresh", json: ["refresh_token": newest]).status == 401, "reuse revokes the family")
        let me = try await request("GET", "\(base)/api/auth/me", bearer: try #require(rotated["data", "access_token"] as? String))
        #expect(me["data", "email"] as? String == "ada@example.com", "\(me.json ?? "")")
    }
}

let postgresBaseURL = ProcessInfo.processInfo.environment["FORGE_POSTGRES_URL"]
