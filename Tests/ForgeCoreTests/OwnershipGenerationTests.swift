@testable import ForgeCore
import Foundation
import Testing

/// `make:resource NAME -p --owned`: a user_id column, repositories that always name an owner,
/// and references between owned and shared resources that cannot leak another user's rows.
@Suite struct OwnershipGenerationTests {
    static let date = Date(timeIntervalSince1970: 1_764_072_000)

    static func file(_ path: String, in plan: GenerationPlan) -> String? {
        plan.files.first { $0.path == path }?.contents
    }

    static func journal() throws -> GenerationPlan {
        let notebooks = try ResourceGenerator(manifest: Manifest(appName: "journal", auth: true), templates: builtInTemplates)
            .plan(name: "Notebook", specs: ["title:string:required"], protected: true, owned: true, date: date)
        return try ResourceGenerator(manifest: notebooks.manifest, templates: builtInTemplates)
            .plan(name: "Entry", specs: ["body:text:required", "notebook:references/Notebook:required"], protected: true, owned: true,
                  date: date.addingTimeInterval(60))
    }

    @Test func anOwnedResourceScopesEveryLayer() throws {
        let plan = try Self.journal()
        #expect(plan.manifest.resources.allSatisfy { $0.owned == true && $0.protected == true })
        #expect(try plan.manifest.yaml().contains("  protected: true\n  owned: true\n"))
        let migration = try #require(plan.files.first { $0.path.hasPrefix("Sources/App/Migrations/CreateEntries") }?.contents)
        #expect(migration.contains(#".column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))"#))
        #expect(migration.contains(#"create(index: "entries_user_id_index")"#))
        let model = try #require(Self.file("Sources/App/Models/Entry.swift", in: plan))
        #expect(model.contains(#"static let ownerColumn: String? = "user_id""#))
        #expect(model.contains("var userId: Int"))
        #expect(model.contains("NotebookRepository(database: database, owner: .user(userId)).find(.id(notebookId))"))
        #expect(try #require(Self.file("Sources/App/Models/Notebook.swift", in: plan)).contains("EntryRepository(database: database, owner: .user(userId))"))
        #expect(try #require(Self.file("Sources/App/Repositories/EntryRepository.swift", in: plan)).contains("let owner: OwnerScope"))
        let service = try #require(Self.file("Sources/App/Services/EntryService.swift", in: plan))
        #expect(service.contains("var caller: AuthUser?"))
        #expect(!service.contains("EntryRepository(database: db)"))
        #expect(service.contains("NotebookRepository(database: db, owner: owner).find(.id(notebookId))"))
        let controller = try #require(Self.file("Sources/App/Controllers/EntryController.swift", in: plan))
        let handlers = controller.components(separatedBy: "@Sendable func").count - 1
        #expect(controller.components(separatedBy: "let service = try self.service.acting(as: context.requireUser())").count - 1 == handlers)
        #expect(!(try #require(Self.file("Sources/App/DTOs/EntryResponse.swift", in: plan))).contains("userId"))
        let seeder = try #require(Self.file("Sources/App/Seeders/EntrySeeder.swift", in: plan))
        #expect(seeder.contains("guard let owner = try await OwnerScope.firstUser(on: db)"))
        #expect(seeder.contains("NotebookRepository(database: db, owner: .user(owner)).ids()"))
        let tests = try #require(Self.file("Tests/AppTests/EntryTests.swift", in: plan))
        #expect(tests.contains("func anotherUserSeesNoneOfTheOwnersRows()"))
        // Owned rows get a policy too, allowing the owner everything the scope lets them reach.
        #expect(try #require(Self.file("Sources/App/Policies/EntryPolicy.swift", in: plan)).contains("only their own entries"))
        // A write to another user's row is a 404 before any unique or reference check can answer.
        let replace = try #require(service.components(separatedBy: "func replace(").last)
        #expect(try #require(replace.range(of: "editable(id, on: db)")).lowerBound < (replace.range(of: "checkReferences") ?? replace.range(of: "replace(id, with: draft)")!).lowerBound)
        #expect(tests.contains(#"anonymous.signingUp("tester@example.com")"#))
    }

    @Test func refusesWhatWouldLeakOrCannotWork() throws {
        let noAuth = ResourceGenerator(manifest: Manifest(appName: "journal"), templates: builtInTemplates)
        let unprotected = #expect(throws: ForgeError.self) { try noAuth.plan(name: "Note", specs: ["body:text"], owned: true, date: Self.date) }
        #expect(unprotected?.isUsageError == true && unprotected?.description.contains("add -p") == true)
        #expect(throws: ForgeError.self) { try noAuth.plan(name: "Note", specs: ["body:text"], protected: true, owned: true, date: Self.date) }

        let plan = try Self.journal()
        let generator = ResourceGenerator(manifest: plan.manifest, templates: builtInTemplates)
        let shared = #expect(throws: ForgeError.self) {
            try generator.plan(name: "Share", specs: ["entry:references/Entry"], protected: true, date: Self.date)
        }
        #expect(shared?.description.contains("only another owned resource") == true)
        let linked = #expect(throws: ForgeError.self) {
            try generator.plan(name: "Tagging", specs: ["name:string", "entries:many/Entry"], protected: true, owned: true, date: Self.date)
        }
        #expect(linked?.description.contains("link table") == true)
        let selfLinked = #expect(throws: ForgeError.self) {
            try generator.plan(name: "Memo", specs: ["body:text", "related_memos:many/Memo"], protected: true, owned: true, date: Self.date)
        }
        #expect(selfLinked?.description.contains("link table") == true)
        // Rerun without --owned: it stays owned and protected.
        let rerun = try generator.plan(name: "Notebook", specs: ["title:string:required,max:300"], date: Self.date)
        #expect(rerun.manifest.resources.first { $0.name == "Notebook" }?.owned == true)

        let open = try ResourceGenerator(manifest: Manifest(appName: "journal", auth: true), templates: builtInTemplates)
            .plan(name: "Article", specs: ["title:string"], protected: true, date: Self.date)
        #expect(throws: ForgeError.self) {
            try ResourceGenerator(manifest: open.manifest, templates: builtInTemplates).plan(name: "Article", specs: [], protected: true, owned: true, date: Self.date)
        }
    }

    @Test func aSharedParentDoesNotIncludeOwnedChildren() throws {
        let posts = try ResourceGenerator(manifest: Manifest(appName: "blog", auth: true), templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string"], date: Self.date)
        let notes = try ResourceGenerator(manifest: posts.manifest, templates: builtInTemplates)
            .plan(name: "Note", specs: ["body:text", "post:references/Post"], protected: true, owned: true, date: Self.date.addingTimeInterval(60))
        let response = try #require(Self.file("Sources/App/DTOs/PostResponse.swift", in: notes))
        #expect(!response.contains("NoteResponse"))
        #expect(!(try #require(Self.file("Sources/App/Models/Post.swift", in: notes))).contains("func notes("))
        // The owned child reaches the shared parent as usual.
        #expect(try #require(Self.file("Sources/App/DTOs/NoteResponse.swift", in: notes)).contains(#".belongsTo("post", PostResponse.self"#))
    }

    @Test func aReferenceToUserPointsAtTheAccounts() throws {
        let plan = try ResourceGenerator(manifest: Manifest(appName: "desk", ids: .dual, auth: true), templates: builtInTemplates)
            .plan(name: "Ticket", specs: ["subject:string:required", "reporter:references/User:required", "assignee_id:integer:foreign:users.id"], date: Self.date)
        let ticket = try #require(plan.manifest.resources.first)
        #expect(ticket.fields[1].foreignKey?.table == "users" && ticket.fields[2].foreignKey?.table == "users")
        let migration = try #require(plan.files.first { $0.path.hasPrefix("Sources/App/Migrations/CreateTickets") }?.contents)
        // Integer account ids even in a dual-ID app: users have no public id.
        #expect(migration.contains(#".column("reporter_id", type: .dialect(sqlite: "INTEGER", postgres: "BIGINT"), .notNull, .references("users", "id"))"#))
        #expect(try #require(Self.file("Sources/App/Models/Ticket.swift", in: plan)).contains("var reporterId: Int"))
        let service = try #require(Self.file("Sources/App/Services/TicketService.swift", in: plan))
        #expect(service.contains(#"try await AuthUser.requireExisting(draft.reporterId, field: "reporter_id", on: db)"#))
        #expect(try #require(Self.file("Sources/App/Factories/TicketFactory.swift", in: plan)).contains("var reporterIds: [Int] = []"))
        #expect(try #require(Self.file("Sources/App/Seeders/TicketSeeder.swift", in: plan)).contains("factory.reporterIds = accounts"))
        #expect(try #require(Self.file("Tests/AppTests/TicketTests.swift", in: plan)).contains(#"client.signingUp("reporter_id@example.com").userID()"#))
        // Without the auth module, User must be a resource.
        #expect(throws: ForgeError.self) {
            try ResourceGenerator(manifest: Manifest(appName: "desk"), templates: builtInTemplates).plan(name: "Ticket", specs: ["reporter:references/User"], date: Self.date)
        }
    }

    @Test func aRoleGivesThePolicyTheServiceAsks() throws {
        let generator = ResourceGenerator(manifest: Manifest(appName: "cms", auth: true), templates: builtInTemplates)
        let plan = try generator.plan(name: "Article", specs: ["title:string:required"], protected: true, role: "editor", readRole: "reader", date: Self.date)
        let policy = try #require(Self.file("Sources/App/Policies/ArticlePolicy.swift", in: plan))
        #expect(policy.contains(#"isAdmin(user) || user.hasRole("editor")"#) && policy.contains(#"isAdmin(user) || user.hasRole("reader")"#))
        let service = try #require(Self.file("Sources/App/Services/ArticleService.swift", in: plan))
        for check in [#"try authorize("list", policy.viewAny)"#, #"try authorize("create", policy.create)"#, "policy.view($0, article)",
                      "policy.update($0, article)", "_ = try await editable(id, on: db)", "policy.delete($0, current)"] {
            #expect(service.contains(check), "\(check)")
        }
        let migration = try #require(plan.files.first { $0.path.hasPrefix("Sources/App/Migrations/CreateArticles") }?.contents)
        #expect(migration.contains(#"values(SQLBind("editor"), SQLBind(Date()))"#) && migration.contains(#"values(SQLBind("reader"), SQLBind(Date()))"#))
        #expect(try #require(Self.file("Tests/AppTests/ArticleTests.swift", in: plan)).contains("func aCallerWithoutTheRolesIsForbidden()"))
        #expect(try plan.manifest.yaml().contains("  role: editor\n  readRole: reader\n"))

        let bad = #expect(throws: ForgeError.self) { try generator.plan(name: "Notice", specs: ["title:string"], protected: true, role: "Editor!", date: Self.date) }
        #expect(bad?.isUsageError == true && bad?.description.contains("not a role name") == true)
        let open = #expect(throws: ForgeError.self) { try generator.plan(name: "Notice", specs: ["title:string"], role: "editor", date: Self.date) }
        #expect(open?.isUsageError == true)

        // make:policy on a protected resource without roles: everyone signed in may do everything.
        let pages = try generator.plan(name: "Memo", specs: ["title:string"], protected: true, date: Self.date)
        let policy2 = try ResourceGenerator(manifest: pages.manifest, templates: builtInTemplates).plan(policyFor: "Memo")
        #expect(try #require(Self.file("Sources/App/Policies/MemoPolicy.swift", in: policy2)).contains("        true\n"))
        #expect(policy2.manifest.resources.first { $0.name == "Memo" }?.policy == true)
        #expect(try #require(Self.file("Sources/App/Controllers/MemoController.swift", in: policy2)).contains("self.service.acting(as: context.requireUser())"))
    }
}
