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

    @Test func boundsPagination() async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.get, "/api/notes?page=0&per_page=1000")
            #expect(response.json["meta"]["page"] == 1)
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

@Suite struct MiddlewareTests {
    @Test func limitsRatePerClientWithHeaders() async throws {
        let app = TestApp(notesApp) { $0.rateLimit = RateLimit(limit: 3, window: .seconds(60)) }
        try await app.run { client in
            for remaining in [2, 1, 0] {
                let response = try await client.send(.get, "/health")
                #expect(response.status == .ok)
                #expect(response.headers[.rateLimitLimit] == "3")
                #expect(response.headers[.rateLimitRemaining] == String(remaining))
                #expect(Int(response.headers[.rateLimitReset] ?? "") ?? 0 > 0)
            }
            let limited = try await client.send(.get, "/health")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.json["error"]["code"] == "rate_limited")
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
        }
    }

    @Test func refusesLargeBodiesWith413() async throws {
        let app = TestApp(notesApp) { $0.bodyLimit = 64 }
        try await app.run { client in
            let response = try await client.send(.post, "/api/notes", raw: "{\"title\":\"" + String(repeating: "x", count: 200) + "\"}")
            #expect(response.status == .contentTooLarge)
            #expect(response.json["error"]["code"] == "payload_too_large")
        }
    }

    @Test func answersCORSPreflightsForAllowedOrigins() async throws {
        let app = TestApp(notesApp) { $0.corsOrigins = ["https://app.example"] }
        try await app.run { client in
            let preflight = try await client.send(.options, "/api/notes", headers: [.origin: "https://app.example", .accessControlRequestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == "https://app.example")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("PATCH") == true)
            let other = try await client.send(.get, "/health", headers: [.origin: "https://evil.example"])
            #expect(other.headers[.accessControlAllowOrigin] == nil)
        }
    }

    @Test func reportsResponseTime() async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.get, "/health")
            #expect(response.headers[.responseTime]?.hasSuffix("ms") == true)
        }
    }

    @Test func concurrentInsertsOfOneUniqueValueGiveExactlyOne201() async throws {
        try await TestApp(notesApp).run { client in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<24 {
                    group.addTask { try await client.send(.post, "/api/notes", json: ["title": "race"]).status }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 23)
        }
    }

    @Test func hidesUnexpectedErrorsBehindARequestID() async throws {
        let failing = AppDefinition(name: "failing", migrations: []) { routes, _ in
            routes.get("/boom", handler: "Test.boom") { _, _ -> String in
                throw CocoaError(.fileReadCorruptFile)
            }
        }
        try await TestApp(failing).run { client in
            let response = try await client.send(.get, "/boom")
            #expect(response.status == .internalServerError)
            #expect(response.json["error"]["code"] == "internal_error")
            #expect(response.json["error"]["request_id"].string?.isEmpty == false)
            #expect(!response.text.contains("Cocoa") && !response.text.contains("corrupt"))
        }
    }
}

@Suite struct PublicIDTests {
    @Test func addressesRowsByUUIDAndNeverByInteger() async throws {
        try await TestApp(ticketsApp).run { client in
            let created = try await client.send(.post, "/api/tickets", json: ["subject": "printer on fire"])
            #expect(created.status == .created)
            let id = try #require(created.json["data"]["id"].string)
            #expect(UUID(uuidString: id) != nil)
            #expect(try await client.send(.get, "/api/tickets/\(id)").json["data"]["subject"] == "printer on fire")
            #expect(try await client.send(.get, "/api/tickets/1").status == .notFound)
            #expect(try await client.send(.get, "/api/tickets?sort=id").status == .badRequest)
            #expect(try await client.send(.get, "/api/tickets?filter[id]=1").status == .badRequest)
            #expect(try await client.send(.get, "/api/tickets").json["data"][0]["id"].string == id)
        }
    }
}

@Suite struct HealthTests {
    @Test func readinessFailsWith503WhenTheDatabaseIsGone() async throws {
        let app = AppDefinition(name: "fragile", migrations: []) { routes, database in
            routes.post("/test/close-database", handler: "Test.close") { _, _ in
                try await database.close()
                return HTTPResponse.Status.noContent
            }
        }
        try await TestApp(app).run { client in
            #expect(try await client.send(.get, "/health/ready").status == .ok)
            #expect(try await client.send(.post, "/test/close-database").status == .noContent)
            let ready = try await client.send(.get, "/health/ready")
            #expect(ready.status == .serviceUnavailable)
            #expect(ready.json["checks"]["database"] == "unreachable")
            #expect(try await client.send(.get, "/health/live").status == .ok)
            let info = try await client.send(.get, "/health/info")
            #expect(info.json["name"] == "fragile")
        }
    }
}

@Suite struct ResponseTimeFormatTests {
    @Test func formatsHundredthsOfAMillisecond() {
        #expect(ResponseTimeMiddleware<AppRequestContext>.format(.microseconds(1_234)) == "1.23ms")
        #expect(ResponseTimeMiddleware<AppRequestContext>.format(.microseconds(50)) == "0.05ms")
        #expect(ResponseTimeMiddleware<AppRequestContext>.format(.seconds(2)) == "2000.00ms")
    }
}
