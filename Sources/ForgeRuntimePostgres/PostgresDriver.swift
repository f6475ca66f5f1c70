@preconcurrency import AsyncKit
import Foundation
import ForgeRuntime
import Logging
import NIOCore
import PostgresKit

/// Opens `postgres://` URLs for apps made with `forge new --db postgres`:
/// `AppDefinition(name:migrations:seeders:drivers: [PostgresDriver()])`.
public struct PostgresDriver: DatabaseDriver {
    public init() {}

    public func canOpen(_ url: DatabaseURL) -> Bool {
        if case .postgres = url { return true }
        return false
    }

    public func open(_ url: DatabaseURL, logger: Logger, connectionsPerEventLoop: Int, queryLogLevel: Logger.Level?,
                     eventLoopGroup: any EventLoopGroup) async throws -> any DatabaseBackend {
        guard case .postgres(let text) = url else {
            throw PostgresDriverError("\(url) is not a PostgreSQL URL")
        }
        let configuration: SQLPostgresConfiguration
        do {
            configuration = try SQLPostgresConfiguration(url: text)
        } catch {
            throw PostgresDriverError("DATABASE_URL \(url) is not a PostgreSQL URL forge can use: write postgres://USER:PASSWORD@HOST:5432/DATABASE")
        }
        let pool = EventLoopGroupConnectionPool(
            source: PostgresConnectionSource(sqlConfiguration: configuration),
            maxConnectionsPerEventLoop: connectionsPerEventLoop,
            logger: logger,
            on: eventLoopGroup
        )
        return PostgresBackend(pool: pool, sql: pool.database(logger: logger).sql(queryLogLevel: queryLogLevel))
    }
}

/// PostgreSQL: a pool of connections; transactions run concurrently, the server orders them.
struct PostgresBackend: DatabaseBackend {
    let pool: EventLoopGroupConnectionPool<PostgresConnectionSource>
    let sql: any SQLDatabase

    func transaction<T: Sendable>(_ work: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await runTransaction(begin: "BEGIN", work)
    }

    func translate(_ error: any Error) -> AppError? {
        guard let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] else { return nil }
        switch state {
        case "23505":
            return .conflict(field: Self.keyColumn(in: error.serverInfo?[.detail]) ?? "value")
        case "23503":
            return .foreignKeyConflict
        default:
            return nil
        }
    }

    /// The column in PostgreSQL's `Key (email)=(a@b.c) already exists.` detail.
    static func keyColumn(in detail: String?) -> String? {
        guard let detail, let open = detail.range(of: "Key ("), let close = detail[open.upperBound...].firstIndex(of: ")") else { return nil }
        return detail[open.upperBound..<close].split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func message(for error: any Error) -> String {
        guard let error = error as? PSQLError, let info = error.serverInfo, let message = info[.message] else { return "\(error)" }
        return [message, info[.detail], info[.hint].map { "hint: \($0)" }].compactMap { $0 }.joined(separator: "; ")
    }

    func dropAllTables() async throws {
        struct Row: Decodable { let tablename: String }
        let tables = try await sql.raw("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()").all(decoding: Row.self)
        guard !tables.isEmpty else { return }
        let list = SQLList(tables.map { SQLIdentifier($0.tablename) })
        try await sql.raw("DROP TABLE IF EXISTS \(list) CASCADE").run()
    }

    func version() async throws -> String {
        struct Row: Decodable { let version: String }
        let row = try await sql.raw("SELECT current_setting('server_version') AS version").first(decoding: Row.self)
        return "PostgreSQL \(row?.version.split(separator: " ").first.map(String.init) ?? "unknown")"
    }

    func close() async throws {
        do {
            try await pool.shutdownAsync()
        } catch ConnectionPoolError.shutdown {
            return
        }
    }
}

/// Why a PostgreSQL database could not be opened.
public struct PostgresDriverError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
