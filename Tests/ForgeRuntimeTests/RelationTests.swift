import Foundation
import ForgeRuntime
import Logging
import Testing

/// Shelves hold books (`on_delete:cascade`) and are the home of readers (`on_delete:set_null`),
/// shaped as forge generates them.
struct Shelf: Model {
    static let table = "shelves"
    static let listing = ListingRules(columns: [:])
    var id: Int
    var name: String
    var createdAt: Date
    var updatedAt: Date

    struct Draft: Encodable, Sendable {
        var name: String
    }
}

struct Book: Model {
    static let table = "books"
    static let listing = ListingRules(columns: ["shelf_id": .integer])
    static let softDeletes = true
    var id: Int
    var title: String
    var shelfId: Int
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    struct Draft: Encodable, Sendable {
        var title: String
        var shelfId: Int
    }
}

struct Reader: Model {
    static let table = "readers"
    static let listing = ListingRules(columns: [:])
    var id: Int
    var name: String
    var homeId: Int?
    var createdAt: Date
    var updatedAt: Date

    struct Draft: Encodable, Sendable {
        var name: String
        var homeId: Int?
    }
}

struct ShelfRepository: ModelRepository {
    typealias Record = Shelf
    let database: any SQLDatabase
}

struct BookRepository: ModelRepository {
    typealias Record = Book
    let database: any SQLDatabase
}

struct ReaderRepository: ModelRepository {
    typealias Record = Reader
    let database: any SQLDatabase
}

struct CreateShelvesBooksAndReaders: Migration {
    let name = "2026_01_01_000000_create_shelves_books_and_readers"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "shelves")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
        try await database.create(table: "books")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("title", type: .text, .notNull)
            .column("shelf_id", type: .bigint, .notNull, .references("shelves", "id", onDelete: .cascade))
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .column("deleted_at", type: .timestamp)
            .run()
        try await database.create(table: "readers")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("home_id", type: .bigint, .references("shelves", "id", onDelete: .setNull))
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        for table in ["readers", "books", "shelves"] {
            try await database.drop(table: table).ifExists().run()
        }
    }
}

@Suite struct RelationTests {
    @Test func hasManyReadsTheLiveChildrenAndDeletesFollowTheirForeignKeys() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateShelvesBooksAndReaders()]).migrate()
        let (shelf, other) = try await database.transaction { db in
            let shelves = ShelfRepository(database: db)
            return (try await shelves.insert(Shelf.Draft(name: "fiction")), try await shelves.insert(Shelf.Draft(name: "poetry")))
        }
        let books = BookRepository(database: database.sql)
        let readers = ReaderRepository(database: database.sql)
        let (kept, trashed) = try await database.transaction { db in
            let books = BookRepository(database: db)
            let kept = try await books.insert(Book.Draft(title: "Dune", shelfId: shelf.id))
            let trashed = try await books.insert(Book.Draft(title: "Emma", shelfId: shelf.id))
            _ = try await books.insert(Book.Draft(title: "Odes", shelfId: other.id))
            _ = try await ReaderRepository(database: db).insert(Reader.Draft(name: "Ada", homeId: shelf.id))
            return (kept, trashed)
        }
        _ = try await database.transaction { db in try await BookRepository(database: db).delete(.id(trashed.id)) }

        // The has-many side: live children only, oldest first.
        #expect(try await books.all(where: "shelf_id", equals: shelf.id).map(\.title) == ["Dune"])
        #expect(try await books.all(where: "shelf_id", equals: other.id).map(\.title) == ["Odes"])

        // Deleting the shelf takes its books with it (cascade) and leaves its reader homeless (set null).
        _ = try await database.transaction { db in try await ShelfRepository(database: db).forceDelete(.id(shelf.id)) }
        #expect(try await books.find(.id(kept.id), includingTrashed: true) == nil)
        #expect(try await books.find(.id(trashed.id), includingTrashed: true) == nil)
        #expect(try await readers.all(where: "name", equals: "Ada").map(\.homeId) == [nil])
        #expect(try await books.count() == 1)
    }
}
