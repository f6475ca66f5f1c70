import ForgeCore
import Foundation
import Testing

/// Compares generated code with the files under Fixtures/golden. Re-record with
/// `FORGE_RECORD_GOLDEN=1 swift test --filter GoldenFileTests`.
@Suite(.serialized) struct GoldenFileTests {
    static let isRecording = ProcessInfo.processInfo.environment["FORGE_RECORD_GOLDEN"] == "1"
    static let fixedDate = Date(timeIntervalSince1970: 1_764_072_000)

    @Test func newApp() throws {
        let files = try AppGenerator(name: "blog", runtimePath: "/opt/forge", templates: builtInTemplates)
            .files(secret: String(repeating: "0", count: 64), jwtSecret: String(repeating: "1", count: 64))
        try compare(files, with: "new-app")
    }

    @Test func newPostgresApp() throws {
        let files = try AppGenerator(name: "shop", runtimePath: "/opt/forge", templates: builtInTemplates, database: .postgres, auth: false)
            .files(secret: String(repeating: "0", count: 64), jwtSecret: String(repeating: "1", count: 64))
        // The development URL names the user running forge; the golden file is written for "dev".
        let portable = files.map { file in
            GeneratedFile(path: file.path, contents: file.contents.replacingOccurrences(of: "postgres://\(NSUserName())@", with: "postgres://dev@"),
                          ownership: file.ownership)
        }
        try compare(portable, with: "new-app-postgres")
    }

    @Test func resourceWithEveryType() throws {
        let plan = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates).plan(
            name: "Article",
            specs: [
                "title:string:required,max:200,unique",
                "body:text:required",
                "views:integer:min:0,default:0",
                "rank:bigint:index",
                "rating:float:min:0,max:5",
                "featured:boolean:default:false",
                "published_at:datetime",
                "contact_email:email:required",
                "homepage:url",
            ],
            softDeletes: true,
            date: Self.fixedDate
        )
        try compare(plan.files, with: "resource-article")
    }

    /// Every type and every rule of the spec language, references included (one spec per line).
    static var everyTypeSpecs: [String] {
        get throws {
            try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/every-type.specs"), encoding: .utf8)
                .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        }
    }

    @Test func resourceWithEveryTypeAndRule() throws {
        let categories = try ResourceGenerator(manifest: Manifest(appName: "shop"), templates: builtInTemplates)
            .plan(name: "Category", specs: ["title:string:required,max:80"], date: Self.fixedDate)
        let plan = try ResourceGenerator(manifest: categories.manifest, templates: builtInTemplates)
            .plan(name: "Product", specs: try Self.everyTypeSpecs, date: Self.fixedDate.addingTimeInterval(60))
        try compare(plan.files, with: "resource-product-every-type")
    }

    @Test func resourceWithPublicIDs() throws {
        let agents = try ResourceGenerator(manifest: Manifest(appName: "desk", ids: .dual), templates: builtInTemplates)
            .plan(name: "Agent", specs: ["name:string:required"], date: Self.fixedDate)
        let plan = try ResourceGenerator(manifest: agents.manifest, templates: builtInTemplates).plan(
            name: "Ticket",
            specs: ["subject:string:required,max:120", "priority:integer:min:1,max:5", "reporter_email:email:unique",
                    "assignee:references/Agent:on_delete:cascade"],
            date: Self.fixedDate.addingTimeInterval(60)
        )
        try compare(plan.files, with: "resource-ticket-dual-ids")
    }

    /// `forge alter` with one of each change: the migration (SQLite rebuild, PostgreSQL in
    /// place), the manifest and the layers it renders again.
    @Test func alteredResource() throws {
        let posts = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates).plan(
            name: "Post",
            specs: ["title:string:required,max:120", "body:text", "views:integer:default:0", "slug:slug:unique", "rating:integer"],
            date: Self.fixedDate
        )
        let plan = try ResourceGenerator(manifest: posts.manifest, templates: builtInTemplates).alter(
            name: "Post",
            ResourceAlteration(add: ["subtitle:string:max:80", "status:enum/draft/live:default:draft"], drop: ["rating"],
                               rename: ["body:content"], change: ["title:string:required,max:200", "views:bigint:default:0"]),
            date: Self.fixedDate.addingTimeInterval(60)
        )
        #expect(!plan.files.contains { $0.path.hasSuffix("CreatePosts.swift") }, "the create migration is never rendered again")
        try compare(plan.files, with: "resource-post-altered")
    }

    /// Adding only nullable or defaulted columns alters SQLite in place.
    @Test func alterAddingAColumnAltersInPlace() throws {
        let posts = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string:required"], date: Self.fixedDate)
        let plan = try ResourceGenerator(manifest: posts.manifest, templates: builtInTemplates)
            .alter(name: "Post", ResourceAlteration(add: ["subtitle:string:index"]), date: Self.fixedDate.addingTimeInterval(60))
        let migration = try #require(plan.files.first { $0.path.contains("AlterPosts") }).contents
        let prepare = try #require(migration.components(separatedBy: "func revert").first)
        #expect(prepare.contains(#"try await database.alter(table: "posts").column("subtitle", type: .custom(SQLRaw("VARCHAR(255)"))).run()"#))
        #expect(prepare.contains(#"create(index: "posts_subtitle_index")"#))
        #expect(!prepare.contains("database.rebuild"))
        // A second alteration of the same table gets a type of its own.
        let again = try ResourceGenerator(manifest: plan.manifest, templates: builtInTemplates)
            .alter(name: "Post", ResourceAlteration(drop: ["subtitle"]), date: Self.fixedDate.addingTimeInterval(120))
        #expect(again.files.contains { $0.path == "Sources/App/Migrations/AlterPosts2.swift" })
        #expect(again.manifest.resources[0].alterations?.count == 2)
    }

    @Test func resourceGenerationIsIdempotent() throws {
        let generator = ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates)
        let first = try generator.plan(name: "Post", specs: ["title:string:required"], date: Self.fixedDate)
        let again = try ResourceGenerator(manifest: first.manifest, templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string:required"], date: Self.fixedDate.addingTimeInterval(3600))
        #expect(again.files == first.files)
    }

    /// One of every generator, in the order a user might run them, each planned on the manifest
    /// the one before left: the files are what the app holds at the end.
    @Test func everyGenerator() throws {
        try compare(try Self.everyGeneratorFiles(), with: "every-generator")
    }

    static func everyGeneratorFiles() throws -> [GeneratedFile] {
        var manifest = Manifest(appName: "shop", auth: true)
        var files: [String: GeneratedFile] = [:]
        func take(_ plan: GenerationPlan) {
            manifest = plan.manifest
            for file in plan.files { files[file.path] = file }
        }
        let date = Self.fixedDate
        var resources: ResourceGenerator { ResourceGenerator(manifest: manifest, templates: builtInTemplates) }
        var components: ComponentGenerator { ComponentGenerator(manifest: manifest, templates: builtInTemplates) }
        take(try resources.plan(name: "Tag", specs: ["name:string:required,max:40,unique"], layers: [.model, .migration], date: date))
        take(try resources.plan(layer: .controller, name: "Tag"))
        take(try resources.plan(layer: .test, name: "Tag"))
        take(try components.migration("create_labels", specs: ["title:string:required", "tag:references/Tag"], date: date.addingTimeInterval(60)))
        take(try components.migration("add_color_and_rank_to_tags", specs: ["color:color:required,default:#336699", "rank:integer:unique"], date: date.addingTimeInterval(120)))
        take(try components.migration("remove_rank_from_tags", specs: ["rank:integer:unique"], date: date.addingTimeInterval(180)))
        take(try components.migration("backfill_tag_names", specs: [], date: date.addingTimeInterval(240)))
        take(try components.controller("Search"))
        take(try components.route("Webhooks", protected: false))
        take(try components.service("Billing"))
        take(try components.middleware("Audit"))
        take(try components.seeder("Demo"))
        take(try components.test("Checkout"))
        take(try components.enumeration("OrderStatus", values: ["pending", "paid", "in-transit", "default"]))
        take(try components.exception("PaymentRequired", status: 402))
        take(try resources.plan(name: "Order", specs: ["total:money:required,ge:0"], protected: true, date: date.addingTimeInterval(300)))
        take(try components.route("Account", protected: true))
        return files.values.sorted { $0.path < $1.path }
    }

    /// Golden files carry a `.golden` suffix, so a generated `.gitignore` stays inert inside
    /// Fixtures/ and a generated `.env` is not ignored by git.
    private func compare(_ files: [GeneratedFile], with name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = repositoryRoot.appendingPathComponent("Fixtures/golden/\(name)")
        if Self.isRecording {
            try? FileManager.default.removeItem(at: directory)
            try FileChangeSet(root: directory, files: files.map { GeneratedFile(path: $0.path + ".golden", contents: $0.contents, ownership: .forge) }).apply()
            try FileManager.default.removeItem(at: directory.appendingPathComponent(".forge"))
            return
        }
        let expected = Dictionary(uniqueKeysWithValues: snapshot(directory).map { (String($0.key.dropLast(".golden".count)), $0.value) })
        #expect(!expected.isEmpty, "no golden files at \(directory.path); record them with FORGE_RECORD_GOLDEN=1", sourceLocation: sourceLocation)
        #expect(Set(expected.keys) == Set(files.map { "/" + $0.path }), sourceLocation: sourceLocation)
        for file in files {
            let golden = expected["/" + file.path].map { String(decoding: $0, as: UTF8.self) }
            #expect(golden == file.contents, "\(file.path) differs from Fixtures/golden/\(name)", sourceLocation: sourceLocation)
        }
    }
}
