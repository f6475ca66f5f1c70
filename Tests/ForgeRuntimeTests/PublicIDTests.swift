import Foundation
@testable import ForgeRuntime
import ForgeTesting
import Testing

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
