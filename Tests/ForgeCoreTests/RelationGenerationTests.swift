@testable import ForgeCore
import Foundation
import Testing

/// The has-many side and `on_delete:` follow a reference through make, alter and destroy.
@Suite struct RelationGenerationTests {
    static let date = Date(timeIntervalSince1970: 1_764_072_000)

    static func blog() throws -> (Manifest, GenerationPlan) {
        let authors = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates)
            .plan(name: "Author", specs: ["name:string:required"], date: date)
        let posts = try ResourceGenerator(manifest: authors.manifest, templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string:required", "author:references/Author:required"], date: date.addingTimeInterval(60))
        return (posts.manifest, posts)
    }

    static func file(_ path: String, in plan: GenerationPlan) -> String? {
        plan.files.first { $0.path == path }?.contents
    }

    @Test func makingAReferenceRendersTheTargetsModelAndResponseAgain() throws {
        let (_, plan) = try Self.blog()
        let author = try #require(Self.file("Sources/App/Models/Author.swift", in: plan))
        #expect(author.contains("func posts(on database: any SQLDatabase) async throws -> [Post]"))
        let response = try #require(Self.file("Sources/App/DTOs/AuthorResponse.swift", in: plan))
        #expect(response.contains(#".hasMany("posts", PostResponse.self, by: "author_id", \Post.authorId, matching: \Author.id)"#))
        let controller = try #require(Self.file("Sources/App/Controllers/PostController.swift", in: plan))
        #expect(controller.contains(#"routes.group("/api/authors/{id}/posts")"#))
    }

    @Test func droppingOrDestroyingTheReferenceTakesTheHasManySideAway() throws {
        let (manifest, _) = try Self.blog()
        let generator = ResourceGenerator(manifest: manifest, templates: builtInTemplates)
        let altered = try generator.alter(name: "Post", ResourceAlteration(drop: ["author_id"]), date: Self.date.addingTimeInterval(120))
        let author = try #require(Self.file("Sources/App/Models/Author.swift", in: altered))
        #expect(!author.contains("func posts("))
        #expect(try #require(Self.file("Sources/App/DTOs/AuthorResponse.swift", in: altered)).contains("extension AuthorResponse: IncludableResponse {\n    typealias Record = Author\n}"))

        let destroyed = try generator.destroy(name: "Post", applied: [], date: Self.date.addingTimeInterval(120))
        #expect(!(try #require(Self.file("Sources/App/Models/Author.swift", in: destroyed.plan))).contains("func posts("))
    }

    @Test func changingTheDeleteActionReplacesTheForeignKey() throws {
        let (manifest, _) = try Self.blog()
        let plan = try ResourceGenerator(manifest: manifest, templates: builtInTemplates)
            .alter(name: "Post", ResourceAlteration(change: ["author:references/Author:required,on_delete:cascade"]), date: Self.date.addingTimeInterval(120))
        let migration = try #require(plan.files.first { $0.path.hasPrefix("Sources/App/Migrations/AlterPosts") }?.contents)
        let prepare = try #require(migration.components(separatedBy: "func revert").first)
        // SQLite rebuilds the table with the new action; PostgreSQL swaps the constraint.
        #expect(prepare.contains(#".references("authors", "id", onDelete: .cascade)"#))
        #expect(prepare.contains(#"DROP CONSTRAINT IF EXISTS \(ident: "posts_author_id_fkey")"#))
        #expect(prepare.contains(#"ADD CONSTRAINT \(ident: "posts_author_id_fkey") FOREIGN KEY (\(ident: "author_id")) REFERENCES \(ident: "authors") (\(ident: "id")) ON DELETE CASCADE"#))
        let revert = try #require(migration.components(separatedBy: "func revert").last)
        #expect(revert.contains("ON DELETE NO ACTION"))
    }

    @Test func setNullNeedsAnOptionalReference() {
        #expect(throws: FieldSpecError.self) { try FieldSpecParser.parse("author:references/Author:required,on_delete:set_null") }
        #expect(throws: FieldSpecError.self) { try FieldSpecParser.parse("author_id:integer:foreign:authors.id,required,on_delete:set_null") }
        #expect(throws: Never.self) { try FieldSpecParser.parse("author:references/Author:on_delete:set_null") }
    }
}
