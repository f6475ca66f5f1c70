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

    // MARK: Many-to-many

    static func tagged(ids: Manifest.IDStyle = .integer) throws -> GenerationPlan {
        let tags = try ResourceGenerator(manifest: Manifest(appName: "blog", ids: ids), templates: builtInTemplates)
            .plan(name: "Tag", specs: ["name:string:required"], date: date)
        return try ResourceGenerator(manifest: tags.manifest, templates: builtInTemplates)
            .plan(name: "Post", specs: ["title:string:required", "tags:many/Tag"], date: date.addingTimeInterval(60))
    }

    @Test func parsesAManyToManyFieldAndRefusesRulesOnIt() throws {
        #expect(try FieldSpecParser.parse("tags:many/Tag") == Field(name: "tags", type: .many, target: "Tag"))
        #expect(try FieldSpecParser.parse("categories:many") == Field(name: "categories", type: .many, target: "Category"))
        #expect(try FieldSpecParser.parse("tags:many/Tag").spec == "tags:many/Tag")
        let ruled = #expect(throws: FieldSpecError.self) { try FieldSpecParser.parse("tags:many/Tag:required") }
        #expect(ruled?.code == .ruleNotApplicable)
        #expect(ruled?.description.contains("takes no rules") == true)
        let singular = #expect(throws: FieldSpecError.self) { try FieldSpecParser.parse("tag:many") }
        #expect(singular?.description.contains("did you mean 'tags'?") == true)
        #expect(throws: FieldSpecError.self) { try FieldSpecParser.parse("tags:many/Tag/Label") }
        #expect(Inflector().singular("categories") == "category")
        #expect(Inflector().singular("people") == "person")
        #expect(Inflector().singular("staff") == "staff")
        #expect(Inflector().singular("boxes") == "box")
        #expect(Inflector().singular("shelves") == "shelf")
    }

    @Test func aManyToManyFieldIsAPivotNotAColumn() throws {
        let plan = try Self.tagged()
        let migration = try #require(plan.files.first { $0.path.hasPrefix("Sources/App/Migrations/CreatePosts") }?.contents)
        #expect(!migration.contains(#".column("tags""#))
        #expect(migration.contains(#"try await database.create(table: "post_tags")"#))
        #expect(migration.contains(#".column("post_id", type: .bigint, .notNull, .references("posts", "id", onDelete: .cascade))"#))
        #expect(migration.contains(#".column("tag_id", type: .bigint, .notNull, .references("tags", "id", onDelete: .cascade))"#))
        #expect(migration.contains(#".primaryKey("post_id", "tag_id")"#))
        #expect(migration.contains(#"create(index: "post_tags_tag_id_index").on("post_tags").column("tag_id")"#))
        let revert = try #require(migration.components(separatedBy: "func revert").last)
        #expect(revert.contains(#"drop(table: "post_tags")"#))

        let model = try #require(Self.file("Sources/App/Models/Post.swift", in: plan))
        #expect(!model.contains("var tags"))
        #expect(model.contains(#"static let tagsPivot = Pivot("post_tags", owner: "post_id", target: "tag_id", targetTable: "tags")"#))
        #expect(model.contains(#""tags": tagsPivot,"#))
        #expect(model.contains("func tags(on database: any SQLDatabase) async throws -> [Tag]"))
        let create = try #require(Self.file("Sources/App/DTOs/CreatePostRequest.swift", in: plan))
        #expect(create.contains("var tagIds: [Int]?"))
        let controller = try #require(Self.file("Sources/App/Controllers/PostController.swift", in: plan))
        #expect(controller.contains(#"routes.group("/api/posts/{id}/tags")"#))
        #expect(controller.contains(#".post("{tag_id}", handler: "attachTag", use: attachTag)"#))
        #expect(controller.contains(#".put(handler: "replaceTags", use: replaceTags)"#))
        let response = try #require(Self.file("Sources/App/DTOs/PostResponse.swift", in: plan))
        #expect(response.contains(#".manyToMany("tags", TagResponse.self, through: Post.tagsPivot, matching: \Post.id)"#))
        let service = try #require(Self.file("Sources/App/Services/PostService.swift", in: plan))
        #expect(service.contains(#"try ChangeSet(changes, excluding: ["tag_ids"])"#))
        #expect(try #require(Self.file("Tests/AppTests/PostTests.swift", in: plan)).contains("func linksTags()"))
    }

    @Test func dualIDPivotsHoldPublicUUIDs() throws {
        let plan = try Self.tagged(ids: .dual)
        let migration = try #require(plan.files.first { $0.path.hasPrefix("Sources/App/Migrations/CreatePosts") }?.contents)
        #expect(migration.contains(#".column("tag_id", type: .dialect(sqlite: "TEXT", postgres: "UUID"), .notNull, .references("tags", "public_id", onDelete: .cascade))"#))
        let model = try #require(Self.file("Sources/App/Models/Post.swift", in: plan))
        #expect(model.contains(#"targetTable: "tags", publicIDs: true)"#))
        #expect(try #require(Self.file("Sources/App/DTOs/CreatePostRequest.swift", in: plan)).contains("var tagIds: [UUID]?"))
    }

    @Test func refusesLinksThatCannotWork() throws {
        let tags = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: builtInTemplates)
            .plan(name: "Tag", specs: ["name:string:required"], date: Self.date).manifest
        let generator = ResourceGenerator(manifest: tags, templates: builtInTemplates)
        func refusal(_ specs: [String], name: String = "Post") -> String? {
            do { _ = try generator.plan(name: name, specs: specs, date: Self.date); return nil } catch { return error.description }
        }
        #expect(refusal(["title:string", "tags:many/Tga"])?.contains("did you mean 'Tag'?") == true)
        #expect(refusal(["tags:many/Tag"])?.contains("at least one column") == true)
        #expect(refusal(["title:string", "tags:many/Tag", "tag_ids:string"])?.contains("tag_ids") == true)
        #expect(refusal(["title:string", "posts:many/Post"])?.contains("two columns named post_id") == true)
        #expect(refusal(["title:string", "tags:many/Tag"], name: "Label") == nil)
        var withTags = try #require(try? generator.plan(name: "Post", specs: ["title:string", "tags:many/Tag"], date: Self.date).manifest)
        let destroyed = #expect(throws: ForgeError.self) { try ResourceGenerator(manifest: withTags, templates: builtInTemplates).destroy(name: "Tag", applied: [], date: Self.date) }
        #expect(destroyed?.description.contains("Post.tags") == true)
        let renamed = #expect(throws: ForgeError.self) {
            try ResourceGenerator(manifest: withTags, templates: builtInTemplates).alter(name: "Post", ResourceAlteration(rename: ["tags:labels"]), date: Self.date)
        }
        #expect(renamed?.description.contains("many-to-many") == true)
        withTags.resources.removeAll { $0.name == "Nothing" }
    }

    @Test func alteringAddsAndDropsThePivot() throws {
        let plan = try Self.tagged()
        let generator = ResourceGenerator(manifest: plan.manifest, templates: builtInTemplates)
        let dropped = try generator.alter(name: "Post", ResourceAlteration(drop: ["tags"]), date: Self.date.addingTimeInterval(120))
        let migration = try #require(dropped.files.first { $0.path.hasPrefix("Sources/App/Migrations/AlterPosts") }?.contents)
        let parts = migration.components(separatedBy: "func revert")
        #expect(parts[0].contains(#"drop(table: "post_tags")"#))
        #expect(!parts[0].contains("database.rebuild") && !parts[0].contains("dialect.name"))
        #expect(parts[1].contains(#"create(table: "post_tags")"#))
        #expect(!(try #require(Self.file("Sources/App/Models/Post.swift", in: dropped))).contains("tagsPivot"))

        let added = try ResourceGenerator(manifest: dropped.manifest, templates: builtInTemplates)
            .alter(name: "Post", ResourceAlteration(add: ["labels:many/Tag"]), date: Self.date.addingTimeInterval(180))
        let second = try #require(added.files.first { $0.path.hasPrefix("Sources/App/Migrations/AlterPosts") }?.contents)
        #expect(second.components(separatedBy: "func revert")[0].contains(#"create(table: "post_labels")"#))
        #expect(second.contains(#".column("label_id", type: .bigint, .notNull, .references("tags", "id", onDelete: .cascade))"#))
    }

    @Test func refusesLinksThatWouldClashOrLeak() throws {
        let plan = try Self.tagged()
        let generator = ResourceGenerator(manifest: plan.manifest, templates: builtInTemplates)
        func refusal(_ name: String, _ specs: [String], protected: Bool = false) -> String? {
            do { _ = try generator.plan(name: name, specs: specs, protected: protected, date: Self.date); return nil } catch { return error.description }
        }
        // A new table named like a pivot, and two pivots of the same name.
        #expect(refusal("PostTag", ["name:string"])?.contains("the pivot of Post.tags") == true)
        let blogs = try generator.plan(name: "Blog", specs: ["name:string", "post_tags:many/Tag"], date: Self.date.addingTimeInterval(90))
        let twin = #expect(throws: ForgeError.self) {
            try ResourceGenerator(manifest: blogs.manifest, templates: builtInTemplates)
                .plan(name: "BlogPost", specs: ["title:string", "tags:many/Tag"], date: Self.date.addingTimeInterval(100))
        }
        #expect(twin?.description.contains("blog_post_tags is already Blog.post_tags's") == true)
        // A link path that a child's nested routes already use.
        let comments = try generator.plan(name: "Comment", specs: ["body:text", "post:references/Post"], date: Self.date.addingTimeInterval(120))
        let withComments = ResourceGenerator(manifest: comments.manifest, templates: builtInTemplates)
        let nested = #expect(throws: ForgeError.self) {
            try withComments.alter(name: "Post", ResourceAlteration(add: ["comments:many/Tag"]), date: Self.date.addingTimeInterval(180))
        }
        #expect(nested?.description.contains("/api/posts/{id}/comments already lists Comment rows") == true)
        // A public resource cannot serve a protected one's rows through links.
        var manifest = plan.manifest
        manifest.app.auth = true
        let secrets = try ResourceGenerator(manifest: manifest, templates: builtInTemplates)
            .plan(name: "Secret", specs: ["code:string"], protected: true, date: Self.date.addingTimeInterval(240))
        let open = #expect(throws: ForgeError.self) {
            try ResourceGenerator(manifest: secrets.manifest, templates: builtInTemplates)
                .plan(name: "Board", specs: ["title:string", "secrets:many/Secret"], date: Self.date.addingTimeInterval(300))
        }
        #expect(open?.description.contains("protect this resource too") == true)
        // Nothing listable but links: the listing's columns are an empty dictionary.
        let json = try generator.plan(name: "Blob", specs: ["meta:json", "tags:many/Tag"], date: Self.date.addingTimeInterval(360))
        #expect(try #require(Self.file("Sources/App/Models/Blob.swift", in: json)).contains("ListingRules(columns: [:], links: ["))
    }
}
