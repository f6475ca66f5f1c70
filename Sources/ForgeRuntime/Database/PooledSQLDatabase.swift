@preconcurrency import AsyncKit
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO

/// An `SQLDatabase` over a SQLite connection pool: each statement borrows a connection,
/// and `withSession` keeps one connection for a whole closure (what transactions need).
///
/// sqlite-kit ships no such adapter (postgres-kit does), so this small one fills the gap.
struct PooledSQLDatabase: SQLDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteSource>
    let logger: Logger
    let queryLogLevel: Logger.Level?

    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let level = queryLogLevel
        return pool.withConnection(logger: logger) { connection in
            connection.sql(queryLogLevel: level).execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection, logger: logger) }
        return try await closure(connection.sql(queryLogLevel: queryLogLevel))
    }
}

// The pool guards its own state with a lock; AsyncKit predates Sendable annotations.
extension EventLoopGroupConnectionPool: @retroactive @unchecked Sendable {}
