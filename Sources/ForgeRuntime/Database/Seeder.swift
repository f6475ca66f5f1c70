import Foundation
import SQLKit

/// Fills one table with valid rows made by its factory: `app seed --seeder Post --count 500`.
public protocol Seeder: Sendable {
    /// The resource it seeds, as `--seeder` names it.
    var name: String { get }
    /// Inserts `count` rows in one transaction and returns how many the table gained.
    func run(count: Int, on database: Database) async throws -> Int
}

extension ModelRepository {
    /// Inserts `drafts` stamped with timestamps (and public IDs), in multi-row statements sized
    /// under SQLite's bind limit; returns how many rows the table gained, counted afterwards.
    public func insertAll<Draft: Encodable & Sendable>(_ drafts: [Draft]) async throws -> Int {
        guard let first = drafts.first else { return 0 }
        let before = try await count()
        let now = Date()
        // Column names are converted once; every row encodes its values in the same order.
        var columns = try SQLQueryEncoder.columns(nilAsNull: true).encode(first).map(\.0)
            + ["created_at", "updated_at"]
        let encoder = SQLQueryEncoder(nilEncodingStrategy: .asNil)
        let owner = try ownerCondition()
        if let owner { columns.append(owner.column) }
        if Record.publicIDs { columns.append("public_id") }
        let rowsPerStatement = max(1, 30_000 / columns.count)
        var start = 0
        while start < drafts.count {
            let chunk = drafts[start..<min(start + rowsPerStatement, drafts.count)]
            let insert = database.insert(into: Record.table).columns(columns)
            for draft in chunk {
                var values = try encoder.encode(draft).map(\.1) + [SQLBind(now), SQLBind(now)]
                if let owner { values.append(SQLBind(owner.id)) }
                if Record.publicIDs { values.append(SQLBind(UUID())) }
                insert.values(values)
            }
            try await insert.run()
            start += chunk.count
        }
        return try await count() - before
    }

    /// The largest id ever stored here (trashed rows included), or 0: seeders number new rows
    /// after it so unique values never repeat.
    public func maxID() async throws -> Int {
        let row = try await database.select()
            .column(SQLFunction("COALESCE", args: SQLFunction("MAX", args: SQLIdentifier("id")), SQLLiteral.numeric("0")), as: "id")
            .from(Record.table)
            .first(decoding: IDRow.self)
        return row?.id ?? 0
    }

    /// The public ids of up to `limit` live rows, for references in `--ids dual` apps.
    public func publicIDs(limit: Int = 1000) async throws -> [UUID] {
        let query = try scoped(database.select().column("public_id").from(Record.table).orderBy("id").limit(limit))
        if Record.softDeletes { query.where("deleted_at", .is, SQLLiteral.null) }
        return try await query.all(decoding: PublicIDRow.self).map(\.publicID)
    }

    /// The ids of up to `limit` live rows, for factories whose rows must point at existing ones.
    public func ids(limit: Int = 1000) async throws -> [Int] {
        let query = try scoped(database.select().column("id").from(Record.table).orderBy("id").limit(limit))
        if Record.softDeletes { query.where("deleted_at", .is, SQLLiteral.null) }
        return try await query.all(decoding: IDRow.self).map(\.id)
    }
}

/// Why a seeder could not run.
public struct SeederError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

private struct PublicIDRow: Decodable {
    let publicID: UUID

    enum CodingKeys: String, CodingKey {
        case publicID = "public_id"
    }
}
