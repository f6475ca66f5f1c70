import Foundation
import SQLKit

/// Applies and tracks migrations in batches, each migration inside its own transaction.
///
/// The record lives in the `forge_migrations` table: one row per applied migration with the
/// batch it ran in, so a rollback can undo exactly the last `forge db:migrate`.
public struct MigrationRunner: Sendable {
    /// The table that records applied migrations.
    public static let table = "forge_migrations"

    private let database: Database
    private let migrations: [any Migration]

    /// A runner for `migrations`, sorted by name.
    public init(database: Database, migrations: [any Migration]) {
        self.database = database
        self.migrations = migrations.sorted { $0.name < $1.name }
    }

    /// Where each known and recorded migration stands.
    public struct Status: Sendable, Codable, Equatable {
        /// Applied migrations, oldest first, with their batch.
        public var applied: [AppliedMigration]
        /// Migrations in code that have not run.
        public var pending: [String]
        /// Recorded migrations that no longer exist in code.
        public var orphaned: [String]
    }

    /// A row of `forge_migrations`.
    public struct AppliedMigration: Sendable, Codable, Equatable {
        public var name: String
        public var batch: Int
    }

    /// Applies every pending migration as one new batch and returns their names, oldest first.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await ensureTable()
        let applied = Set(try await appliedMigrations().map(\.name))
        let pending = migrations.filter { !applied.contains($0.name) }
        guard !pending.isEmpty else { return [] }
        let batch = (try await currentBatch() ?? 0) + 1
        for migration in pending {
            do {
                try await database.schemaTransaction { db in
                    try await migration.prepare(on: db)
                    try await db.insert(into: Self.table)
                        .columns("name", "batch", "applied_at")
                        .values(SQLBind(migration.name), SQLBind(batch), SQLBind(Date()))
                        .run()
                }
            } catch {
                throw MigrationError.failed(name: migration.name, reason: database.backend.message(for: error))
            }
        }
        return pending.map(\.name)
    }

    /// Reverts the migrations of the last batch, or the last `steps` migrations whatever their
    /// batch, newest first, and returns their names.
    @discardableResult
    public func rollback(steps: Int? = nil) async throws -> [String] {
        try await ensureTable()
        let applied = try await appliedMigrations()
        if let steps {
            return try await revert(Array(applied.reversed().prefix(steps).map(\.name)))
        }
        guard let batch = try await currentBatch() else { return [] }
        return try await revert(applied.filter { $0.batch == batch }.map(\.name).reversed())
    }

    /// Drops every table (the app's and forge's bookkeeping), then applies every migration as
    /// batch 1, and returns their names.
    @discardableResult
    public func fresh() async throws -> [String] {
        try await database.backend.dropAllTables()
        return try await migrate()
    }

    /// Where every migration stands.
    public func status() async throws -> Status {
        try await ensureTable()
        let applied = try await appliedMigrations()
        let appliedNames = Set(applied.map(\.name))
        let known = Set(migrations.map(\.name))
        return Status(
            applied: applied,
            pending: migrations.map(\.name).filter { !appliedNames.contains($0) },
            orphaned: applied.map(\.name).filter { !known.contains($0) }
        )
    }

    private func revert(_ names: [String]) async throws -> [String] {
        let byName = Dictionary(migrations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in names {
            guard let migration = byName[name] else {
                throw MigrationError.orphaned(name)
            }
            try await database.schemaTransaction { db in
                try await migration.revert(on: db)
                try await db.delete(from: Self.table).where("name", .equal, name).run()
            }
        }
        return names
    }

    private func ensureTable() async throws {
        try await database.sql.create(table: Self.table)
            .ifNotExists()
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("name", type: .text, .notNull, .unique)
            .column("batch", type: .bigint, .notNull)
            .column("applied_at", type: .dialect(sqlite: "TIMESTAMP", postgres: "TIMESTAMPTZ"), .notNull)
            .run()
    }

    private func appliedMigrations() async throws -> [AppliedMigration] {
        try await database.sql.select()
            .columns("name", "batch")
            .from(Self.table)
            .orderBy("batch")
            .orderBy("name")
            .all(decoding: AppliedMigration.self)
    }

    private func currentBatch() async throws -> Int? {
        struct Row: Decodable { let batch: Int? }
        let row = try await database.sql.select()
            .column(SQLFunction("MAX", args: SQLIdentifier("batch")), as: "batch")
            .from(Self.table)
            .first(decoding: Row.self)
        return row?.batch
    }
}

/// A migration problem the runner cannot resolve by itself.
public enum MigrationError: Error, CustomStringConvertible {
    /// A recorded migration has no code to revert it with.
    case orphaned(String)
    /// A migration failed and was rolled back; `reason` is the database's own message.
    case failed(name: String, reason: String)

    public var description: String {
        switch self {
        case .failed(let name, let reason):
            "migration '\(name)' failed and was rolled back, leaving nothing behind: \(reason)"
        case .orphaned(let name):
            "migration '\(name)' is recorded as applied but no longer exists in the app's code; restore it before rolling back"
        }
    }
}
