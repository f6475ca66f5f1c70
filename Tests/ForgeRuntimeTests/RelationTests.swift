import Foundation
@testable import ForgeRuntime
import Logging
import NIOCore
import Testing

/// Shelves hold books (`on_delete:cascade`) and are the home of readers (`on_delete:set_null`),
/// shaped as forge generates them.
struct Shelf: Model {
    static let table = "shelves"
    static let listing = ListingRules(columns: ["name": .text], links: ["labels": LabelledShelfResponse.labels])
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

/// The repository of any of these models, as a generated one is for its own.
struct ModelStore<Record: Model>: ModelRepository {
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
            let shelves = ModelStore<Shelf>(database: db)
            return (try await shelves.insert(Shelf.Draft(name: "fiction")), try await shelves.insert(Shelf.Draft(name: "poetry")))
        }
        let books = ModelStore<Book>(database: database.sql)
        let readers = ModelStore<Reader>(database: database.sql)
        let (kept, trashed) = try await database.transaction { db in
            let books = ModelStore<Book>(database: db)
            let kept = try await books.insert(Book.Draft(title: "Dune", shelfId: shelf.id))
            let trashed = try await books.insert(Book.Draft(title: "Emma", shelfId: shelf.id))
            _ = try await books.insert(Book.Draft(title: "Odes", shelfId: other.id))
            _ = try await ModelStore<Reader>(database: db).insert(Reader.Draft(name: "Ada", homeId: shelf.id))
            return (kept, trashed)
        }
        _ = try await database.transaction { db in try await ModelStore<Book>(database: db).delete(.id(trashed.id)) }

        // The has-many side: live children only, oldest first.
        #expect(try await books.all(where: "shelf_id", equals: shelf.id).map(\.title) == ["Dune"])
        #expect(try await books.all(where: "shelf_id", equals: other.id).map(\.title) == ["Odes"])

        // Deleting the shelf takes its books with it (cascade) and leaves its reader homeless (set null).
        _ = try await database.transaction { db in try await ModelStore<Shelf>(database: db).forceDelete(.id(shelf.id)) }
        #expect(try await books.find(.id(kept.id), includingTrashed: true) == nil)
        #expect(try await books.find(.id(trashed.id), includingTrashed: true) == nil)
        #expect(try await readers.all(where: "name", equals: "Ada").map(\.homeId) == [nil])
        #expect(try await books.count() == 1)
    }
}

// MARK: ?include=

struct ShelfResponse: IncludableResponse {
    var id: Int
    var name: String

    init(_ shelf: Shelf) {
        id = shelf.id
        name = shelf.name
    }

    static let includes = Includes<Shelf>(
        .hasMany("books", BookResponse.self, by: "shelf_id", \.shelfId, matching: \.id),
        .hasMany("readers", ReaderResponse.self, by: "home_id", \.homeId, matching: \.id),
    )
}

struct BookResponse: IncludableResponse {
    var id: Int
    var title: String

    init(_ book: Book) {
        id = book.id
        title = book.title
    }

    static let includes = Includes<Book>(
        .belongsTo("shelf", ShelfResponse.self, through: \.shelfId, matching: \.id),
    )
}

struct ReaderResponse: IncludableResponse {
    var id: Int
    var name: String

    init(_ reader: Reader) {
        id = reader.id
        name = reader.name
    }

    static let includes = Includes<Reader>(
        .belongsTo("home", ShelfResponse.self, through: \.homeId, matching: \.id),
    )
}

/// Forwards to a database and counts the statements it runs: the query log of these tests.
final class CountingDatabase: SQLDatabase, @unchecked Sendable {
    let base: any SQLDatabase
    private let lock = NSLock()
    private var statements: [String] = []

    init(_ base: any SQLDatabase) { self.base = base }

    var count: Int { lock.withLock { statements.count } }
    func reset() { lock.withLock { statements.removeAll() } }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    private func record(_ query: any SQLExpression) {
        let (sql, _) = base.serialize(query)
        lock.withLock { statements.append(sql) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        record(query)
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        record(query)
        try await base.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

@Suite struct IncludeTests {
    /// 100 shelves, each with three books (one trashed) and a reader; half the readers homeless.
    static func library() async throws -> Database {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        try await MigrationRunner(database: database, migrations: [CreateShelvesBooksAndReaders()]).migrate()
        try await database.transaction { db in
            for index in 1...100 {
                let shelf = try await ModelStore<Shelf>(database: db).insert(Shelf.Draft(name: "shelf \(index)"))
                for title in ["a", "b", "c"] {
                    let book = try await ModelStore<Book>(database: db).insert(Book.Draft(title: "\(title)\(index)", shelfId: shelf.id))
                    if title == "c" { _ = try await ModelStore<Book>(database: db).delete(.id(book.id)) }
                }
                _ = try await ModelStore<Reader>(database: db).insert(Reader.Draft(name: "reader \(index)", homeId: index.isMultiple(of: 2) ? shelf.id : nil))
            }
        }
        return database
    }

    @Test func aPageOf100RunsOneQueryPerIncludedRelation() async throws {
        let database = try await Self.library()
        defer { Task { try? await database.close() } }
        let counting = CountingDatabase(database.sql)
        let shelves = try await ModelStore<Shelf>(database: database.sql).page(PageRequest(page: 1, perPage: 100)).items
        #expect(shelves.count == 100)

        let requests = try IncludeRequest.parse("books.shelf,readers", for: ShelfResponse.self)
        let embedded = try await ShelfResponse.includes.embed(shelves, as: ShelfResponse.self, including: requests, on: counting)
        // books, their shelves (nested), readers: three queries for 100 shelves.
        #expect(counting.count == 3)

        let encoder = AppRequestContext.jsonEncoder
        encoder.outputFormatting = .sortedKeys
        let first = String(decoding: try encoder.encode(embedded[0]), as: UTF8.self)
        #expect(first == #"{"books":[{"id":1,"shelf":{"id":1,"name":"shelf 1"},"title":"a1"},{"id":2,"shelf":{"id":1,"name":"shelf 1"},"title":"b1"}],"id":1,"name":"shelf 1","readers":[]}"#)
        let second = String(decoding: try encoder.encode(embedded[1]), as: UTF8.self)
        #expect(second.contains(#""readers":[{"id":2,"name":"reader 2"}]"#))

        // belongs-to with an empty reference embeds null, and costs one query.
        counting.reset()
        let readers = try await ModelStore<Reader>(database: database.sql).page(PageRequest(page: 1, perPage: 4)).items
        let homes = try await ReaderResponse.includes.embed(readers, as: ReaderResponse.self, including: try IncludeRequest.parse("home", for: ReaderResponse.self), on: counting)
        #expect(counting.count == 1)
        #expect(String(decoding: try encoder.encode(homes[0]), as: UTF8.self) == #"{"home":null,"id":1,"name":"reader 1"}"#)
        #expect(String(decoding: try encoder.encode(homes[1]), as: UTF8.self) == #"{"home":{"id":2,"name":"shelf 2"},"id":2,"name":"reader 2"}"#)

        // Nothing asked, nothing run.
        counting.reset()
        _ = try await ShelfResponse.includes.embed(shelves, as: ShelfResponse.self, including: [], on: counting)
        #expect(counting.count == 0)
    }

    @Test func unknownOrTooDeepIncludesAre400sNamingThem() throws {
        func message(_ text: String) -> String? {
            do {
                _ = try IncludeRequest.parse(text, for: ShelfResponse.self)
                return nil
            } catch let error as AppError {
                #expect(error.status == .badRequest)
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message("books,owner") == "include 'owner' is not a relation; it can include books, readers")
        #expect(message("books.author") == "include 'books.author' is not a relation; it can include shelf")
        #expect(message("books.shelf.books") == "include 'books.shelf.books' goes deeper than 2 levels")
        #expect(message("books,,readers")?.contains("empty name") == true)
        #expect(try IncludeRequest.parse("books.shelf,books,readers", for: ShelfResponse.self)
            == [IncludeRequest(name: "books", children: [IncludeRequest(name: "shelf")]), IncludeRequest(name: "readers")])
        #expect(try IncludeRequest.parse(nil as String?, for: ShelfResponse.self).isEmpty)
    }
}

// MARK: Many-to-many

struct Label: Model {
    static let table = "labels"
    static let listing = ListingRules(columns: [:])
    static let softDeletes = true
    var id: Int
    var name: String
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    struct Draft: Encodable, Sendable {
        var name: String
    }
}

struct LabelResponse: IncludableResponse {
    typealias Record = Label
    var id: Int
    var name: String

    init(_ label: Label) {
        id = label.id
        name = label.name
    }
}

struct LabelledShelfResponse: IncludableResponse {
    typealias Record = Shelf
    var id: Int

    init(_ shelf: Shelf) {
        id = shelf.id
    }

    static let labels = Pivot("shelf_labels", owner: "shelf_id", target: "label_id", targetTable: "labels", targetSoftDeletes: true)
    static let includes = Includes<Shelf>(
        .manyToMany("labels", LabelResponse.self, through: labels, matching: \Shelf.id),
    )
}

/// Labels and the pivot, as a resource's migration makes them for `labels:many/Label`.
struct CreateLabels: Migration {
    let name = "2026_01_01_000001_create_labels"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "labels")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .column("deleted_at", type: .timestamp)
            .run()
        try await database.create(table: "shelf_labels")
            .column("shelf_id", type: .bigint, .notNull, .references("shelves", "id", onDelete: .cascade))
            .column("label_id", type: .bigint, .notNull, .references("labels", "id", onDelete: .cascade))
            .primaryKey("shelf_id", "label_id")
            .run()
        try await database.create(index: "shelf_labels_label_id_index").on("shelf_labels").column("label_id").run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.drop(table: "shelf_labels").ifExists().run()
        try await database.drop(table: "labels").ifExists().run()
    }
}

@Suite struct PivotTests {
    @Test func replaceAttachAndDetachNeverHalfApply() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateShelvesBooksAndReaders(), CreateLabels()]).migrate()
        let pivot = LabelledShelfResponse.labels
        let (shelf, labels) = try await database.transaction { db in
            let shelf = try await ModelStore<Shelf>(database: db).insert(Shelf.Draft(name: "fiction"))
            var labels: [Label] = []
            for name in ["new", "old", "rare"] { labels.append(try await ModelStore<Label>(database: db).insert(Label.Draft(name: name))) }
            return (shelf, labels)
        }
        let ids = labels.map(\.id)
        try await database.transaction { db in try await pivot.replace(shelf.id, with: [ids[2], ids[0], ids[2]], field: "label_ids", on: db) }
        #expect(try await pivot.keys(of: shelf.id, on: database.sql) == [ids[0], ids[2]])

        // An unknown id: a 422 naming it, and the set as it was.
        await #expect {
            try await database.transaction { db in try await pivot.replace(shelf.id, with: [ids[1], 999], field: "label_ids", on: db) }
        } throws: { error in
            (error as? AppError)?.status == .unprocessableContent && (error as? AppError)?.fields.first?.messages == ["no labels with id 999"]
        }
        #expect(try await pivot.keys(of: shelf.id, on: database.sql) == [ids[0], ids[2]])

        try await pivot.attach(shelf.id, ids[1], field: "label_id", on: database.sql)
        try await pivot.attach(shelf.id, ids[1], field: "label_id", on: database.sql)
        #expect(try await pivot.keys(of: shelf.id, on: database.sql) == ids)
        #expect(try await pivot.detach(shelf.id, ids[0], on: database.sql))
        #expect(try await pivot.detach(shelf.id, ids[0], on: database.sql) == false)

        // A trashed label cannot be linked, and is never included.
        _ = try await ModelStore<Label>(database: database.sql).delete(.id(ids[2]))
        await #expect(throws: AppError.self) { try await pivot.attach(shelf.id, ids[2], field: "label_id", on: database.sql) }
        let counting = CountingDatabase(database.sql)
        let embedded = try await LabelledShelfResponse.includes.embed([shelf], as: LabelledShelfResponse.self,
                                                                      including: try IncludeRequest.parse("labels", for: LabelledShelfResponse.self), on: counting)
        #expect(counting.count == 1)
        let encoder = AppRequestContext.jsonEncoder
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(embedded[0]), as: UTF8.self) == #"{"id":1,"labels":[{"id":2,"name":"old"}]}"#)

        // Deleting the shelf removes its links (cascade).
        _ = try await ModelStore<Shelf>(database: database.sql).forceDelete(.id(shelf.id))
        #expect(try await pivot.keys(of: shelf.id, as: Int.self, on: database.sql).isEmpty)
    }

    @Test func includingAPivotOn100RowsIsOneQuery() async throws {
        let database = try await IncludeTests.library()
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateShelvesBooksAndReaders(), CreateLabels()]).migrate()
        let pivot = LabelledShelfResponse.labels
        let shelves = try await ModelStore<Shelf>(database: database.sql).page(PageRequest(page: 1, perPage: 100)).items
        try await database.transaction { db in
            let labels = [try await ModelStore<Label>(database: db).insert(Label.Draft(name: "a")), try await ModelStore<Label>(database: db).insert(Label.Draft(name: "b"))]
            for shelf in shelves { try await pivot.replace(shelf.id, with: labels.prefix(shelf.id % 3).map(\.id), field: "label_ids", on: db) }
        }
        let counting = CountingDatabase(database.sql)
        let embedded = try await LabelledShelfResponse.includes.embed(shelves, as: LabelledShelfResponse.self,
                                                                      including: [IncludeRequest(name: "labels")], on: counting)
        #expect(counting.count == 1)
        let encoder = AppRequestContext.jsonEncoder
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(embedded[2]), as: UTF8.self).contains(#""labels":[]"#))
        #expect(String(decoding: try encoder.encode(embedded[1]), as: UTF8.self).contains(#""labels":[{"id":1,"name":"a"},{"id":2,"name":"b"}]"#))
    }

    @Test func filtersByMembershipListsLinkedRecordsAndSeedsLinks() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateShelvesBooksAndReaders(), CreateLabels()]).migrate()
        let pivot = LabelledShelfResponse.labels
        let (shelves, labels) = try await database.transaction { db in
            var shelves: [Shelf] = [], labels: [Label] = []
            for name in ["a", "b", "c"] { shelves.append(try await ModelStore<Shelf>(database: db).insert(Shelf.Draft(name: name))) }
            for name in ["new", "old"] { labels.append(try await ModelStore<Label>(database: db).insert(Label.Draft(name: name))) }
            return (shelves, labels)
        }
        // Keys as a request path names them bind as the values themselves.
        try await pivot.attach(RecordKey.id(shelves[0].id), RecordKey.id(labels[0].id), field: "label_id", on: database.sql)
        try await pivot.attach(shelves[1].id, labels[1].id, field: "label_id", on: database.sql)
        try await pivot.attach(shelves[2].id, labels[0].id, field: "label_id", on: database.sql)
        try await pivot.attach(shelves[2].id, labels[1].id, field: "label_id", on: database.sql)
        #expect(try await pivot.records(of: shelves[2].id, as: Label.self, on: database.sql).map(\.name) == ["new", "old"])

        let store = ModelStore<Shelf>(database: database.sql)
        let has = ListQuery(filters: [.init(column: "labels", op: .eq, value: .integer(labels[0].id))])
        #expect(try await store.list(has).items.map(\.name) == ["a", "c"])
        #expect(try await store.count(has) == 2)
        let hasNot = ListQuery(filters: [.init(column: "labels", op: .ne, value: .integer(labels[0].id))])
        #expect(try await store.list(hasNot).items.map(\.name) == ["b"])
        // Parsed from a request: eq and ne only, and the name is listed among the filterable ones.
        #expect(throws: AppError.self) { try ListQuery.parseFilter(key: "filter[labels][gt]", value: "1", rules: Shelf.listing) }
        #expect(try ListQuery.parseFilter(key: "filter[labels]", value: "2", rules: Shelf.listing).value == .integer(2))
        let unknown = #expect(throws: AppError.self) { try ListQuery.parseFilter(key: "filter[nope]", value: "1", rules: Shelf.listing) }
        #expect(unknown?.message.contains("labels") == true)

        // Unlinked, then seeded: every shelf from the first id on gets at most `upTo` distinct labels.
        try await database.sql.delete(from: "shelf_labels").run()
        var fake = Fake(seed: 7)
        let made = try await pivot.seed("shelves", from: shelves[1].id, to: labels.map(\.id), upTo: 2, using: &fake, on: database.sql)
        #expect(try await pivot.keys(of: shelves[0].id, as: Int.self, on: database.sql).isEmpty)
        let seeded = [try await pivot.keys(of: shelves[1].id, as: Int.self, on: database.sql), try await pivot.keys(of: shelves[2].id, as: Int.self, on: database.sql)]
        #expect(seeded.map(\.count).reduce(0, +) == made)
        #expect(seeded.allSatisfy { $0.count <= 2 && Set($0).count == $0.count })
    }

    @Test func aLinkBodyNeedsIdsAndAChangeSetLeavesThemOut() throws {
        let decoded = try JSONDecoder().decode(LinkIDs<Int>.self, from: Data(#"{"ids":[3,1]}"#.utf8))
        #expect(try decoded.validated() == [3, 1])
        let missing = #expect(throws: AppError.self) { try JSONDecoder().decode(LinkIDs<Int>.self, from: Data("{}".utf8)).validated() }
        #expect(missing?.fields.first?.field == "ids")
        struct Changes: Encodable { var name: String?; var labelIds: [Int]? }
        let changes = try ChangeSet<Shelf>(Changes(name: "x", labelIds: [1]), excluding: ["label_ids"])
        #expect(changes.columns.map(\.name) == ["name"])
    }
}
