import Foundation
@testable import ForgeRuntime
import ForgeTesting
import Testing

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

    /// Found by schemathesis: a method a path lacks was the router's 404; it is a 405 naming the
    /// methods the path has.
    @Test func answersAMissingMethodWith405AndAllow() async throws {
        try await TestApp(notesApp).run { client in
            let response = try await client.send(.trace, "/api/notes")
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == "GET, POST")
            #expect(response.json["error"]["code"] == "method_not_allowed")
            #expect(response.headers[.requestID] != nil)
            #expect(try await client.send(.put, "/health").headers[.allow] == "GET")
            #expect(try await client.send(.get, "/api/nothing-here").status == .notFound)
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

@Suite struct ResponseTimeFormatTests {
    @Test func formatsHundredthsOfAMillisecond() {
        #expect(ResponseTimeMiddleware<AppRequestContext>.format(.microseconds(1_234)) == "1.23ms")
        #expect(ResponseTimeMiddleware<AppRequestContext>.format(.microseconds(50)) == "0.05ms")
        #expect(ResponseTimeMiddleware<AppRequestContext>.format(.seconds(2)) == "2000.00ms")
    }
}
