import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import SQLiteNIO

/// Opens SQLite connections the way every forge app wants them: foreign keys enforced,
/// a busy timeout instead of instant `SQLITE_BUSY` errors, and WAL journaling for files.
struct SQLiteSource: ConnectionPoolSource, Sendable {
    let storage: SQLiteConnection.Storage
    let isFile: Bool
    /// The scratch file that stands in for an in-memory database, removed on close.
    let scratchPath: String?
    let busyTimeoutMilliseconds: Int

    init(url: DatabaseURL, busyTimeoutMilliseconds: Int = 5_000) throws {
        switch url {
        case .sqliteFile(let path):
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            self.storage = .file(path: path)
            self.isFile = true
            self.scratchPath = nil
        case .sqliteMemory:
            // sqlite-nio builds SQLite without shared cache, so pooled connections cannot share a
            // `:memory:` database; a private scratch file gives the same isolation.
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("forge-memory-\(UUID().uuidString).sqlite").path
            self.storage = .file(path: path)
            self.isFile = false
            self.scratchPath = path
        case .postgres:
            throw ConfigurationError(key: "DATABASE_URL", message: "\(url) is not a SQLite database")
        }
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
    }

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        let pragmas = ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)"]
            + (isFile ? ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL"] : [])
        return SQLiteConnection.open(storage: storage, threadPool: .singleton, logger: logger, on: eventLoop)
            .flatMap { connection in
                pragmas.reduce(eventLoop.makeSucceededVoidFuture()) { previous, pragma in
                    previous.flatMap { connection.query(pragma).map { _ in } }
                }
                .map { connection }
            }
    }
}
