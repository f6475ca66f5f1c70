import Foundation
@testable import ForgeRuntime
import Testing

/// Batches, steps, `fresh` and the production guard, on SQLite (PostgresTests repeats the
/// database parts on a real PostgreSQL server).
@Suite struct MigrationCommandTests {
    struct CreateTags: Migration {
        let name = "2026_01_03_000000_create_tags"
        func prepare(on database: any SQLDatabase) async throws {
            try await database.create(table: "tags")
                .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                .column("note_id", type: .bigint, .notNull, .references("notes", "id"))
                .run()
        }
        func revert(on database: any SQLDatabase) async throws {
            try await database.drop(table: "tags").ifExists().run()
        }
    }

    /// Renames `title` to `heading` and drops `stars` the way SQLite must: by rebuilding `notes`
    /// under the `tags` rows that point at it.
    struct RebuildNotes: Migration {
        let name = "2026_01_04_000000_alter_notes"
        func prepare(on database: any SQLDatabase) async throws {
            try await database.rebuild(table: "notes", renaming: ["title": "heading"]) { table in
                table
                    .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                    .column("heading", type: .text, .notNull, .unique)
                    .column("created_at", type: .timestamp, .notNull)
                    .column("updated_at", type: .timestamp, .notNull)
                    .column("deleted_at", type: .timestamp)
            }
        }
        func revert(on database: any SQLDatabase) async throws {
            try await database.rebuild(table: "notes", renaming: ["heading": "title"]) { table in
                table
                    .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                    .column("title", type: .text, .notNull, .unique)
                    .column("stars", type: .bigint)
                    .column("created_at", type: .timestamp, .notNull)
                    .column("updated_at", type: .timestamp, .notNull)
                    .column("deleted_at", type: .timestamp)
            }
        }
    }

    /// Deletes a note that a tag still points at: the check before COMMIT must refuse it.
    struct OrphanTags: Migration {
        let name = "2026_01_05_000000_orphan_tags"
        func prepare(on database: any SQLDatabase) async throws {
            try await database.raw("DELETE FROM notes").run()
        }
        func revert(on database: any SQLDatabase) async throws {}
    }

    @Test func aRebuildKeepsRowsAndTheRowsThatPointAtThem() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("forge-rebuild-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // Each step opens the file afresh, as `shop migrate` and `shop rollback` do: pooled
        // connections of one process that lived through a rebuild may still read the old table
        // shape (see docs/architecture.md, "forge alter").
        func withDatabase(_ body: (Database) async throws -> Void) async throws {
            let database = try await Database.open(.sqliteFile(path: path), logger: Logger(label: "test"))
            do { try await body(database) } catch { try? await database.close(); throw error }
            try await database.close()
        }
        let migrations: [any Migration] = [CreateNotes(), CreateTags(), RebuildNotes()]
        var id = 0
        try await withDatabase { database in
            try await MigrationRunner(database: database, migrations: [CreateNotes(), CreateTags()]).migrate()
            let note = try await NoteRepository(database: database.sql).insert(NoteDraft(title: "kept", stars: 3))
            try await database.sql.insert(into: "tags").columns("note_id").values(SQLBind(note.id)).run()
            id = note.id
            try await MigrationRunner(database: database, migrations: migrations).migrate()
        }
        struct Heading: Decodable { let id: Int; let heading: String }
        try await withDatabase { database in
            let rows = try await database.sql.raw("SELECT id, heading FROM notes").all(decoding: Heading.self)
            #expect(rows.map(\.id) == [id] && rows.map(\.heading) == ["kept"])
            // The tag still points at its note, and foreign keys are enforced again.
            #expect(try await database.sql.raw("SELECT note_id FROM tags JOIN notes ON notes.id = tags.note_id").all().count == 1)
            await #expect(throws: (any Error).self) {
                try await database.sql.insert(into: "tags").columns("note_id").values(SQLBind(999)).run()
            }
            try await MigrationRunner(database: database, migrations: migrations).rollback()
        }
        try await withDatabase { database in
            let back = try await NoteRepository(database: database.sql).find(.id(id))
            #expect(back?.title == "kept" && back?.stars == nil)
            let orphaning = MigrationRunner(database: database, migrations: [CreateNotes(), CreateTags(), OrphanTags()])
            await #expect(throws: MigrationError.self) { try await orphaning.migrate() }
            #expect(try await NoteRepository(database: database.sql).find(.id(id)) != nil, "the failed migration rolled back")
        }
    }

    @Test func rollsBackByStepsAcrossBatches() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateNotes()]).migrate()
        let runner = MigrationRunner(database: database, migrations: [CreateNotes(), CreateTags()])
        try await runner.migrate()
        #expect(try await runner.status().applied.map(\.batch) == [1, 2])
        #expect(try await runner.rollback(steps: 2) == ["2026_01_03_000000_create_tags", "2026_01_01_000000_create_notes"])
        #expect(try await runner.status().pending.count == 2)
    }

    @Test func freshDropsEveryTableWhateverRefersToWhat() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        let runner = MigrationRunner(database: database, migrations: [CreateNotes(), CreateTags()])
        try await runner.migrate()
        let note = try await NoteRepository(database: database.sql).insert(NoteDraft(title: "kept?", stars: 1))
        try await database.sql.insert(into: "tags").columns("note_id").values(SQLBind(note.id)).run()
        try await database.sql.raw("CREATE TABLE stray (id INTEGER)").run()
        #expect(try await runner.fresh().count == 2)
        #expect(try await NoteRepository(database: database.sql).count() == 0)
        struct Row: Decodable { let name: String }
        let stray = try await database.sql.raw("SELECT name FROM sqlite_master WHERE name = 'stray'").all(decoding: Row.self)
        #expect(stray.isEmpty)
        #expect(try await runner.status().applied.allSatisfy { $0.batch == 1 })
    }

    @Test func productionRefusesDestructiveCommandsWithoutForce() throws {
        let production = AppCommandEnvironment(definition: AppDefinition(name: "test", migrations: [], registerRoutes: { _, _ in }), configuration: AppConfiguration(environment: "production"), logger: Logger(label: "test"))
        #expect(throws: AppCommandLineError.self) { try production.guardProduction("fresh", force: false) }
        try production.guardProduction("fresh", force: true)
        var development = production
        development.configuration = AppConfiguration()
        try development.guardProduction("rollback", force: false)
    }
}
