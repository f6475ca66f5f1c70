import Foundation
import Testing

/// One of every `make:*` generator into the whole-loop app, before it is built: the app then
/// builds with no warnings and passes its own tests with all of them registered. Also the
/// safe-write promises through the real binary: idempotence, --dry-run, --json, conflicts,
/// --force, atomic failure, published templates.
enum EveryGeneratorSteps {
    /// The migrations these steps add to the app's one `create_posts`.
    static let migrationCount = 6

    static func run(forge: String, app: URL) throws {
        @discardableResult func make(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandResult {
            let result = try runCommand([forge] + arguments, in: app)
            #expect(result.status == 0, "forge \(arguments.joined(separator: " ")):\n\(result.output)", sourceLocation: sourceLocation)
            return result
        }
        try make(["make:model", "Tag", "-f", "name:string:required,max:40,unique", "-m"])
        try make(["make:controller", "Tag"])
        try make(["make:test", "Tag"])
        try make(["make:migration", "create_labels", "-f", "title:string:required", "-f", "tag:references/Tag"])
        try make(["make:migration", "add_color_and_rank_to_tags", "-f", "color:color:required,default:#336699", "-f", "rank:integer:unique"])
        try make(["make:migration", "remove_rank_from_tags", "-f", "rank:integer:unique"])
        try make(["make:migration", "backfill_tag_names"])
        try make(["make:controller", "Search"])
        try make(["make:route", "Webhooks"])
        try make(["make:service", "Billing"])
        try make(["make:middleware", "Audit"])
        try make(["make:seeder", "Demo"])
        try make(["make:test", "Checkout"])
        try make(["make:enum", "OrderStatus", "-v", "pending", "-v", "paid", "-v", "in-transit"])
        try make(["make:exception", "PaymentRequired", "-s", "402"])
        try make(["make:resource", "Order", "-f", "total:money:required,ge:0", "-p"])
        try make(["make:route", "Account", "--protected"])
        try make(["make:repository", "Post", "--force"])
        try make(["make:request", "Post"])
        try make(["make:factory", "Post"])
        try make(["make:seeder", "Post"])
        try make(["make:service", "Post"])

        // The same command twice changes nothing and says so.
        #expect(try make(["make:controller", "Search"]).output.contains("up to date"))
        #expect(try make(["make:enum", "OrderStatus", "-v", "pending", "-v", "paid", "-v", "in-transit"]).output.contains("up to date"))

        // --dry-run prints a diff and writes nothing; --json is data.
        let before = snapshotSources(app)
        let dry = try make(["make:middleware", "Timing", "--dry-run"])
        #expect(dry.output.contains("+++ b/Sources/App/Middleware/TimingMiddleware.swift"), "\(dry.output)")
        #expect(dry.output.contains("+        TimingMiddleware(),"), "\(dry.output)")
        #expect(snapshotSources(app) == before)
        let json = try make(["make:route", "Hooks", "--dry-run", "--json"])
        let report = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect(report?["dry_run"] as? Bool == true)
        #expect((report?["created"] as? [String])?.contains("Sources/App/Routes/HooksRoutes.swift") == true, "\(json.output)")
        #expect(snapshotSources(app) == before)

        // An edited file keeps its edits when forge renders it again (three-way merge against
        // the base in .forge/base), until --force.
        let service = app.appendingPathComponent("Sources/App/Services/BillingService.swift")
        let edited = try String(contentsOf: service, encoding: .utf8) + "// mine\n"
        try Data(edited.utf8).write(to: service)
        let kept = try runCommand([forge, "make:service", "Billing", "--json"], in: app)
        #expect(kept.status == 0 && kept.output.contains("\"skipped\":[\"Sources/App/Services/BillingService.swift\""), "\(kept.output)")
        #expect(try String(contentsOf: service, encoding: .utf8) == edited)
        #expect(try make(["make:service", "Billing", "--force"]).output.contains("update"))
        #expect(try String(contentsOf: service, encoding: .utf8) != edited)

        // A failing command leaves the tree byte-identical.
        let beforeFailure = snapshotSources(app)
        let failed = try runCommand([forge, "make:migration", "add_code_to_tags", "-f", "code:string:required"], in: app)
        #expect(failed.status != 0 && failed.output.contains("needs a default"), "\(failed.output)")
        #expect(snapshotSources(app) == beforeFailure)

        // Published templates override the built-in ones, and stale ones are named.
        try make(["stub:publish", "component/Enum.swift"])
        let published = app.appendingPathComponent(".forge/templates/component/Enum.swift.mustache")
        let template = try String(contentsOf: published, encoding: .utf8)
            .replacingOccurrences(of: "{{! forge-template 1 }}", with: "{{! forge-template 0 }}")
            .replacingOccurrences(of: "/// The values of", with: "/// Custom: the values of")
        try Data(template.utf8).write(to: published)
        let custom = try make(["make:enum", "Size", "-v", "small", "-v", "large"])
        #expect(custom.output.contains("warning: your published template component/Enum.swift is version 0"), "\(custom.output)")
        #expect(try String(contentsOf: app.appendingPathComponent("Sources/App/Enums/Size.swift"), encoding: .utf8).contains("/// Custom: the values of"))

        // Outside an app, one line.
        let outside = try runCommand([forge, "make:service", "Billing"], in: app.deletingLastPathComponent())
        #expect(outside.status != 0 && outside.output.split(separator: "\n").count == 1, "\(outside.output)")

        let list = try make(["list"])
        for command in ["make:model", "make:migration", "make:controller", "make:route", "make:service", "make:repository",
                        "make:request", "make:middleware", "make:test", "make:factory", "make:seeder", "make:enum",
                        "make:exception", "stub:publish"] {
            #expect(list.output.contains(command), "forge list lacks \(command)")
        }
    }

    /// Every file the app's commands may write, path → contents (the build folder excluded).
    static func snapshotSources(_ app: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: app, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            let path = String(url.path.dropFirst(app.path.count))
            if path.hasPrefix("/.build") || path.hasPrefix("/db/") {
                enumerator?.skipDescendants()
                continue
            }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }
}
