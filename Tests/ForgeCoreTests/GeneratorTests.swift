@testable import ForgeCore
import Foundation
import Testing

/// The `make:*` generators beyond make:resource: what they register, what they refuse.
@Suite struct GeneratorTests {
    let date = Date(timeIntervalSince1970: 1_764_072_000)

    private func components(_ manifest: Manifest = Manifest(appName: "shop")) -> ComponentGenerator {
        ComponentGenerator(manifest: manifest, templates: builtInTemplates)
    }

    private func resources(_ manifest: Manifest = Manifest(appName: "shop")) -> ResourceGenerator {
        ResourceGenerator(manifest: manifest, templates: builtInTemplates)
    }

    private func message(_ work: () throws -> Void) -> String? {
        do {
            try work()
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// Models and responses name their columns through the snake-case key strategies; only a
    /// field whose name the strategies cannot round-trip makes forge spell every key.
    @Test func codingKeysAppearOnlyWhereSnakeCaseCannotRoundTrip() throws {
        func file(_ plan: ResourceGenerator.Plan, _ suffix: String) throws -> String {
            try #require(plan.files.first { $0.path.hasSuffix(suffix) }?.contents)
        }
        let plain = try resources().plan(name: "Post", specs: ["title:string:required", "view_count:integer"], date: date)
        #expect(try !file(plain, "Models/Post.swift").contains("CodingKeys"))
        #expect(try !file(plain, "DTOs/PostResponse.swift").contains("CodingKeys"))
        #expect(try file(plain, "DTOs/PostResponse.swift").contains("@Nullable var viewCount: Int?"))
        let digits = try resources().plan(name: "Photo", specs: ["title:string:required", "size_2x:string"], date: date)
        #expect(try file(digits, "Models/Photo.swift").contains("case size2x = \"size_2x\""))
        #expect(try file(digits, "DTOs/PhotoResponse.swift").contains("case size2x = \"size_2x\""))
    }

    @Test func aModelAloneRegistersOnlyItsMigrationAndLaterLayersBringWhatTheyNeed() throws {
        let model = try resources().plan(name: "Tag", specs: ["name:string:required"], layers: [.model, .migration], date: date)
        #expect(model.files.map(\.path) == ["Sources/App/Models/Tag.swift", "Sources/App/Migrations/CreateTags.swift", "forge.yaml", "Sources/App/Forge/OpenAPI.swift", "Sources/App/Forge/Registry.swift"])
        #expect(model.manifest.resources[0].layers == [.model, .migration])
        let registry = try #require(model.files.last?.contents)
        #expect(registry.contains("CreateTags(),"))
        #expect(!registry.contains("TagController"))
        #expect(!registry.contains("TagSeeder"))

        let controller = try resources(model.manifest).plan(layer: .controller, name: "Tag")
        #expect(Set(controller.files.map(\.path)).isSuperset(of: [
            "Sources/App/Repositories/TagRepository.swift", "Sources/App/DTOs/CreateTagRequest.swift",
            "Sources/App/DTOs/TagResponse.swift", "Sources/App/Services/TagService.swift", "Sources/App/Controllers/TagController.swift",
        ]))
        #expect(!controller.files.map(\.path).contains("Sources/App/Models/Tag.swift"))
        #expect(controller.files.last?.contents.contains("routes.register(TagController(service: TagService(database: database)))") == true)

        let full = try resources(controller.manifest).plan(name: "Tag", specs: [], date: date)
        #expect(full.manifest.resources[0].layers == nil)
        #expect(full.files.count == 14)
    }

    @Test func makeModelWillNotChangeTheFieldsOfAFullResourceBehindItsOtherLayers() throws {
        let post = try resources().plan(name: "Post", specs: ["title:string"], date: date)
        let error = message { _ = try resources(post.manifest).plan(name: "Post", specs: ["body:text"], layers: [.model], date: date) }
        #expect(error?.contains("forge make:resource Post -f") == true)
    }

    @Test func makeModelWithAMigrationKeepsEveryLayerOfAFullResource() throws {
        let post = try resources().plan(name: "Post", specs: ["title:string"], date: date)
        let model = try resources(post.manifest).plan(name: "Post", specs: [], layers: [.model, .migration], date: date)
        #expect(model.manifest.resources[0].layers == nil)
        #expect(model.files.last?.contents.contains("PostController(service: PostService(database: database))") == true)
    }

    @Test func theManifestKeepsLayersAndComponentsThroughItsOwnReader() throws {
        var plan = try resources().plan(name: "Tag", specs: ["name:string"], layers: [.model], date: date)
        plan = try components(plan.manifest).route("Webhooks", protected: false)
        plan = try components(plan.manifest).middleware("Audit")
        plan = try components(plan.manifest).migration("add_note_to_tags", specs: ["note:text"], date: date)
        let text = try plan.manifest.yaml()
        #expect(try Manifest.parse(text, path: "forge.yaml") == plan.manifest)
        #expect(try Manifest.parseWithYams(text, path: "forge.yaml") == plan.manifest)
    }

    @Test func migrationNamesSayWhatTheyDo() throws {
        let tags = try resources().plan(name: "Tag", specs: ["name:string:required", "note:text:index"], date: date)
        let add = try components(tags.manifest).migration("add_color_to_tags", specs: ["color:color:required,default:#336699,unique"], date: date)
        let addCode = add.files[0].contents
        #expect(add.files[0].path == "Sources/App/Migrations/AddColorToTags.swift")
        #expect(addCode.contains(##"database.alter(table: "tags").column("color", type: .custom(SQLRaw("VARCHAR(7)")), .notNull, .default("#336699")).run()"##))
        #expect(addCode.contains(#"database.create(index: "tags_color_unique").on("tags").column("color").unique().run()"#))
        #expect(addCode.contains(#"database.drop(index: "tags_color_unique").run()"#))

        let remove = try components(tags.manifest).migration("remove_note_from_tags", specs: [], date: date).files[0].contents
        let prepare = try #require(remove.range(of: "func revert"))
        #expect(remove[..<prepare.lowerBound].contains(#"database.alter(table: "tags").dropColumn("note").run()"#))
        #expect(remove[prepare.upperBound...].contains(#"database.alter(table: "tags").column("note", type: .text).run()"#))

        #expect(message { _ = try components(tags.manifest).migration("add_code_to_tags", specs: ["code:string:required"], date: date) }?
            .contains("needs a default") == true)
        #expect(message { _ = try components(tags.manifest).migration("remove_nmae_from_tags", specs: [], date: date) }?
            .contains("did you mean 'name'?") == true)
        #expect(message { _ = try components(tags.manifest).migration("create_tags", specs: ["x:string"], date: date) }?
            .contains("CreateTags") == true)
        #expect(message { _ = try components().migration("add_phone_to_users", specs: [], date: date) }?
            .contains("-f phone:string") == true)
        #expect(message { _ = try components().migration("Add Phone!", specs: [], date: date) } != nil)
    }

    @Test func migrationsMadeInOneSecondKeepTheOrderTheyWereMadeIn() {
        let first = MigrationName.make("create_tags", at: date, after: [])
        let second = MigrationName.make("add_x_to_tags", at: date, after: [first])
        #expect(first == "2025_11_25_120000_create_tags")
        #expect(second == "2025_11_25_120001_add_x_to_tags")
        #expect(MigrationName.make("later", at: date.addingTimeInterval(10), after: [first, second]) == "2025_11_25_120010_later")
        #expect(MigrationName.make("leap", at: Date(timeIntervalSince1970: 951_782_399), after: []) == "2000_02_28_235959_leap")
        #expect(MigrationName.make("next", at: Date(timeIntervalSince1970: 951_782_399), after: ["2000_02_28_235959_leap"]) == "2000_02_29_000000_next")
    }

    @Test func aMigrationRerunKeepsItsNameAndChangesNothing() throws {
        let first = try components().migration("create_labels", specs: ["title:string"], date: date)
        let again = try components(first.manifest).migration("create_labels", specs: ["title:string"], date: date.addingTimeInterval(3600))
        #expect(again.files == first.files)
        #expect(again.manifest == first.manifest)
    }

    @Test func componentsTakeTheNamesUsersType() throws {
        #expect(try components().controller("SearchController").files[0].path == "Sources/App/Controllers/SearchController.swift")
        #expect(try components().middleware("audit").files[0].path == "Sources/App/Middleware/AuditMiddleware.swift")
        #expect(try components().exception("PaymentRequiredException", status: 402).files[0].path == "Sources/App/Errors/PaymentRequiredError.swift")
        #expect(message { _ = try components().route("Health", protected: false) }?.contains("shadow") == true)
        #expect(message { _ = try components().controller("9lives") }?.contains("not a valid name") == true)
    }

    @Test func enumsAndExceptionsRefuseBadInput() {
        #expect(message { _ = try components().enumeration("Status", values: []) }?.contains("-v draft") == true)
        #expect(message { _ = try components().enumeration("Status", values: ["a b"]) }?.contains("'a b'") == true)
        #expect(message { _ = try components().enumeration("Status", values: ["in-transit", "in_transit"]) }?.contains("twice") == true)
        #expect(message { _ = try components().exception("Teapot", status: 302) }?.contains("400-599") == true)
    }

    @Test func publishedTemplatesOverrideAndOldOnesAreNamed() throws {
        let root = try makeScratchDirectory()
        let published = try builtInTemplates.publishable("resource/Model.swift")
        #expect(published.map(\.path) == [".forge/templates/resource/Model.swift.mustache"])
        #expect(try builtInTemplates.publishable("resource").count == 13)
        #expect(message { _ = try builtInTemplates.publishable("resource/Modle.swift") }?.contains("did you mean 'resource/Model.swift'?") == true)
        try FileChangeSet(root: root, files: published).apply()
        let library = TemplateLibrary(directories: [root.appendingPathComponent(TemplateLibrary.publishedFolder)] + builtInTemplates.directories)
        #expect(library.staleOverrides().isEmpty)

        let custom = "{{! forge-template 0 }}\n// custom {{type}}\n"
        try Data(custom.utf8).write(to: root.appendingPathComponent(".forge/templates/resource/Model.swift.mustache"))
        #expect(try library.render("resource/Model.swift", ["type": "Post"]) == "// custom Post\n")
        let warnings = library.staleOverrides()
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("resource/Model.swift is version 0, older than forge's 4") == true)
    }

    @Test func everyBuiltInTemplateDeclaresItsVersion() throws {
        let names = builtInTemplates.builtInNames()
        #expect(names.count >= 30)
        for name in names {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Templates/\(name).mustache"), encoding: .utf8)
            #expect(TemplateLibrary.version(of: text) != nil, "\(name) has no {{! forge-template N }} line")
        }
    }
}

/// `forge doctor`'s secrets check, which fails on what the runtime would refuse.
@Suite struct DoctorSecretsTests {
    let good = "APP_SECRET=" + String(repeating: "0123456789abcdef", count: 4) + "\nJWT_SECRET=" + String(repeating: "fedcba9876543210", count: 4) + "\n"

    @Test func passesWithBothSecrets() {
        #expect(Doctor.secretsCheck(envText: good, needsJWT: true).passed)
    }

    @Test func flagsAMissingOrPlaceholderJWTSecret() {
        let missing = Doctor.secretsCheck(envText: "APP_SECRET=" + String(repeating: "0123456789abcdef", count: 4) + "\n", needsJWT: true)
        #expect(!missing.passed)
        #expect(missing.detail == "JWT_SECRET is not set")
        let placeholder = Doctor.secretsCheck(envText: good + "JWT_SECRET=changeme-changeme-changeme-changeme\n", needsJWT: true)
        #expect(!placeholder.passed)
        #expect(placeholder.detail == "JWT_SECRET is a placeholder")
        #expect(Doctor.secretsCheck(envText: nil, needsJWT: true).fix?.contains("JWT_SECRET") == true)
    }

    @Test func anAppWithoutAuthNeedsNoJWTSecret() {
        #expect(Doctor.secretsCheck(envText: "APP_SECRET=" + String(repeating: "0123456789abcdef", count: 4) + "\n", needsJWT: false).passed)
    }
}
