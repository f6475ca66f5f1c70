import ForgeRuntime
import Foundation

/// A table and two routes for the auth tests to put behind authentication.
struct CreateNotes: Migration {
    let name = "2026_01_01_000000_create_notes"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "notes")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("title", type: .text, .notNull)
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.drop(table: "notes").ifExists().run()
    }
}

struct NoteRoutes: RouteRegistrar {
    struct Note: Codable, Sendable {
        var id: Int
        var title: String
    }

    let database: Database

    func register(on routes: Routes) {
        let notes = routes.group("/api/notes")
        notes.get(handler: "NoteRoutes.list") { _, _ in
            DataEnvelope(try await database.sql.select().columns("id", "title").from("notes").all(decoding: Note.self))
        }
        notes.get("{id}", handler: "NoteRoutes.show") { _, context in
            let id = try context.parameters.require("id", as: Int.self)
            guard let note = try await database.sql.select().columns("id", "title").from("notes").where("id", .equal, id).first(decoding: Note.self) else {
                throw AppError.notFound("no note with id \(id)")
            }
            return DataEnvelope(note)
        }
    }
}
