import Foundation
@testable import ForgeRuntime
import ForgeTesting
import Testing

@Suite struct ListingTests {
    func seed(_ client: TestClient) async throws {
        for (title, stars) in [("alpha", 1), ("beta", 5), ("gamma", 3), ("delta", 4)] {
            let response = try await client.send(.post, "/api/notes", json: ["title": .string(title), "stars": .number(Double(stars))])
            #expect(response.status == .created)
        }
    }

    @Test func sortsAndFilters() async throws {
        try await TestApp(notesApp).run { client in
            try await seed(client)
            let sorted = try await client.send(.get, "/api/notes?sort=-stars")
            #expect(sorted.json["data"].array?.compactMap { $0["title"].string } == ["beta", "delta", "gamma", "alpha"])
            let byTitle = try await client.send(.get, "/api/notes?sort=title&per_page=2&page=2")
            #expect(byTitle.json["data"].array?.compactMap { $0["title"].string } == ["delta", "gamma"])
            #expect(byTitle.json["meta"] == ["page": 2, "per_page": 2, "total": 4, "last_page": 2])
            let range = try await client.send(.get, "/api/notes?filter%5Bstars%5D%5Bgte%5D=3&filter%5Bstars%5D%5Blt%5D=5&sort=stars")
            #expect(range.json["data"].array?.compactMap { $0["title"].string } == ["gamma", "delta"])
            let exact = try await client.send(.get, "/api/notes?filter[title]=beta")
            #expect(exact.json["meta"]["total"] == 1)
            let count = try await client.send(.get, "/api/notes/count?filter[stars][gt]=1")
            #expect(count.json["data"]["count"] == 3)
        }
    }

    @Test(arguments: [
        ("/api/notes?sort=password", "cannot sort by 'password'"),
        ("/api/notes?filter[secret]=1", "cannot filter by 'secret'"),
        ("/api/notes?filter[stars][near]=3", "unknown filter operator 'near'"),
        ("/api/notes?filter[stars]=many", "bad value 'many'"),
        ("/api/notes?filter[title][gt]=a", "does not apply to 'title'"),
        ("/api/notes?page=two", "'page' must be a whole number"),
        ("/api/notes?with_trashed=maybe", "'with_trashed' must be true or false"),
    ])
    func rejectsBadListParametersNamingThem(path: String, message: String) async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.get, path)
            #expect(response.status == .badRequest)
            #expect(response.json["error"]["message"].string?.contains(message) == true, "\(response.text)")
        }
    }

    /// Out-of-bounds pages are refused rather than clamped: the OpenAPI document states the
    /// bounds, and a client that asked for 1000 rows should learn it gets at most 100.
    @Test(arguments: ["page=0", "page=2147483648", "per_page=0", "per_page=101", "per_page=-5"])
    func refusesPagesOutsideTheirBounds(query: String) async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.get, "/api/notes?\(query)")
            #expect(response.status == .badRequest, "\(query): \(response.text)")
            #expect(response.json["error"]["message"].string?.contains("must be a whole number from 1 to") == true, "\(response.text)")
        }
    }

    @Test func acceptsTheBoundsThemselves() async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.get, "/api/notes?page=2147483647&per_page=100")
            #expect(response.status == .ok)
            #expect(response.json["meta"]["page"] == 2147483647)
            #expect(response.json["meta"]["per_page"] == 100)
        }
    }

    @Test func hidesSoftDeletedRowsUntilAskedAndRestoresThem() async throws {
        try await TestApp(notesApp).run { client in
            try await seed(client)
            let deleted = try await client.send(.delete, "/api/notes/1")
            #expect(deleted.status == .noContent)
            #expect(try await client.send(.get, "/api/notes/1").status == .notFound)
            #expect(try await client.send(.get, "/api/notes").json["meta"]["total"] == 3)
            #expect(try await client.send(.get, "/api/notes?with_trashed=true").json["meta"]["total"] == 4)
            let trashed = try await client.send(.get, "/api/notes?only_trashed=true")
            #expect(trashed.json["data"][0]["title"] == "alpha")
            #expect(try await client.send(.delete, "/api/notes/1").status == .notFound)
            let restored = try await client.send(.post, "/api/notes/1/restore")
            #expect(restored.status == .ok)
            #expect(restored.json["data"]["deleted_at"] == nil)
            #expect(try await client.send(.get, "/api/notes/1").status == .ok)
            #expect(try await client.send(.post, "/api/notes/1/restore").status == .notFound)
        }
    }
}
