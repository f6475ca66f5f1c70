import Foundation
import SQLKit

/// Data access for one model: CRUD, paging and existence checks over SQLKit.
///
/// A generated repository is a small struct naming its model; custom queries go inside it.
/// Repositories never open or commit transactions: a service hands them the transaction's
/// database.
///
/// ```swift
/// struct PostRepository: ModelRepository {
///     typealias Record = Post
///     let database: any SQLDatabase
/// }
/// ```
public protocol ModelRepository: Sendable {
    /// The model this repository reads and writes.
    associatedtype Record: Model
    /// The database (or transaction) queries run on.
    var database: any SQLDatabase { get }
}

extension ModelRepository {
    /// The row with primary key `id`, or `nil`.
    public func find(_ id: Int) async throws -> Record? {
        try await database.select()
            .column("*")
            .from(Record.table)
            .where("id", .equal, id)
            .limit(1)
            .first(decoding: Record.self)
    }

    /// One page of rows, ordered by primary key.
    public func page(_ request: PageRequest) async throws -> Page<Record> {
        let rows = try await database.select()
            .column("*")
            .from(Record.table)
            .orderBy("id")
            .limit(request.perPage)
            .offset(request.offset)
            .all(decoding: Record.self)
        return Page(items: rows, request: request, total: try await count())
    }

    /// The number of rows.
    public func count() async throws -> Int {
        let row = try await database.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Record.table)
            .first(decoding: CountRow.self)
        return row?.total ?? 0
    }

    /// Whether a row other than `excluding` has `column` equal to `value` (for unique checks).
    public func exists(_ column: String, equals value: some Encodable & Sendable, excluding id: Int? = nil) async throws -> Bool {
        let query = database.select()
            .column("id")
            .from(Record.table)
            .where(SQLIdentifier(column), .equal, SQLBind(value))
            .limit(1)
        if let id {
            query.where("id", .notEqual, id)
        }
        return try await query.first(decoding: IDRow.self) != nil
    }

    /// Inserts `values` (a struct without `id`) stamped with `created_at`/`updated_at`, and
    /// returns the stored row.
    public func insert(_ values: some Encodable & Sendable) async throws -> Record {
        let now = Date()
        let pairs = try SQLQueryEncoder().encode(values) + [("created_at", SQLBind(now)), ("updated_at", SQLBind(now))]
        let row = try await database.insert(into: Record.table)
            .columns(pairs.map(\.0))
            .values(pairs.map(\.1))
            .returning("*")
            .first(decoding: Record.self)
        guard let row else { throw RepositoryError.noRowReturned(table: Record.table) }
        return row
    }

    /// Applies the non-`nil` properties of `changes` to row `id`, touches `updated_at`, and
    /// returns the updated row, or `nil` when there is no such row.
    public func update(_ id: Int, with changes: some Encodable & Sendable) async throws -> Record? {
        try await write(id, columns: try SQLQueryEncoder().encode(changes))
    }

    /// Overwrites every column of row `id` with `values` (absent optionals become `NULL`),
    /// touches `updated_at`, and returns the row, or `nil` when there is no such row.
    public func replace(_ id: Int, with values: some Encodable & Sendable) async throws -> Record? {
        try await write(id, columns: try SQLQueryEncoder(nilEncodingStrategy: .asNil).encode(values))
    }

    private func write(_ id: Int, columns: [(String, any SQLExpression)]) async throws -> Record? {
        let query = database.update(Record.table)
        for (column, value) in columns + [("updated_at", SQLBind(Date()))] {
            query.set(SQLIdentifier(column), to: value)
        }
        return try await query
            .where("id", .equal, id)
            .returning("*")
            .first(decoding: Record.self)
    }

    /// Deletes row `id`; returns whether there was one.
    public func delete(_ id: Int) async throws -> Bool {
        let deleted = try await database.delete(from: Record.table)
            .where("id", .equal, id)
            .returning("id")
            .first(decoding: IDRow.self)
        return deleted != nil
    }
}

/// A database answer a repository cannot turn into a model.
public enum RepositoryError: Error, CustomStringConvertible {
    /// An insert returned no row.
    case noRowReturned(table: String)

    public var description: String {
        switch self {
        case .noRowReturned(let table): "inserting into '\(table)' returned no row"
        }
    }
}

/// The single `total` column of a count query.
private struct CountRow: Decodable {
    let total: Int
}

/// The single `id` column of an existence or delete query.
private struct IDRow: Decodable {
    let id: Int
}
