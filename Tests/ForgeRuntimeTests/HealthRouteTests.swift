import Foundation
@testable import ForgeRuntime
import ForgeTesting
import Testing

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
