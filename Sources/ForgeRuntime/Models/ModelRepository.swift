import Foundation
import SQLKit

/// Data access for one model: CRUD, listing, soft deletes and existence checks over SQLKit.
///
/// A generated repository is a small struct naming its model; custom queries go inside it.
/// Repositories never open or commit transactions: a service hands them the transaction's
/// database. For a model with ``Model/softDeletes``, `delete` stamps `deleted_at` and every
/// read and write skips trashed rows unless it says otherwise.
///
/// Rows are read and written with SQLKit's snake-case key strategies: a property `stockTotal`
/// is the column `stock_total`, and explicit snake_case `CodingKeys` keep working.
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
    /// Whose rows it sees, for a model with an ``Model/ownerColumn``; ignored otherwise. A
    /// repository of an owned model declares it without a default, so every use names one.
    var owner: OwnerScope { get }
}

extension ModelRepository {
    /// No caller: an owned model's rows are refused, other models' unaffected.
    public var owner: OwnerScope { .nobody }

    /// The row `key` names, or `nil` (trashed rows only when `includingTrashed`).
    public func find(_ key: RecordKey, includingTrashed: Bool = false) async throws -> Record? {
        let query = try scoped(database.select().column("*").from(Record.table).where(SQLIdentifier(key.column), .equal, key.bind))
        if Record.softDeletes && !includingTrashed {
            query.where("deleted_at", .is, SQLLiteral.null)
        }
        return try await query.limit(1).first(decoding: Record.self, keyDecodingStrategy: .columns)
    }

    /// The row whose `column` equals `value`, or `nil` (never a trashed row).
    public func first(where column: String, equals value: some Encodable & Sendable) async throws -> Record? {
        let query = try scoped(database.select().column("*").from(Record.table).where(SQLIdentifier(column), .equal, SQLBind(value)))
        if Record.softDeletes {
            query.where("deleted_at", .is, SQLLiteral.null)
        }
        return try await query.limit(1).first(decoding: Record.self, keyDecodingStrategy: .columns)
    }

    /// Every row whose `column` equals `value`, ordered by primary key (never a trashed row):
    /// the rows of a has-many relation, as in `post.comments(on:)`.
    public func all(where column: String, equals value: some Encodable & Sendable) async throws -> [Record] {
        let query = try scoped(database.select().column("*").from(Record.table).where(SQLIdentifier(column), .equal, SQLBind(value)))
        if Record.softDeletes {
            query.where("deleted_at", .is, SQLLiteral.null)
        }
        return try await query.orderBy("id").all(decoding: Record.self, keyDecodingStrategy: .columns)
    }

    /// One page of rows, ordered by primary key.
    public func page(_ request: PageRequest) async throws -> Page<Record> {
        try await list(ListQuery(page: request, sort: [ListQuery.SortKey(column: "id", descending: false)]))
    }

    /// The number of rows that are not trashed.
    public func count() async throws -> Int {
        try await count(ListQuery())
    }

    /// Whether a row other than `excluding` has `column` equal to `value`. Trashed rows count:
    /// they still hold their unique values, and so do other owners' rows (`unique` is global).
    public func exists(_ column: String, equals value: some Encodable & Sendable, excluding key: RecordKey? = nil) async throws -> Bool {
        let query = database.select()
            .column("id")
            .from(Record.table)
            .where(SQLIdentifier(column), .equal, SQLBind(value))
            .limit(1)
        if let key {
            query.where(SQLIdentifier(key.column), .notEqual, key.bind)
        }
        return try await query.first(decoding: IDRow.self) != nil
    }

    /// Inserts `values` (a struct without `id`) stamped with `created_at`/`updated_at` (and a new
    /// `public_id` for models with public IDs), and returns the stored row.
    public func insert(_ values: some Encodable & Sendable) async throws -> Record {
        let now = Date()
        var pairs = try SQLQueryEncoder.columns().encode(values) + [("created_at", SQLBind(now)), ("updated_at", SQLBind(now))]
        if let (column, id) = try ownerCondition() {
            pairs.removeAll { $0.0 == column }
            pairs.append((column, SQLBind(id)))
        }
        if Record.publicIDs {
            pairs.append(("public_id", SQLBind(UUID())))
        }
        let row = try await database.insert(into: Record.table)
            .columns(pairs.map(\.0))
            .values(pairs.map(\.1))
            .returning("*")
            .first(decoding: Record.self, keyDecodingStrategy: .columns)
        guard let row else { throw RepositoryError.noRowReturned(table: Record.table) }
        return row
    }

    /// Applies `changes` to row `id`, touches `updated_at`, and returns the updated row, or
    /// `nil` when there is no such (live) row.
    public func update(_ key: RecordKey, with changes: ChangeSet<Record>) async throws -> Record? {
        try await write(key, columns: changes.columns.map { ($0.name, $0.value) })
    }

    /// Overwrites every column of row `id` with `values` (absent optionals become `NULL`),
    /// touches `updated_at`, and returns the row, or `nil` when there is no such (live) row.
    public func replace(_ key: RecordKey, with values: some Encodable & Sendable) async throws -> Record? {
        try await write(key, columns: try SQLQueryEncoder.columns(nilAsNull: true).encode(values))
    }

    /// Deletes the row `key` names (soft-deletes it when the model says so); returns whether there was one.
    public func delete(_ key: RecordKey) async throws -> Bool {
        guard Record.softDeletes else { return try await forceDelete(key) }
        let now = Date()
        return try await scoped(database.update(Record.table)
            .set("deleted_at", to: SQLBind(now))
            .set("updated_at", to: SQLBind(now))
            .where(SQLIdentifier(key.column), .equal, key.bind)
            .where("deleted_at", .is, SQLLiteral.null))
            .returning("id")
            .first(decoding: IDRow.self) != nil
    }

    /// Removes the row `key` names for good, trashed or not; returns whether there was one.
    public func forceDelete(_ key: RecordKey) async throws -> Bool {
        try await scoped(database.delete(from: Record.table)
            .where(SQLIdentifier(key.column), .equal, key.bind))
            .returning("id")
            .first(decoding: IDRow.self) != nil
    }

    /// Brings back the trashed row `key` names; returns it, or `nil` when there is none.
    public func restore(_ key: RecordKey) async throws -> Record? {
        guard Record.softDeletes else { return nil }
        return try await scoped(database.update(Record.table)
            .set("deleted_at", to: SQLLiteral.null)
            .set("updated_at", to: SQLBind(Date()))
            .where(SQLIdentifier(key.column), .equal, key.bind)
            .where("deleted_at", .isNot, SQLLiteral.null))
            .returning("*")
            .first(decoding: Record.self, keyDecodingStrategy: .columns)
    }

    private func write(_ key: RecordKey, columns: [(String, any SQLExpression)]) async throws -> Record? {
        let query = database.update(Record.table)
        for (column, value) in columns + [("updated_at", SQLBind(Date()))] {
            query.set(SQLIdentifier(column), to: value)
        }
        query.where(SQLIdentifier(key.column), .equal, key.bind)
        if Record.softDeletes {
            query.where("deleted_at", .is, SQLLiteral.null)
        }
        return try await scoped(query).returning("*").first(decoding: Record.self, keyDecodingStrategy: .columns)
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
struct CountRow: Decodable {
    let total: Int
}

/// The single `id` column of an existence or delete query.
struct IDRow: Decodable {
    let id: Int
}

extension SQLQueryEncoder {
    /// Encodes a draft or a change set as columns: each property in snake_case (`stockTotal` is
    /// `stock_total`); with `nilAsNull`, absent optionals are written as NULL instead of left out.
    static func columns(nilAsNull: Bool = false) -> SQLQueryEncoder {
        SQLQueryEncoder(keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: nilAsNull ? .asNil : .default)
    }
}

extension SQLRowDecoder.KeyDecodingStrategy {
    /// Rows into records: each property read from its snake_case column.
    static var columns: Self { .convertFromSnakeCase }
}
