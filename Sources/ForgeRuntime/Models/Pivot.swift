import Foundation
import SQLKit

/// The link table of a many-to-many relation: `post_tags (post_id, tag_id)`, its primary key
/// both columns, each a foreign key with `ON DELETE CASCADE`.
///
/// Every write checks the targets exist first and answers a 422 naming the unknown ones, so
/// nothing is half-applied; run it in the service's transaction (`replace` deletes and inserts).
/// Keys are what the foreign keys hold: integer ids, or public UUIDs in `--ids dual` apps.
public struct Pivot: Sendable {
    public let table: String
    /// The column holding the owner's key (`post_id`).
    public let ownerColumn: String
    /// The column holding the linked row's key (`tag_id`).
    public let targetColumn: String
    /// The linked rows' table (`tags`).
    public let targetTable: String
    /// The column of either table the pivot's columns hold: `id`, or `public_id` in apps whose
    /// API names rows by public UUID.
    public let ownerKey: String
    public let targetKey: String
    /// How a key reads in a filter (`filter[tags]=3`): an integer, or a UUID.
    public let keyKind: ColumnKind
    /// Whether the linked table soft-deletes: trashed rows are never listed or included.
    public let targetSoftDeletes: Bool

    /// `publicIDs`: both tables are named by public UUID (`--ids dual` apps), so the pivot
    /// holds `public_id`s and no integer id reaches the API.
    public init(_ table: String, owner ownerColumn: String, target targetColumn: String, targetTable: String,
                publicIDs: Bool = false, targetSoftDeletes: Bool = false) {
        self.table = table
        self.ownerColumn = ownerColumn
        self.targetColumn = targetColumn
        self.targetTable = targetTable
        self.ownerKey = publicIDs ? "public_id" : "id"
        self.targetKey = ownerKey
        self.keyKind = publicIDs ? .uuid : .integer
        self.targetSoftDeletes = targetSoftDeletes
    }

    /// The keys linked to `owner`, in ascending order.
    public func keys<Key: Decodable & Sendable>(of owner: some Encodable & Sendable, as type: Key.Type = Key.self, on database: any SQLDatabase) async throws -> [Key] {
        try await database.select().column(SQLIdentifier(targetColumn), as: "key").from(table)
            .where(SQLIdentifier(ownerColumn), .equal, SQLBind(owner))
            .orderBy(SQLIdentifier(targetColumn))
            .all()
            .map { try $0.decode(column: "key", as: Key.self) }
    }

    /// The live rows linked to `owner`, oldest first: `post.tags(on:)`.
    public func records<Target: Model, Key: Encodable & Sendable>(of owner: Key, as target: Target.Type, on database: any SQLDatabase) async throws -> [Target] {
        let live: SQLQueryString = targetSoftDeletes ? " AND \(ident: "t").\(ident: "deleted_at") IS NULL" : ""
        return try await database.raw("""
            SELECT \(ident: "t").* FROM \(ident: targetTable) AS \(ident: "t") JOIN \(ident: table) AS \(ident: "p") \
            ON \(ident: "p").\(ident: targetColumn) = \(ident: "t").\(ident: targetKey) \
            WHERE \(ident: "p").\(ident: ownerColumn) = \(bind: owner)\(live) ORDER BY \(ident: "t").\(ident: "id")
            """).all(decoding: Target.self, keyDecodingStrategy: .columns)
    }

    /// Links `owner` to exactly `targets` (duplicates ignored); a 422 on `field` naming the
    /// targets that do not exist, before anything changes.
    public func replace<Key: Hashable & Codable & Sendable & CustomStringConvertible>(
        _ owner: some Encodable & Sendable, with targets: [Key], field: String, on database: any SQLDatabase
    ) async throws {
        var seen = Set<Key>()
        let unique = targets.filter { seen.insert($0).inserted }
        try await requireExisting(unique, field: field, on: database)
        try await database.delete(from: table).where(SQLIdentifier(ownerColumn), .equal, SQLBind(owner)).run()
        guard !unique.isEmpty else { return }
        // Under the bind limit of both databases (SQLite's 32,766) with room to spare.
        for chunk in stride(from: 0, to: unique.count, by: 5_000).map({ unique[$0..<min($0 + 5_000, unique.count)] }) {
            let insert = database.insert(into: table).columns(ownerColumn, targetColumn)
            for target in chunk { insert.values(SQLBind(owner), SQLBind(target)) }
            // A concurrent replace of the same owner may have linked a pair first: keep it.
            try await insert.ignoringConflicts(with: [ownerColumn, targetColumn]).run()
        }
    }

    /// Links `owner` to `target`; linking twice changes nothing. A 422 on `field` when
    /// `target` names no (live) row.
    public func attach(
        _ owner: some Encodable & Sendable, _ target: some Encodable & Sendable & CustomStringConvertible, field: String, on database: any SQLDatabase
    ) async throws {
        let query = database.select().column(SQLIdentifier(targetKey)).from(targetTable)
            .where(SQLIdentifier(targetKey), .equal, SQLBind(target)).limit(1)
        if targetSoftDeletes { query.where("deleted_at", .is, SQLLiteral.null) }
        // The target is named by the path (`POST /api/posts/1/tags/7`): a missing one is a 404.
        guard try await query.first() != nil else {
            throw AppError.notFound("no \(targetTable) with id \(target)")
        }
        try await database.insert(into: table).columns(ownerColumn, targetColumn)
            .values(SQLBind(owner), SQLBind(target))
            .ignoringConflicts(with: [ownerColumn, targetColumn])
            .run()
    }

    /// Unlinks `owner` from `target`; returns whether they were linked.
    @discardableResult
    public func detach(_ owner: some Encodable & Sendable, _ target: some Encodable & Sendable, on database: any SQLDatabase) async throws -> Bool {
        try await database.delete(from: table)
            .where(SQLIdentifier(ownerColumn), .equal, SQLBind(owner))
            .where(SQLIdentifier(targetColumn), .equal, SQLBind(target))
            .returning(SQLIdentifier(targetColumn))
            .all()
            .isEmpty == false
    }

    /// A 422 on `field` listing each of `keys` that names no (live) row of the target table.
    func requireExisting<Key: Hashable & Codable & Sendable & CustomStringConvertible>(
        _ keys: [Key], field: String, on database: any SQLDatabase
    ) async throws {
        guard !keys.isEmpty else { return }
        let query = database.select().column(SQLIdentifier(targetKey), as: "key").from(targetTable)
            .where(SQLIdentifier(targetKey), .in, SQLBind.group(keys.map { $0 as any Encodable & Sendable }))
        if targetSoftDeletes { query.where("deleted_at", .is, SQLLiteral.null) }
        let found = Set(try await query.all().map { try $0.decode(column: "key", as: Key.self) })
        let missing = keys.filter { !found.contains($0) }
        guard !missing.isEmpty else { return }
        var check = Validation()
        check.add(field, "no \(targetTable) with id \(missing.map(\.description).joined(separator: ", "))")
        try check.finish()
    }
}

extension Pivot {
    /// Links every `ownerTable` row with an id from `firstID` on to up to `maximum` distinct
    /// rows of `targets`, drawn by `fake`: what a seeder does after inserting its rows. Returns
    /// the number of links made.
    @discardableResult
    public func seed<Key: Encodable & Sendable>(
        _ ownerTable: String, from firstID: Int, to targets: [Key], upTo maximum: Int = 3,
        using fake: inout Fake, on database: any SQLDatabase
    ) async throws -> Int {
        guard !targets.isEmpty, maximum > 0 else { return 0 }
        let owners = try await database.select().column(SQLIdentifier(ownerKey), as: "key").from(ownerTable)
            .where("id", .greaterThanOrEqual, SQLBind(firstID))
            .orderBy("id")
            .all()
            .map { try $0.decode(column: "key", as: SeedKey.self).value }
        var pairs: [(any Encodable & Sendable, Key)] = []
        for owner in owners {
            var indices = Array(targets.indices)
            for _ in 0..<fake.integer(in: 0...min(maximum, targets.count)) {
                pairs.append((owner, targets[indices.remove(at: fake.integer(in: 0...indices.count - 1))]))
            }
        }
        for start in stride(from: 0, to: pairs.count, by: 5_000) {
            let insert = database.insert(into: table).columns(ownerColumn, targetColumn)
            for (owner, target) in pairs[start..<min(start + 5_000, pairs.count)] { insert.values(SQLBind(owner), SQLBind(target)) }
            try await insert.run()
        }
        return pairs.count
    }
}

/// An owner key as a seeder reads it back: an integer id, or a public UUID.
private struct SeedKey: Decodable {
    let value: any Encodable & Sendable

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(Int.self) {
            value = id
        } else {
            value = try container.decode(UUID.self)
        }
    }
}

/// The body of `PUT /api/posts/{id}/tags`: `{"ids": [1, 2, 3]}`, the whole set of links.
public struct LinkIDs<Key: Decodable & Sendable>: Decodable, Sendable {
    public var ids: [Key]?

    /// The ids, or a 422 when the body has none (`[]` unlinks everything).
    public func validated() throws(AppError) -> [Key] {
        guard let ids else {
            var check = Validation()
            check.add("ids", "is required")
            throw check.failure
        }
        return ids
    }
}
