import Foundation
import ForgeRuntime
import ForgeRuntimePostgres
import Testing

/// Owners have items (`on_delete:cascade`) and tags through a pivot, on a real PostgreSQL server.
struct PGOwner: Model {
    static let table = "pg_owners"
    var id: Int
    var name: String
    var createdAt: Date
    var updatedAt: Date

    struct Draft: Encodable, Sendable {
        var name: String
    }
}

struct PGItem: Model {
    static let table = "pg_items"
    static let softDeletes = true
    var id: Int
    var title: String
    var ownerId: Int
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    struct Draft: Encodable, Sendable {
        var title: String
        var ownerId: Int
    }
}

struct PGTag: Model {
    static let table = "pg_tags"
    var id: Int
    var name: String
    var createdAt: Date
    var updatedAt: Date

    struct Draft: Encodable, Sendable {
        var name: String
    }
}

struct PGOwnerResponse: IncludableResponse {
    typealias Record = PGOwner
    var id: Int
    var name: String

    init(_ owner: PGOwner) {
        id = owner.id
        name = owner.name
    }

    static let tags = Pivot("pg_owner_tags", owner: "owner_id", target: "tag_id", targetTable: "pg_tags")
    static let includes = Includes<PGOwner>(
        .hasMany("items", PGItemResponse.self, by: "owner_id", \PGItem.ownerId, matching: \PGOwner.id),
        .manyToMany("tags", PGTagResponse.self, through: tags, matching: \PGOwner.id),
    )
}

struct PGItemResponse: IncludableResponse {
    typealias Record = PGItem
    var id: Int
    var title: String

    init(_ item: PGItem) {
        id = item.id
        title = item.title
    }

    static let includes = Includes<PGItem>(
        .belongsTo("owner", PGOwnerResponse.self, through: \PGItem.ownerId, matching: \PGOwner.id),
    )
}

struct PGTagResponse: IncludableResponse {
    typealias Record = PGTag
    var id: Int
    var name: String

    init(_ tag: PGTag) {
        id = tag.id
        name = tag.name
    }
}

struct CreatePGRelations: Migration {
    let name = "2026_01_01_000000_create_pg_relations"

    func prepare(on database: any SQLDatabase) async throws {
        for table in ["pg_owners", "pg_tags"] {
            try await database.create(table: table)
                .column("id", type: .bigint, .primaryKey(autoIncrement: true))
                .column("name", type: .text, .notNull)
                .column("created_at", type: .custom(SQLRaw("TIMESTAMPTZ")), .notNull)
                .column("updated_at", type: .custom(SQLRaw("TIMESTAMPTZ")), .notNull)
                .run()
        }
        try await database.create(table: "pg_items")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("title", type: .text, .notNull)
            .column("owner_id", type: .bigint, .notNull, .references("pg_owners", "id", onDelete: .cascade))
            .column("created_at", type: .custom(SQLRaw("TIMESTAMPTZ")), .notNull)
            .column("updated_at", type: .custom(SQLRaw("TIMESTAMPTZ")), .notNull)
            .column("deleted_at", type: .custom(SQLRaw("TIMESTAMPTZ")))
            .run()
        try await database.create(table: "pg_owner_tags")
            .column("owner_id", type: .bigint, .notNull, .references("pg_owners", "id", onDelete: .cascade))
            .column("tag_id", type: .bigint, .notNull, .references("pg_tags", "id", onDelete: .cascade))
            .primaryKey("owner_id", "tag_id")
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.raw("DROP TABLE IF EXISTS pg_owner_tags, pg_items, pg_tags, pg_owners").run()
    }
}

@Suite(.serialized, .enabled(if: postgresURL != nil, "set FORGE_POSTGRES_URL=postgres://... to test against PostgreSQL"))
struct PostgresRelationTests {
    @Test func includesAndPivotsWorkOnPostgreSQL() async throws {
        let url = try DatabaseURL(parsing: try #require(postgresURL))
        let database = try await Database.open(url, logger: Logger(label: "pg-test"), drivers: [PostgresDriver()])
        do {
            // Its own tables only, created directly: PostgresTests runs alongside and owns forge_migrations.
            try await CreatePGRelations().revert(on: database.sql)
            try await CreatePGRelations().prepare(on: database.sql)
            let (owners, tags) = try await database.transaction { db in
                var owners: [PGOwner] = []
                for name in ["ada", "bob"] { owners.append(try await ModelStore<PGOwner>(database: db).insert(PGOwner.Draft(name: name))) }
                var tags: [PGTag] = []
                for name in ["red", "blue"] { tags.append(try await ModelStore<PGTag>(database: db).insert(PGTag.Draft(name: name))) }
                for title in ["one", "two", "gone"] {
                    let item = try await ModelStore<PGItem>(database: db).insert(PGItem.Draft(title: title, ownerId: owners[0].id))
                    if title == "gone" { _ = try await ModelStore<PGItem>(database: db).delete(.id(item.id)) }
                }
                return (owners, tags)
            }
            let pivot = PGOwnerResponse.tags
            try await database.transaction { db in try await pivot.replace(owners[0].id, with: tags.map(\.id), field: "tag_ids", on: db) }
            try await pivot.attach(owners[0].id, tags[0].id, field: "tag_id", on: database.sql)
            await #expect(throws: AppError.self) {
                try await database.transaction { db in try await pivot.replace(owners[1].id, with: [tags[0].id, 999], field: "tag_ids", on: db) }
            }
            #expect(try await pivot.keys(of: owners[1].id, as: Int.self, on: database.sql).isEmpty)

            let requests = try IncludeRequest.parse("items.owner,tags", for: PGOwnerResponse.self)
            let embedded = try await PGOwnerResponse.includes.embed(owners, as: PGOwnerResponse.self, including: requests, on: database.sql)
            let encoder = AppRequestContext.jsonEncoder
            encoder.outputFormatting = .sortedKeys
            let first = String(decoding: try encoder.encode(embedded[0]), as: UTF8.self)
            #expect(first == #"{"id":1,"items":[{"id":1,"owner":{"id":1,"name":"ada"},"title":"one"},{"id":2,"owner":{"id":1,"name":"ada"},"title":"two"}],"name":"ada","tags":[{"id":1,"name":"red"},{"id":2,"name":"blue"}]}"#)
            #expect(String(decoding: try encoder.encode(embedded[1]), as: UTF8.self) == #"{"id":2,"items":[],"name":"bob","tags":[]}"#)
        } catch {
            try? await database.close()
            throw error
        }
        try await database.close()
    }
}

/// A repository for any of these models, as a generated one is for its own.
struct ModelStore<Record: Model>: ModelRepository {
    let database: any SQLDatabase
}
