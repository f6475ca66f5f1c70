import Foundation
import ForgeRuntime

/// A hand-written resource shaped like forge's generated code, to test the runtime alone.
struct Note: Model {
    static let table = "notes"
    var id: Int
    var title: String
    var stars: Int?
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, title, stars
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

struct NoteDraft: Codable, Sendable {
    var title: String
    var stars: Int?
}

struct NoteChanges: Codable, Sendable {
    var title: String?
    var stars: Int?
}

struct NoteRepository: ModelRepository {
    typealias Record = Note
    let database: any SQLDatabase
}

struct CreateNotes: Migration {
    let name = "2026_01_01_000000_create_notes"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "notes")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("title", type: .text, .notNull, .unique)
            .column("stars", type: .bigint)
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.drop(table: "notes").ifExists().run()
    }
}

struct NoteController: RouteRegistrar {
    let database: Database

    func register(on routes: Routes) {
        let notes = routes.group("/api/notes")
        notes.get(handler: "NoteController.list") { request, _ in
            PageEnvelope(try await NoteRepository(database: database.sql).page(try request.pageRequest()))
        }
        notes.get("{id}", handler: "NoteController.show") { _, context in
            let id = try context.id()
            guard let note = try await NoteRepository(database: database.sql).find(id) else {
                throw AppError.notFound("no note with id \(id)")
            }
            return DataEnvelope(note)
        }
        notes.post(handler: "NoteController.create") { request, context in
            let body = try await request.decode(as: NoteChanges.self, context: context)
            var check = Validation()
            check.field("title", body.title, .required, .maxLength(10))
            check.field("stars", body.stars, .min(0), .max(5))
            guard check.passed, let title = body.title else { throw check.failure }
            let note = try await database.transaction { db in
                try await NoteRepository(database: db).insert(NoteDraft(title: title, stars: body.stars))
            }
            return DataEnvelope(note).created
        }
    }
}

let notesApp = AppDefinition(name: "notes", migrations: [CreateNotes()]) { routes, database in
    NoteController(database: database).register(on: routes)
}
