import Foundation
@testable import ForgeRuntime
import Logging
import Testing

/// A row that belongs to a user, as `make:resource Memo -p --owned` generates it.
struct Memo: Model {
    static let table = "memos"
    static let listing = ListingRules(columns: ["body": .text])
    static let ownerColumn: String? = "user_id"
    var id: Int
    var userId: Int
    var body: String
    var createdAt: Date
    var updatedAt: Date

    struct Draft: Encodable, Sendable {
        var body: String
    }
}

struct MemoStore: ModelRepository {
    typealias Record = Memo
    let database: any SQLDatabase
    let owner: OwnerScope
}

struct CreateMemos: Migration {
    let name = "2026_01_01_000000_create_memos"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "users").column("id", type: .bigint, .primaryKey(autoIncrement: true)).column("email", type: .text).run()
        try await database.create(table: "memos")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("body", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.drop(table: "memos").run()
        try await database.drop(table: "users").run()
    }
}

@Suite struct OwnershipTests {
    @Test func everyQuerySeesOnlyItsOwnersRows() async throws {
        let database = try await Database.open(.sqliteMemory, logger: Logger(label: "test"))
        defer { Task { try? await database.close() } }
        try await MigrationRunner(database: database, migrations: [CreateMemos()]).migrate()
        #expect(try await OwnerScope.firstUser(on: database.sql) == nil)
        try await database.sql.raw("INSERT INTO users (email) VALUES ('ada@example.com'), ('bob@example.com')").run()
        #expect(try await OwnerScope.firstUser(on: database.sql) == 1)
        let ada = MemoStore(database: database.sql, owner: .user(1))
        let bob = MemoStore(database: database.sql, owner: .user(2))

        // A user_id in the values is overridden by the owner: nobody files a row under someone else.
        struct Forged: Encodable, Sendable { var body: String; var userId: Int }
        let note = try await ada.insert(Forged(body: "mine", userId: 2))
        #expect(note.userId == 1)
        #expect(try await bob.insertAll([Memo.Draft(body: "his"), Memo.Draft(body: "his too")]) == 2)

        #expect(try await ada.find(.id(note.id))?.body == "mine")
        #expect(try await bob.find(.id(note.id)) == nil)
        #expect(try await bob.list(ListQuery()).items.map(\.body) == ["his", "his too"])
        #expect(try await bob.count(ListQuery()) == 2)
        #expect(try await bob.first(where: "body", equals: "mine") == nil)
        #expect(try await bob.all(where: "body", equals: "mine").isEmpty)
        #expect(try await bob.ids() == [2, 3])
        #expect(try await bob.update(.id(note.id), with: ChangeSet(["body": "stolen"])) == nil)
        #expect(try await bob.replace(.id(note.id), with: Memo.Draft(body: "stolen")) == nil)
        #expect(try await bob.delete(.id(note.id)) == false)
        #expect(try await bob.forceDelete(.id(note.id)) == false)
        #expect(try await ada.find(.id(note.id))?.body == "mine")
        // unique is global: existence checks see every owner's rows.
        #expect(try await bob.exists("body", equals: "mine"))

        let everyone = MemoStore(database: database.sql, owner: .everyone)
        #expect(try await everyone.count(ListQuery()) == 3)
        // No caller known: refused, never everyone's rows.
        let nobody = MemoStore(database: database.sql, owner: .nobody)
        let refused = await #expect(throws: AppError.self) { try await nobody.list(ListQuery()) }
        #expect(refused?.status == .unauthorized)
        await #expect(throws: AppError.self) { try await nobody.insert(Memo.Draft(body: "anyone's")) }
        #expect(try await ada.update(.id(note.id), with: ChangeSet(["body": "edited"]))?.body == "edited")
        #expect(try await ada.delete(.id(note.id)))
    }
}
