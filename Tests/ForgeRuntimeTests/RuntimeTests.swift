import Foundation
import ForgeRuntime
import ForgeTesting
import Testing

@Suite struct DatabaseURLTests {
    @Test func parsesRelativeAbsoluteAndMemoryURLs() throws {
        #expect(try DatabaseURL(parsing: "sqlite:db/app.sqlite", relativeTo: "/srv/shop") == .sqliteFile(path: "/srv/shop/db/app.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite:///var/data/app.sqlite") == .sqliteFile(path: "/var/data/app.sqlite"))
        #expect(try DatabaseURL(parsing: "sqlite::memory:") == .sqliteMemory)
    }

    @Test func rejectsUnknownSchemesNamingThem() {
        #expect(throws: ConfigurationError.self) { try DatabaseURL(parsing: "mysql://localhost/shop") }
        do {
            _ = try DatabaseURL(parsing: "mysql://localhost/shop")
        } catch {
            #expect(error.message.contains("'mysql'"))
        }
    }
}

@Suite struct ValidationTests {
    @Test func collectsEveryFailingField() {
        var check = Validation()
        check.field("title", String?.none, .required, .maxLength(3))
        check.field("body", "   " as String?, .required)
        check.field("views", Optional(-1), .min(0))
        check.field("note", String?.none, .maxLength(2))
        #expect(!check.passed)
        #expect(check.errors == ["title": ["is required"], "body": ["must not be blank"], "views": ["must be at least 0"]])
        #expect(check.failure.status == .unprocessableContent)
        #expect(check.failure.fields.map(\.field) == ["title", "body", "views"])
    }

    @Test func passesValidValues() {
        var check = Validation()
        check.field("title", "abc" as String?, .required, .maxLength(3), .minLength(1))
        check.field("views", Optional(5), .min(0), .max(5))
        #expect(check.passed)
    }

    @Test func pageRequestIsClamped() {
        #expect(PageRequest(page: 0, perPage: 1000) == PageRequest(page: 1, perPage: 100))
        #expect(PageRequest(page: 3, perPage: 10).offset == 20)
        #expect(Page(items: [Int](), request: PageRequest(page: 1, perPage: 10), total: 21).lastPage == 3)
        #expect(Page(items: [Int](), request: PageRequest(), total: 0).lastPage == 1)
    }
}

@Suite struct MigrationRunnerTests {
    @Test func migratesInBatchesAndRollsBackTheLastOne() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        let runner = MigrationRunner(database: database, migrations: [CreateNotes()])
        #expect(try await runner.migrate() == ["2026_01_01_000000_create_notes"])
        #expect(try await runner.migrate() == [])
        #expect(try await runner.status().pending.isEmpty)
        #expect(try await runner.rollback() == ["2026_01_01_000000_create_notes"])
        #expect(try await runner.status().pending == ["2026_01_01_000000_create_notes"])
    }

    @Test func reportsOrphanedMigrations() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateNotes()]).migrate()
        let status = try await MigrationRunner(database: database, migrations: []).status()
        #expect(status.orphaned == ["2026_01_01_000000_create_notes"])
    }

    @Test func aFailingMigrationLeavesNothingBehind() async throws {
        struct Broken: Migration {
            let name = "2026_01_02_000000_broken"
            func prepare(on database: any SQLDatabase) async throws {
                try await database.create(table: "halfway").column("id", type: .bigint).run()
                try await database.raw("THIS IS NOT SQL").run()
            }
            func revert(on database: any SQLDatabase) async throws {}
        }
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        let runner = MigrationRunner(database: database, migrations: [Broken()])
        do {
            try await runner.migrate()
            Issue.record("the broken migration ran")
        } catch {
            #expect("\(error)".contains("2026_01_02_000000_broken") && "\(error)".contains("syntax error"), "\(error)")
        }
        struct Row: Decodable { let name: String }
        let tables = try await database.sql.raw("SELECT name FROM sqlite_master WHERE name = 'halfway'").all(decoding: Row.self)
        #expect(tables.isEmpty)
        #expect(try await runner.status().pending == ["2026_01_02_000000_broken"])
    }
}

@Suite struct HTTPTests {
    @Test func servesHealthAndCRUDWithTheEnvelope() async throws {
        try await TestApp(notesApp).run { client in
            let health = try await client.send(.get, "/health")
            #expect(health.status == .ok)
            #expect(health.json["status"] == "ok")
            #expect(try await client.send(.get, "/health/ready").json["checks"]["database"] == "ok")

            let created = try await client.send(.post, "/api/notes", json: ["title": "hello", "stars": 4])
            #expect(created.status == .created)
            #expect(created.json["data"]["title"] == "hello")
            let id = try #require(created.json["data"]["id"].int)

            let shown = try await client.send(.get, "/api/notes/\(id)")
            #expect(shown.status == .ok)
            #expect(shown.json["data"]["stars"] == 4)

            let list = try await client.send(.get, "/api/notes?per_page=5")
            #expect(list.json["meta"] == ["page": 1, "per_page": 5, "total": 1, "last_page": 1])
        }
    }

    @Test func translatesErrorsOnceAtTheBoundary() async throws {
        try await TestApp(notesApp).run { client in
            let invalid = try await client.send(.post, "/api/notes", json: ["stars": 9])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.json["error"]["code"] == "validation_failed")
            #expect(invalid.json["error"]["fields"]["title"] == ["is required"])
            #expect(invalid.json["error"]["fields"]["stars"] == ["must be at most 5"])
            #expect(invalid.json["error"]["request_id"].string?.isEmpty == false)

            let malformed = try await client.send(.post, "/api/notes", raw: "{not json")
            #expect(malformed.status == .badRequest)
            #expect(malformed.json["error"]["code"] == "bad_request")

            #expect(try await client.send(.get, "/api/notes/999").status == .notFound)
            #expect(try await client.send(.get, "/api/notes/abc").status == .notFound)
            #expect(try await client.send(.get, "/nowhere").json["error"]["code"] == "not_found")

            #expect(try await client.send(.post, "/api/notes", json: ["title": "same"]).status == .created)
            let duplicate = try await client.send(.post, "/api/notes", json: ["title": "same"])
            #expect(duplicate.status == .conflict)
            #expect(duplicate.json["error"]["fields"]["title"] == ["has already been taken"])
            #expect(!duplicate.text.contains("UNIQUE"))
        }
    }

    @Test func honoursASaneRequestID() async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.get, "/health", headers: [.requestID: "abc-123"])
            #expect(response.headers[.requestID] == "abc-123")
        }
    }
}
