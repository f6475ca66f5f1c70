import Foundation
import Testing

/// A blog of related resources: a post belongs to an author and has many comments (has-many,
/// cascading), is linked to tags (many-to-many), and a comment belongs to an author too
/// (`include=comments.author`, nested). One app, built once, runs on PostgreSQL and on SQLite:
/// its generated tests pass, its seeders fill references and pivot rows, and every relation
/// route answers over HTTP. PostgreSQL needs FORGE_POSTGRES_URL (scripts/postgres.sh).
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct RelationsAppTests {
    @Test func relationsWorkOnBothDatabases() async throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "relations", app: "blog")
        let app = folder.appendingPathComponent("blog")
        let created = try runCommand([forge, "new", "blog", "--db", "postgres", "--no-auth"], in: folder)
        #expect(created.status == 0, "\(created.output)")
        try restoreBuildCache(folder: folder, app: "blog")
        for (name, specs) in [
            ("Author", ["name:string:required,max:80"]),
            ("Tag", ["name:string:required,max:40,unique"]),
            ("Post", ["title:string:required,max:200", "author:references/Author:required", "tags:many/Tag"]),
            ("Comment", ["body:text:required", "post:references/Post:required,on_delete:cascade", "author:references/Author:on_delete:set_null"]),
        ] {
            let made = try runCommand([forge, "make:resource", name] + specs.flatMap { ["-f", $0] }, in: app)
            #expect(made.status == 0, "\(made.output)")
        }
        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        // Among them: linksTags (attach, detach, replace, include, filter) and the nested routes.
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")
        #expect(tests.output.contains("linksTags"), "\(tests.output.suffix(2000))")
        let routes = try runCommand([forge, "route:list", "--json", "--path", "posts"], in: app)
        for route in ["/api/posts/{id}/tags/{tag_id}", "/api/posts/{id}/comments", "/api/authors/{id}/posts"] {
            #expect(routes.output.contains(route), "\(route) in \(routes.output)")
        }

        var databases = ["sqlite:" + folder.appendingPathComponent("blog.sqlite").path]
        if let postgres = postgresBaseURL { databases.append(postgres.replacingOccurrences(of: "/forge_test", with: "/forge_relations")) }
        for url in databases {
            try await exercise(forge: forge, app: app, database: ["DATABASE_URL": url])
        }
    }

    /// Migrates and seeds `database`, then drives every relation route of the running app.
    private func exercise(forge: String, app: URL, database: [String: String]) async throws {
        let which = database["DATABASE_URL"]!.hasPrefix("sqlite") ? "SQLite" : "PostgreSQL"
        let fresh = try runCommand([forge, "db:fresh"], in: app, environment: database)
        #expect(fresh.status == 0, "\(which): \(fresh.output)")
        let seeded = try runCommand([forge, "db:seed", "--count", "50"], in: app, environment: database)
        #expect(seeded.status == 0 && seeded.output.contains("Post: 50 rows"), "\(which): \(seeded.output)")

        let server = try await LiveServer.start(forge: forge, app: app, environment: database.merging(["RATE_LIMIT": "off"]) { $1 })
        defer { server.stop() }
        let base = server.base
        // The seeder linked posts to existing tags, from the pivot's point of view too.
        let seededPage = try await request("GET", "\(base)/api/posts?per_page=50&include=tags")
        let seededLinks = (seededPage["data"] as? [[String: Any]] ?? []).map { ($0["tags"] as? [Any])?.count ?? -1 }
        #expect(seededLinks.count == 50 && seededLinks.allSatisfy { (0...3).contains($0) } && seededLinks.contains { $0 > 0 }, "\(which): \(seededLinks)")

        let author = try #require(try await request("POST", "\(base)/api/authors", json: ["name": "Ada"])["data", "id"] as? Int)
        var tags: [Int] = []
        for name in ["swift", "sql", "http"] {
            tags.append(try #require(try await request("POST", "\(base)/api/tags", json: ["name": "\(name)-\(which)"])["data", "id"] as? Int))
        }
        let post = try await request("POST", "\(base)/api/posts", json: ["title": "Relations", "author_id": author, "tag_ids": [tags[0], tags[1]]])
        #expect(post.status == 201, "\(which): \(post.json ?? "")")
        let id = try #require(post["data", "id"] as? Int)
        func linked() async throws -> [Int] {
            ((try await request("GET", "\(base)/api/posts/\(id)/tags"))["data"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
        }
        #expect(try await linked() == [tags[0], tags[1]], "\(which)")

        // Unknown ids: a 422 naming them, and nothing half-applied (on replace, create and patch).
        let unknown = try await request("PUT", "\(base)/api/posts/\(id)/tags", json: ["ids": [tags[2], 999_999]])
        #expect(unknown.status == 422 && "\(unknown["error", "fields", "ids"] ?? "")".contains("999999"), "\(which): \(unknown.json ?? "")")
        #expect(try await linked() == [tags[0], tags[1]], "\(which)")
        let count = try #require(try await request("GET", "\(base)/api/posts/count")["data", "count"] as? Int)
        let badCreate = try await request("POST", "\(base)/api/posts", json: ["title": "Never", "author_id": author, "tag_ids": [999_999]])
        #expect(badCreate.status == 422 && badCreate["error", "fields", "tag_ids"] != nil, "\(which): \(badCreate.json ?? "")")
        #expect(try await request("GET", "\(base)/api/posts/count")["data", "count"] as? Int == count, "the post was rolled back with its links")
        let badPatch = try await request("PATCH", "\(base)/api/posts/\(id)", json: ["title": "Changed", "tag_ids": [999_999]])
        #expect(badPatch.status == 422, "\(which): \(badPatch.json ?? "")")
        #expect(try await request("GET", "\(base)/api/posts/\(id)")["data", "title"] as? String == "Relations")

        // Replace, attach (twice), detach, and PATCH with tag_ids.
        let replaced = try await request("PUT", "\(base)/api/posts/\(id)/tags", json: ["ids": [tags[2], tags[2], tags[0]]])
        #expect(replaced.status == 200 && (replaced["data"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [tags[0], tags[2]], "\(which): \(replaced.json ?? "")")
        #expect(try await request("POST", "\(base)/api/posts/\(id)/tags/\(tags[1])").status == 204)
        #expect(try await request("POST", "\(base)/api/posts/\(id)/tags/\(tags[1])").status == 204)
        #expect(try await linked() == tags, "\(which)")
        #expect(try await request("DELETE", "\(base)/api/posts/\(id)/tags/\(tags[0])").status == 204)
        #expect(try await request("POST", "\(base)/api/posts/\(id)/tags/999999").status == 404)
        #expect(try await request("GET", "\(base)/api/posts/999999/tags").status == 404)
        #expect(try await request("PATCH", "\(base)/api/posts/\(id)", json: ["tag_ids": [tags[1]]]).status == 200)
        #expect(try await linked() == [tags[1]], "\(which)")

        // Nested routes and filters across relations.
        let comment = try await request("POST", "\(base)/api/posts/\(id)/comments", json: ["body": "First!", "author_id": author])
        #expect(comment.status == 201 && comment["data", "post_id"] as? Int == id, "\(which): \(comment.json ?? "")")
        let mismatched = try await request("POST", "\(base)/api/posts/\(id)/comments", json: ["body": "Elsewhere", "post_id": id + 1])
        #expect(mismatched.status == 422 && mismatched["error", "fields", "post_id"] != nil, "\(which): \(mismatched.json ?? "")")
        let comments = try await request("GET", "\(base)/api/posts/\(id)/comments?sort=-created_at")
        #expect(comments["meta", "total"] as? Int == 1, "\(which): \(comments.json ?? "")")
        #expect(try await request("GET", "\(base)/api/posts/999999/comments").status == 404)
        let byTag = try await request("GET", "\(base)/api/posts?filter%5Btags%5D=\(tags[1])&filter%5Bauthor_id%5D=\(author)")
        #expect((byTag["data"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [id], "\(which): \(byTag.json ?? "")")

        // include: belongs-to, many-to-many, has-many, nested one level; bad names and depth are 400s.
        let shown = try await request("GET", "\(base)/api/posts/\(id)?include=author,tags,comments.author")
        #expect(shown["data", "author", "name"] as? String == "Ada", "\(which): \(shown.json ?? "")")
        #expect((shown["data", "tags"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [tags[1]])
        #expect(shown["data", "comments", "0", "author", "id"] as? Int == author, "\(which): \(shown.json ?? "")")
        let page = try await request("GET", "\(base)/api/authors/\(author)?include=posts.tags")
        #expect(page["data", "posts", "0", "tags", "0", "id"] as? Int == tags[1], "\(which): \(page.json ?? "")")
        let undeclared = try await request("GET", "\(base)/api/posts?include=editor")
        #expect(undeclared.status == 400 && "\(undeclared["error", "message"] ?? "")".contains("editor"), "\(undeclared.json ?? "")")
        let deep = try await request("GET", "\(base)/api/posts?include=comments.post.author")
        #expect(deep.status == 400 && "\(deep["error", "message"] ?? "")".contains("deeper"), "\(deep.json ?? "")")

        // Deleting: a referenced author is kept (restrict); a post takes its comments and links
        // with it (cascade); a deleted tag leaves the pivot.
        #expect(try await request("DELETE", "\(base)/api/authors/\(author)").status == 409)
        #expect(try await request("DELETE", "\(base)/api/tags/\(tags[1])").status == 204)
        #expect(try await linked().isEmpty, "\(which)")
        #expect(try await request("DELETE", "\(base)/api/posts/\(id)").status == 204)
        #expect(try await request("GET", "\(base)/api/comments/\(try #require(comment["data", "id"] as? Int))").status == 404)
    }
}
