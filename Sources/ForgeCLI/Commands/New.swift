import ArgumentParser
import Foundation
import ForgeCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new app in ./NAME.",
        discussion: """
        Writes Package.swift (linked to ForgeRuntime), forge.yaml, .env with fresh secrets,
        the app entry point, health routes, the auth module (/api/auth/*: register, login,
        refresh, logout, me, password and email flows) and a passing test target. Works offline.

        Examples:
          forge new shop
          forge new shop --ids dual                # UUIDs in the API, integer keys inside
          forge new shop --db postgres             # PostgreSQL; DATABASE_URL in .env names the server
          forge new shop --no-auth                 # no users, no /api/auth routes
          forge new shop --runtime ~/src/forge     # link a forge checkout instead of this installation
          forge new shop --runtime-source          # build ForgeRuntime in the app instead of linking the prebuilt one
        """
    )

    @Argument(help: "The app's name: lowercase letters, digits and hyphens.")
    var name: String

    @Option(help: "The database: sqlite (a file, the default) or postgres (links ForgeRuntimePostgres).")
    var db: AppGenerator.DatabaseKind = .sqlite

    @Option(help: "How the API names rows: integer, or dual (integer key inside, UUID public_id in every URL and body).")
    var ids: Manifest.IDStyle = .integer

    @Option(help: "The forge package the app links (default: this forge's installation).")
    var runtime: String?

    @Flag(help: "Leave out the auth module (users, /api/auth/*, JWT_SECRET).")
    var noAuth = false

    @Flag(help: "Build ForgeRuntime from source in the app (minutes) instead of linking the runtime this installation built once; FORGE_RUNTIME=prebuilt|source switches any app.")
    var runtimeSource = false

    func validate() throws {
        try AppNames.validate(name)
    }

    func run() throws {
        let installation = try Installation.locate()
        var runtimeRoot = installation.root
        if let runtime {
            runtimeRoot = URL(fileURLWithPath: runtime).standardizedFileURL
            guard Installation.isValid(runtimeRoot) else {
                throw ForgeError("--runtime \(runtime) is not a forge package (it needs Package.swift, Sources/ForgeRuntime and Templates)")
            }
        }
        let target = Console.directory.appendingPathComponent(name)
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
            throw ForgeError("./\(name) already exists and is not empty; choose another name or remove it")
        }
        let files = try AppGenerator(name: name, runtimePath: runtimeRoot.path, templates: installation.templates(), ids: ids, database: db, auth: !noAuth, runtimeFromSource: runtimeSource).files()
        try FileChangeSet(root: target, files: files).apply()
        Console.out(Console.success("Created \(name)") + " (\(files.count) files), linked to ForgeRuntime at \(runtimeRoot.path)")
        Console.out("""
        Next:
          cd \(name)
          forge make:resource Post -f title:string:required,max:200 -f body:text:required
          forge db:migrate
          forge serve
        """)
    }
}

extension Manifest.IDStyle: ExpressibleByArgument {}
extension AppGenerator.DatabaseKind: ExpressibleByArgument {}
