import Foundation
import Testing

/// A resource that evolves on a real SQLite database: rows seeded, the model and the service
/// edited by hand, then one `forge alter` that adds, renames, changes and drops fields. The
/// app builds without warnings, migrates keeping every kept value, passes its generated tests,
/// keeps the hand edits, rolls back to the old schema with the data, survives `forge upgrade`
/// and is removed by `forge destroy`.
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct AlterAppTests {
    /// The database an app of this test runs on: SQLite, or PostgreSQL when FORGE_POSTGRES_URL
    /// names a server (its own database, so it never meets another suite's tables).
    enum Engine: String, CaseIterable, Sendable {
        case sqlite, postgres

        static var available: [Engine] { postgresBaseURL == nil ? [.sqlite] : allCases }

        var url: String? {
            self == .postgres ? postgresBaseURL?.replacingOccurrences(of: "/forge_test", with: "/forge_e2e_alter") : nil
        }

        var environment: [String: String] { url.map { ["DATABASE_URL": $0] } ?? [:] }
    }

    /// The rows `query` reads from the app's database: Python's sqlite3 (the CI machine has no
    /// sqlite3 shell) or psql.
    func rows(_ query: String, in app: URL, on engine: Engine) throws -> CommandResult {
        if let url = engine.url {
            return try runCommand(["psql", url, "-AtX", "-v", "ON_ERROR_STOP=1", "-c", query], in: app)
        }
        return try runCommand(["python3", "-c", "import sqlite3, sys; print(sqlite3.connect('db/development.sqlite').execute(sys.argv[1]).fetchall())", query], in: app)
    }

    @Test(arguments: Engine.available)
    func alterKeepsRowsAndHandEditsAndRollsBack(engine: Engine) throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "alter-\(engine.rawValue)", app: "shop")
        let app = folder.appendingPathComponent("shop")
        #expect(try runCommand([forge, "new", "shop", "--no-auth", "--db", engine.rawValue], in: folder).status == 0)
        try restoreBuildCache(folder: folder, app: "shop")
        let env = engine.environment
        if let url = engine.url {
            // A clean schema: the tables of an earlier run would make this one's first migrate fail.
            #expect(try runCommand(["psql", url, "-qAtX", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public"], in: app).status == 0)
        }
        func rows(_ query: String) throws -> CommandResult { try self.rows(query, in: app, on: engine) }
        let made = try runCommand([forge, "make:resource", "Post", "-f", "title:string:required,max:120", "-f", "body:text",
                                   "-f", "views:integer:default:0", "-f", "rating:integer"], in: app)
        #expect(made.status == 0, "\(made.output)")
        #expect(try runCommand([forge, "db:migrate"], in: app, environment: env).status == 0)
        let seeded = try runCommand([forge, "db:seed", "--seeder", "Post", "--count", "25"], in: app, environment: env)
        #expect(seeded.status == 0, "\(seeded.output)")
        let before = try rows("SELECT id, title, body, views FROM posts ORDER BY id")

        // Hand edits in two layers forge renders again.
        let model = app.appendingPathComponent("Sources/App/Models/Post.swift")
        try (String(contentsOf: model, encoding: .utf8) + "\nextension Post {\n    var shouting: String { title.uppercased() }\n}\n")
            .write(to: model, atomically: true, encoding: .utf8)
        let service = app.appendingPathComponent("Sources/App/Services/PostService.swift")
        let edited = try String(contentsOf: service, encoding: .utf8)
            .replacingOccurrences(of: "struct PostService: Sendable {\n", with: "struct PostService: Sendable {\n    /// Written by hand.\n    static let pageLimit = 50\n\n")
        try edited.write(to: service, atomically: true, encoding: .utf8)

        let conflicting = try runCommand([forge, "alter", "Post", "--drop", "nope"], in: app)
        #expect(conflicting.status != 0 && conflicting.output.contains("no field 'nope'"), "\(conflicting.output)")
        let altered = try runCommand([forge, "alter", "Post", "--add", "subtitle:string:max:80", "--rename", "body:content",
                                      "--drop", "rating", "--change", "title:string:required,max:200"], in: app)
        #expect(altered.status == 0, "\(altered.output)")
        #expect(altered.output.contains("merge Sources/App/Models/Post.swift"), "\(altered.output)")
        #expect(try String(contentsOf: model, encoding: .utf8).contains("var shouting: String"))
        #expect(try String(contentsOf: service, encoding: .utf8).contains("static let pageLimit = 50"))

        let (build, warnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(3000))")
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        let migrated = try runCommand([forge, "db:migrate"], in: app, environment: env)
        #expect(migrated.status == 0, "\(migrated.output)")
        let after = try rows("SELECT id, title, content, views FROM posts ORDER BY id")
        #expect(after.output == before.output && !before.output.isEmpty, "rows changed:\n\(before.output)\n---\n\(after.output)")
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(3000))")

        let rolledBack = try runCommand([forge, "db:rollback"], in: app, environment: env)
        #expect(rolledBack.status == 0, "\(rolledBack.output)")
        let restored = try rows("SELECT id, title, body, views FROM posts ORDER BY id")
        #expect(restored.output == before.output, "\(restored.output)")
        #expect(try runCommand([forge, "db:migrate"], in: app, environment: env).status == 0)

        // forge upgrade renders everything again through the merge; a second run changes nothing.
        let upgraded = try runCommand([forge, "upgrade"], in: app)
        #expect(upgraded.status == 0, "\(upgraded.output)")
        let again = try runCommand([forge, "upgrade"], in: app)
        #expect(again.status == 0 && again.output.contains("up to date"), "\(again.output)")
        #expect(try String(contentsOf: model, encoding: .utf8).contains("var shouting: String"))

        // forge destroy: edited files stop it; with --force the files go, and since the table's
        // migrations ran, a new migration drops the table.
        let refused = try runCommand([forge, "destroy", "Post"], in: app, environment: env)
        #expect(refused.status != 0 && refused.output.contains("Sources/App/Models/Post.swift"), "\(refused.output)")
        #expect(FileManager.default.fileExists(atPath: model.path))
        let destroyed = try runCommand([forge, "destroy", "Post", "--force"], in: app, environment: env)
        #expect(destroyed.status == 0 && destroyed.output.contains("create Sources/App/Migrations/DropPosts.swift"), "\(destroyed.output)")
        #expect(!FileManager.default.fileExists(atPath: model.path))
        let dropped = try runCommand([forge, "db:migrate"], in: app, environment: env)
        #expect(dropped.status == 0, "\(dropped.output)")
        let tables = try rows(engine == .postgres
            ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'posts'"
            : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'posts'")
        #expect(["0", "[(0,)]"].contains(tables.output.trimmingCharacters(in: .whitespacesAndNewlines)), "\(tables.output)")
        let (rebuilt, leftovers) = try buildApp(app)
        #expect(rebuilt.status == 0 && leftovers.isEmpty, "\(rebuilt.output.suffix(2000))")
    }
}
