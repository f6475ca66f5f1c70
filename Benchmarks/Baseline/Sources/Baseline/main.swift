// Baseline: `Baseline serve DB PORT` serves posts from the table a generated app created.
import Foundation
import Hummingbird
import NIOPosix
import SQLiteKit

struct Post: Codable, Sendable, ResponseEncodable {
    var id: Int
    var title: String
    var body: String
    var views: Int?
    var created_at: Date
    var updated_at: Date
}

struct NewPost: Codable, Sendable {
    var title: String
    var body: String
    var views: Int?
}

struct Row: Codable, Sendable {
    var title: String
    var body: String
    var views: Int?
    var created_at: Date
    var updated_at: Date
}

struct PoolDatabase: SQLDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteConnectionSource>
    let logger: Logger
    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool.withConnection { $0.sql(queryLogLevel: nil).execute(sql: query, onRow) }
    }
}

extension EventLoopGroupConnectionPool: @retroactive @unchecked Sendable {}

let arguments = CommandLine.arguments
guard arguments.count == 4, arguments[1] == "serve", let port = Int(arguments[3]) else {
    print("usage: Baseline serve DB PORT")
    exit(64)
}
var logger = Logger(label: "baseline")
logger.logLevel = .warning
let pool = EventLoopGroupConnectionPool(
    source: SQLiteConnectionSource(configuration: .init(storage: .file(path: arguments[2]))),
    maxConnectionsPerEventLoop: 2,
    logger: logger,
    on: MultiThreadedEventLoopGroup.singleton
)
let database = PoolDatabase(pool: pool, logger: logger)

let router = Router()
router.get("/api/posts/{id}") { _, context -> Post in
    guard let id = context.parameters.get("id", as: Int.self),
          let post = try await database.select().column("*").from("posts").where("id", .equal, id).first(decoding: Post.self)
    else { throw HTTPError(.notFound) }
    return post
}
router.post("/api/posts") { request, context -> EditedResponse<Post> in
    let new = try await request.decode(as: NewPost.self, context: context)
    let now = Date()
    let row = Row(title: new.title, body: new.body, views: new.views, created_at: now, updated_at: now)
    guard let post = try await database.insert(into: "posts").model(row).returning("*").first(decoding: Post.self) else {
        throw HTTPError(.internalServerError)
    }
    return EditedResponse(status: .created, response: post)
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
try await app.runService()
