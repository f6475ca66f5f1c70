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
    /// The linked rows' table and key column (`tags`, `id` or `public_id`).
    public let targetTable: String
    public let targetKey: String
    /// Whether the linked table soft-deletes: trashed rows are never listed or included.
    public let targetSoftDeletes: Bool

    public init(_ table: String, owner ownerColumn: String, target targetColumn: String, targetTable: String,
                targetKey: String = "id", targetSoftDeletes: Bool = false) {
        self.table = table
        self.ownerColumn = ownerColumn
        self.targetColumn = targetColumn
        self.targetTable = targetTable
        self.targetKey = targetKey
        self.targetSoftDeletes = targetSoftDeletes
    }

    /// The keys linked to `owner`, in ascending order.
    public func keys<Key: Decodable & Encodable & Sendable>(of owner: Key, as type: Key.Type = Key.self, on database: any SQLDatabase) async throws -> [Key] {
        try await database.select().column(SQLIdentifier(targetColumn), as: "key").from(table)
            .where(SQLIdentifier(ownerColumn), .equal, SQLBind(owner))
            .orderBy(SQLIdentifier(targetColumn))
            .all()
            .map { try $0.decode(column: "key", as: Key.self) }
    }

    /// Links `owner` to exactly `targets` (duplicates ignored); a 422 on `field` naming the
    /// targets that do not exist, before anything changes.
    public func replace<Key: Hashable & Codable & Sendable & CustomStringConvertible>(
        _ owner: Key, with targets: [Key], field: String, on database: any SQLDatabase
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
            try await insert.run()
        }
    }

    /// Links `owner` to `target`; linking twice changes nothing. A 422 on `field` when
    /// `target` does not exist.
    public func attach<Key: Hashable & Codable & Sendable & CustomStringConvertible>(
        _ owner: Key, _ target: Key, field: String, on database: any SQLDatabase
    ) async throws {
        try await requireExisting([target], field: field, on: database)
        try await database.insert(into: table).columns(ownerColumn, targetColumn)
            .values(SQLBind(owner), SQLBind(target))
            .ignoringConflicts(with: [ownerColumn, targetColumn])
            .run()
    }

    /// Unlinks `owner` from `target`; returns whether they were linked.
    @discardableResult
    public func detach<Key: Codable & Sendable>(_ owner: Key, _ target: Key, on database: any SQLDatabase) async throws -> Bool {
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
