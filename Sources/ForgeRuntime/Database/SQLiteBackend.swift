@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteNIO

/// Opens `sqlite:` URLs; every app has it.
struct SQLiteDriver: DatabaseDriver {
    func canOpen(_ url: DatabaseURL) -> Bool {
        switch url {
        case .sqliteFile, .sqliteMemory: true
        case .postgres: false
        }
    }

    func open(_ url: DatabaseURL, logger: Logger, connectionsPerEventLoop: Int, queryLogLevel: Logger.Level?,
              eventLoopGroup: any EventLoopGroup) async throws -> any DatabaseBackend {
        let pool = EventLoopGroupConnectionPool(
            source: try SQLiteSource(url: url),
            maxConnectionsPerEventLoop: connectionsPerEventLoop,
            logger: logger,
            on: eventLoopGroup
        )
        return SQLiteBackend(pool: pool, sql: PooledSQLDatabase(pool: pool, logger: logger, queryLogLevel: queryLogLevel))
    }
}

/// SQLite: a pool of connections, and writers queued one at a time (see ``WriteGate``).
struct SQLiteBackend: DatabaseBackend {
    let pool: EventLoopGroupConnectionPool<SQLiteSource>
    let sql: any SQLDatabase
    private let writeGate = WriteGate()

    init(pool: EventLoopGroupConnectionPool<SQLiteSource>, sql: any SQLDatabase) {
        self.pool = pool
        self.sql = sql
    }

    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        // IMMEDIATE takes the write lock up front, so a transaction never fails half-way on a lock.
        try await writeGate.run { try await runTransaction(begin: "BEGIN IMMEDIATE", work) }
    }

    func schemaTransaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writeGate.run {
            try await sql.withSession { connection in
                // The pragma is per connection and ignored inside a transaction, so it wraps it.
                try await connection.raw("PRAGMA foreign_keys = OFF").run()
                do {
                    let result = try await Self.runTransaction(begin: "BEGIN IMMEDIATE", on: connection) { db in
                        let result = try await work(db)
                        let violations = try await db.raw("PRAGMA foreign_key_check").all(decoding: ForeignKeyViolation.self)
                        guard violations.isEmpty else {
                            throw SchemaChangeError("rows of \(Set(violations.map(\.table)).sorted().joined(separator: ", ")) would point at rows that do not exist")
                        }
                        return result
                    }
                    try await connection.raw("PRAGMA foreign_keys = ON").run()
                    return result
                } catch {
                    try? await connection.raw("PRAGMA foreign_keys = ON").run()
                    throw error
                }
            }
        }
    }

    func translate(_ error: any Error) -> AppError? {
        guard let error = error as? SQLiteError else { return nil }
        if let field = Self.uniqueViolationField(error) {
            return .conflict(field: field)
        }
        if error.message.contains("FOREIGN KEY constraint failed") {
            return .foreignKeyConflict
        }
        return nil
    }

    /// The column named by SQLite's `UNIQUE constraint failed: table.column` message.
    static func uniqueViolationField(_ error: SQLiteError) -> String? {
        let marker = "UNIQUE constraint failed: "
        guard let range = error.message.range(of: marker) else { return nil }
        let columns = error.message[range.upperBound...].split(separator: ",")
        guard let first = columns.first else { return "value" }
        return first.split(separator: ".").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "value"
    }

    func message(for error: any Error) -> String {
        (error as? SQLiteError)?.message ?? "\(error)"
    }

    func dropAllTables() async throws {
        struct Row: Decodable { let name: String }
        try await sql.withSession { connection in
            // Foreign keys would refuse to drop a parent before its children; the pragma is
            // per connection and ignored inside a transaction, so it wraps the drops.
            try await connection.raw("PRAGMA foreign_keys = OFF").run()
            do {
                let tables = try await connection.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                    .all(decoding: Row.self)
                for table in tables {
                    try await connection.drop(table: table.name).ifExists().run()
                }
            } catch {
                try? await connection.raw("PRAGMA foreign_keys = ON").run()
                throw error
            }
            try await connection.raw("PRAGMA foreign_keys = ON").run()
        }
    }

    func version() async throws -> String {
        "SQLite \(SQLiteConnection.libraryVersionString())"
    }

    func close() async throws {
        do {
            try await pool.shutdownAsync()
        } catch ConnectionPoolError.shutdown {
            return
        }
        if let scratch = pool.source.scratchPath {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                try? FileManager.default.removeItem(atPath: scratch + suffix)
            }
        }
    }
}

/// A row of SQLite's `PRAGMA foreign_key_check`.
private struct ForeignKeyViolation: Decodable {
    let table: String
}
