@testable import ForgeCore
import Foundation
import Testing

/// `forge destroy` plans and `forge upgrade` plans, from the manifest alone.
@Suite struct DestroyAndUpgradeTests {
    static let date = Date(timeIntervalSince1970: 1_764_072_000)

    static func app() throws -> Manifest {
        var manifest = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates)
            .plan(name: "Author", specs: ["name:string:required"], date: date).manifest
        manifest = try ResourceGenerator(manifest: manifest, templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string:required", "author:references/Author"], date: date.addingTimeInterval(60)).manifest
        return try ComponentGenerator(manifest: manifest, templates: builtInTemplates).controller("Billing").manifest
    }

    @Test func aResourceOthersReferToIsRefusedNamingThem() throws {
        let generator = ResourceGenerator(manifest: try Self.app(), templates: builtInTemplates)
        #expect(throws: ForgeError.self) { try generator.destroy(name: "Author", applied: [], date: Self.date) }
        do {
            _ = try generator.destroy(name: "Author", applied: [], date: Self.date)
        } catch {
            #expect(error.message.contains("Post.author_id refers to it"), "\(error.message)")
        }
        do {
            _ = try generator.destroy(name: "Pots", applied: [], date: Self.date)
        } catch {
            #expect(error.message.contains("did you mean 'Post'?"), "\(error.message)")
        }
    }

    @Test func migrationsThatNeverRanAreDeletedOnesThatRanStayAndATableDropFollows() throws {
        let manifest = try Self.app()
        let generator = ResourceGenerator(manifest: manifest, templates: builtInTemplates)
        let post = try #require(manifest.resources.first { $0.name == "Post" })
        let unrun = try generator.destroy(name: "Post", applied: [], date: Self.date)
        #expect(!unrun.dropsTable)
        #expect(unrun.plan.deletions.contains("Sources/App/Migrations/CreatePosts.swift"))
        #expect(unrun.plan.deletions.contains("Sources/App/Models/Post.swift") && unrun.plan.deletions.contains("Tests/AppTests/PostTests.swift"))
        #expect(!unrun.plan.manifest.migrationNames.contains(post.migration))
        #expect(unrun.plan.manifest.resources.map(\.name) == ["Author"])

        let ran = try generator.destroy(name: "Post", applied: [post.migration], date: Self.date.addingTimeInterval(120))
        #expect(ran.dropsTable)
        #expect(!ran.plan.deletions.contains("Sources/App/Migrations/CreatePosts.swift"))
        let drop = try #require(ran.plan.files.first { $0.path.hasSuffix("DropPosts.swift") })
        #expect(drop.contents.contains(#"try await database.drop(table: "posts").ifExists().run()"#))
        #expect(drop.contents.contains(#".column("author_id""#), "revert creates the table again")
        #expect(ran.plan.manifest.migrationNames.contains(post.migration))
        let registry = try #require(ran.plan.files.first { $0.path == ProjectFiles.registryPath }).contents
        #expect(registry.contains("CreatePosts()") && registry.contains("DropPosts()") && !registry.contains("PostController"))
        // Unknown (the app could not say) counts as run.
        #expect(try generator.destroy(name: "Post", applied: nil, date: Self.date).dropsTable)
    }

    @Test func aComponentIsDestroyedByKindAndName() throws {
        let components = ComponentGenerator(manifest: try Self.app(), templates: builtInTemplates)
        let removal = try components.destroy(kind: .controller, name: "BillingController")
        #expect(removal.plan.deletions == ["Sources/App/Controllers/BillingController.swift"])
        #expect(removal.plan.manifest.components == nil)
        #expect(throws: ForgeError.self) { try components.destroy(kind: .route, name: "Billing") }
    }

    @Test func upgradeRendersWhatMakeWroteAndNeverAMigration() throws {
        let manifest = try Self.app()
        let plan = try AppUpgrade(manifest: manifest, templates: builtInTemplates).plan()
        let paths = Set(plan.files.map(\.path))
        #expect(paths.contains("Sources/App/Models/Post.swift") && paths.contains("Sources/App/Controllers/BillingController.swift"))
        #expect(!paths.contains { $0.contains("Migrations/") })
        let original = try ResourceGenerator(manifest: manifest, templates: builtInTemplates).plan(layer: .model, name: "Post")
        #expect(plan.files.first { $0.path == "Sources/App/Models/Post.swift" }?.contents == original.files.first { $0.path == "Sources/App/Models/Post.swift" }?.contents)
    }
}
