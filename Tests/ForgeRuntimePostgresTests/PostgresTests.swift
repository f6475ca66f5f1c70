import Foundation
import ForgeRuntime
import ForgeRuntimePostgres
import Testing

/// The runtime against a real PostgreSQL server: set `FORGE_POSTGRES_URL` (CI does) to run.
let postgresURL = ProcessInfo.processInfo.environment["FORGE_POSTGRES_URL"]

/// One row with every kind of value the field types store.
struct Gadget: Model {
    static let table = "pg_gadgets"
    static let listing = ListingRules(columns: ["name": .text, "price": .decimal])
    var id: Int
    var name: String
    var price: ExactDecimal
    var launch: CalendarDate
    var opens: TimeOfDay
    var specs: JSONObject
    var sku: UUID
    var big: Int64
    var active: Bool
    var seenAt: Date
    var ownerId: Int?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, name, price, launch, opens, specs, sku, big, active
        case seenAt = "seen_at"
        case ownerId = "owner_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    struct Draft: Encodable, Sendable {
        var name: String
        var price: ExactDecimal
        var launch: CalendarDate
        var opens: TimeOfDay
        var specs: JSONObject
        var sku: UUID
        var big: Int64
        var active: Bool
        var seenAt: Date
        var ownerId: Int?

        enum CodingKeys: String, CodingKey {
            case name, price, launch, opens, specs, sku, big, active
            case seenAt = "seen_at"
            case ownerId = "owner_id"
        }
    }
}

struct GadgetRepository: ModelRepository {
    typealias Record = Gadget
    let database: any SQLDatabase
}

struct CreateGadgets: Migration {
    let name = "2026_01_01_000000_create_pg_gadgets"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "pg_gadgets")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .dialect(sqlite: "VARCHAR(80)", postgres: "VARCHAR(80)"), .notNull, .unique)
            .column("price", type: .dialect(sqlite: "TEXT", postgres: "NUMERIC(19,4)"), .notNull, .default("0"))
            .column("launch", type: .dialect(sqlite: "TEXT", postgres: "DATE"), .notNull)
            .column("opens", type: .dialect(sqlite: "TEXT", postgres: "TIME"), .notNull)
            .column("specs", type: .dialect(sqlite: "TEXT", postgres: "JSONB"), .notNull)
            .column("sku", type: .dialect(sqlite: "TEXT", postgres: "UUID"), .notNull)
            .column("big", type: .dialect(sqlite: "INTEGER", postgres: "BIGINT"), .notNull)
            .column("active", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(true))
            .column("seen_at", type: .dialect(sqlite: "TIMESTAMP", postgres: "TIMESTAMPTZ"), .notNull)
            .column("owner_id", type: .dialect(sqlite: "INTEGER", postgres: "BIGINT"), .references("pg_gadgets", "id"))
            .column("created_at", type: .dialect(sqlite: "TIMESTAMP", postgres: "TIMESTAMPTZ"), .notNull)
            .column("updated_at", type: .dialect(sqlite: "TIMESTAMP", postgres: "TIMESTAMPTZ"), .notNull)
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.drop(table: "pg_gadgets").ifExists().run()
    }
}

@Suite(.serialized, .enabled(if: postgresURL != nil, "set FORGE_POSTGRES_URL=postgres://... to test against PostgreSQL"))
struct PostgresTests {
    func withDatabase(_ body: (Database) async throws -> Void) async throws {
        let url = try DatabaseURL(parsing: try #require(postgresURL))
        let database = try await Database.open(url, logger: Logger(label: "pg-test"), drivers: [PostgresDriver()])
        do {
            try await database.sql.raw("DROP TABLE IF EXISTS pg_gadgets, pg_halfway, forge_migrations").run()
            try await body(database)
        } catch {
            try? await database.close()
            throw error
        }
        try await database.close()
    }

    func draft(_ name: String, owner: Int? = nil) -> Gadget.Draft {
        Gadget.Draft(name: name, price: "12345678901234.5678", launch: CalendarDate("2024-02-29")!, opens: TimeOfDay("09:30:15")!,
                     specs: ["colour": "red", "sizes": [1, 2], "nested": ["ok": true]], sku: UUID(), big: 9_000_000_000_000_000_000,
                     active: false, seenAt: Date(timeIntervalSince1970: 1_767_225_600), ownerId: owner)
    }

    @Test func everyValueRoundTrips() async throws {
        try await withDatabase { database in
            try await MigrationRunner(database: database, migrations: [CreateGadgets()]).migrate()
            let sent = draft("lamp")
            let stored = try await database.transaction { db in try await GadgetRepository(database: db).insert(sent) }
            let read = try #require(try await GadgetRepository(database: database.sql).find(.id(stored.id)))
            #expect(read.price.description == "12345678901234.5678")
            #expect(read.launch == sent.launch && read.opens == sent.opens && read.specs == sent.specs)
            #expect(read.sku == sent.sku && read.big == sent.big && read.active == false && read.seenAt == sent.seenAt)
            let cheap = try await GadgetRepository(database: database.sql).list(ListQuery(page: PageRequest(), filters: [
                ListQuery.Filter(column: "price", op: .gt, value: .decimal("100")),
            ]))
            #expect(cheap.total == 1)
            #expect(try await database.backend.version().hasPrefix("PostgreSQL "))
        }
    }

    @Test func constraintFailuresBecomeConflictsNamingTheField() async throws {
        try await withDatabase { database in
            try await MigrationRunner(database: database, migrations: [CreateGadgets()]).migrate()
            let repository = GadgetRepository(database: database.sql)
            _ = try await repository.insert(draft("lamp"))
            do {
                _ = try await repository.insert(draft("lamp"))
                Issue.record("a duplicate was stored")
            } catch {
                #expect(database.backend.translate(error) == .conflict(field: "name"))
            }
            do {
                _ = try await repository.insert(draft("orphan", owner: 999_999))
                Issue.record("a dangling reference was stored")
            } catch {
                #expect(database.backend.translate(error) == .foreignKeyConflict)
            }
        }
    }

    @Test func migrationsRollBackAndAFailingOneLeavesNothing() async throws {
        struct Broken: Migration {
            let name = "2026_01_02_000000_broken"
            func prepare(on database: any SQLDatabase) async throws {
                try await database.create(table: "pg_halfway").column("id", type: .bigint).run()
                try await database.raw("THIS IS NOT SQL").run()
            }
            func revert(on database: any SQLDatabase) async throws {}
        }
        try await withDatabase { database in
            let runner = MigrationRunner(database: database, migrations: [CreateGadgets(), Broken()])
            do {
                try await runner.migrate()
                Issue.record("the broken migration ran")
            } catch {
                #expect("\(error)".contains("2026_01_02_000000_broken") && "\(error)".contains("syntax error"), "\(error)")
            }
            struct Row: Decodable { let count: Int }
            let halfway = try await database.sql.raw("SELECT COUNT(*)::int AS count FROM information_schema.tables WHERE table_name = 'pg_halfway'")
                .first(decoding: Row.self)
            #expect(halfway?.count == 0)
            #expect(try await runner.status().pending == ["2026_01_02_000000_broken"])
            let good = MigrationRunner(database: database, migrations: [CreateGadgets()])
            #expect(try await good.rollback() == ["2026_01_01_000000_create_pg_gadgets"])
            #expect(try await good.status().pending == ["2026_01_01_000000_create_pg_gadgets"])
        }
    }

    @Test func freshDropsEverythingAndOrphansAreReported() async throws {
        try await withDatabase { database in
            try await MigrationRunner(database: database, migrations: [CreateGadgets()]).migrate()
            let parent = try await GadgetRepository(database: database.sql).insert(draft("parent"))
            _ = try await GadgetRepository(database: database.sql).insert(draft("child", owner: parent.id))
            let orphaned = try await MigrationRunner(database: database, migrations: []).status()
            #expect(orphaned.orphaned == ["2026_01_01_000000_create_pg_gadgets"])
            let runner = MigrationRunner(database: database, migrations: [CreateGadgets()])
            #expect(try await runner.fresh() == ["2026_01_01_000000_create_pg_gadgets"])
            #expect(try await GadgetRepository(database: database.sql).count() == 0)
            #expect(try await runner.rollback(steps: 1) == ["2026_01_01_000000_create_pg_gadgets"])
        }
    }

    @Test func insertAllCountsWhatLanded() async throws {
        try await withDatabase { database in
            try await MigrationRunner(database: database, migrations: [CreateGadgets()]).migrate()
            let drafts = (1...2_500).map { draft("gadget \($0)") }
            let inserted = try await database.transaction { db in try await GadgetRepository(database: db).insertAll(drafts) }
            #expect(inserted == 2_500)
            #expect(try await GadgetRepository(database: database.sql).maxID() == 2_500)
        }
    }
}
