import Foundation
import ForgeRuntime

/// A hand-written resource shaped like forge's generated code, to test the runtime alone.
struct Note: Model {
    static let table = "notes"
    static let listing = ListingRules(columns: ["title": .text, "stars": .integer])
    static let softDeletes = true
    var id: Int
    var title: String
    var stars: Int?
    var createdAt: Date
    var updatedAt: Date
    var deletedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, title, stars
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case deletedAt = "deleted_at"
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
            .column("deleted_at", type: .timestamp)
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
            let query = try ListQuery(request, for: Note.self)
            return PageEnvelope(try await NoteRepository(database: database.sql).list(query))
        }
        notes.get("count", handler: "NoteController.count") { request, _ in
            let query = try ListQuery(request, for: Note.self)
            return DataEnvelope(CountResult(count: try await NoteRepository(database: database.sql).count(query)))
        }
        notes.delete("{id}", handler: "NoteController.delete") { _, context in
            guard try await NoteRepository(database: database.sql).delete(try context.key(for: Note.self)) else { throw AppError.notFound("no note") }
            return HTTPResponse.Status.noContent
        }
        notes.post("{id}/restore", handler: "NoteController.restore") { _, context in
            guard let note = try await NoteRepository(database: database.sql).restore(try context.key(for: Note.self)) else { throw AppError.notFound("no trashed note") }
            return DataEnvelope(note)
        }
        notes.get("{id}", handler: "NoteController.show") { _, context in
            let id = try context.key(for: Note.self)
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
                let notes = NoteRepository(database: db)
                if try await notes.exists("title", equals: title) { throw AppError.conflict(field: "title") }
                return try await notes.insert(NoteDraft(title: title, stars: body.stars))
            }
            return DataEnvelope(note).created
        }
    }
}

let notesApp = AppDefinition(name: "notes", migrations: [CreateNotes()]) { routes, database in
    NoteController(database: database).register(on: routes)
}

/// A model that keeps its integer key internal and is addressed by `public_id`.
struct Ticket: Model {
    static let table = "tickets"
    static let listing = ListingRules(columns: ["subject": .text], exposesID: false)
    static let publicIDs = true
    var id: Int
    var publicId: UUID
    var subject: String
    var createdAt: Date
    var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case id, subject
        case publicId = "public_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

struct TicketResponse: Codable, Sendable {
    var id: UUID
    var subject: String

    init(_ ticket: Ticket) {
        self.id = ticket.publicId
        self.subject = ticket.subject
    }
}

struct TicketRepository: ModelRepository {
    typealias Record = Ticket
    let database: any SQLDatabase
}

struct CreateTickets: Migration {
    let name = "2026_01_03_000000_create_tickets"

    func prepare(on database: any SQLDatabase) async throws {
        try await database.create(table: "tickets")
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("public_id", type: .text, .notNull, .unique)
            .column("subject", type: .text, .notNull)
            .column("created_at", type: .timestamp, .notNull)
            .column("updated_at", type: .timestamp, .notNull)
            .run()
    }

    func revert(on database: any SQLDatabase) async throws {
        try await database.drop(table: "tickets").ifExists().run()
    }
}

let ticketsApp = AppDefinition(name: "tickets", migrations: [CreateTickets()]) { routes, database in
    let tickets = routes.group("/api/tickets")
    tickets.post(handler: "TicketController.create") { request, context in
        struct Body: Decodable { var subject: String }
        let body = try await request.decode(as: Body.self, context: context)
        let ticket = try await TicketRepository(database: database.sql).insert(["subject": body.subject])
        return DataEnvelope(TicketResponse(ticket)).created
    }
    tickets.get(handler: "TicketController.list") { request, _ in
        let query = try ListQuery(request, for: Ticket.self)
        return PageEnvelope(try await TicketRepository(database: database.sql).list(query).map(TicketResponse.init))
    }
    tickets.get("{id}", handler: "TicketController.show") { _, context in
        guard let ticket = try await TicketRepository(database: database.sql).find(try context.key(for: Ticket.self)) else {
            throw AppError.notFound("no ticket")
        }
        return DataEnvelope(TicketResponse(ticket))
    }
}
