import Foundation
@testable import ForgeRuntime
import Testing

@Suite struct RequestBodyTests {
    struct Body: Decodable, SnakeCaseKeys {
        var name: String?
        var supportEmail: String?
        var addressLine2: String?
        var attributes: [String: JSONValue]?
        var count: Int?
    }

    /// A type with its own `CodingKeys` keeps them: the strategy is only for `SnakeCaseKeys`.
    struct Spelled: Decodable {
        var supportEmail: String?
        enum CodingKeys: String, CodingKey { case supportEmail = "support_email" }
    }

    let decoder = AppRequestDecoder()

    @Test func snakeCaseKeysFillTheirPropertiesAndNothingElseDoes() throws {
        let body = try decoder.decode(Body.self, from: Data(#"""
            {"name": "n", "support_email": "a@b.io", "address_line2": "flat 2",
             "attributes": {"camelKey": 1, "snake_key": 2}}
            """#.utf8))
        #expect(body.name == "n")
        #expect(body.supportEmail == "a@b.io")
        #expect(body.addressLine2 == "flat 2")
        #expect(body.attributes == ["camelKey": 1, "snake_key": 2])
        // The property's own spelling is not a key of the body, as with CodingKeys.
        let camel = try decoder.decode(Body.self, from: Data(#"{"supportEmail": "a@b.io", "Name": "n"}"#.utf8))
        #expect(camel.supportEmail == nil)
        #expect(camel.name == nil)
        let spelled = try decoder.decode(Spelled.self, from: Data(#"{"support_email": "a@b.io"}"#.utf8))
        #expect(spelled.supportEmail == "a@b.io")
    }

    @Test func aBadValueIsA422NamingTheKeyTheClientSent() throws {
        #expect(throws: AppError.validation([ValidationFieldError(field: "support_email", messages: ["must be a string"])])) {
            try decoder.decode(Body.self, from: Data(#"{"support_email": 5}"#.utf8))
        }
        #expect(throws: AppError.validation([ValidationFieldError(field: "count", messages: ["must be a whole number"])])) {
            try decoder.decode(Body.self, from: Data(#"{"count": "five"}"#.utf8))
        }
    }

    @Test func aChangeSetHoldsThePresentPropertiesAsColumns() throws {
        struct Changes: Encodable { var name: String?; var stockTotal: Int?; var active: Bool? }
        var changes = try ChangeSet<Note>(Changes(name: "n", stockTotal: 3))
        #expect(changes.columns.map(\.name) == ["name", "stock_total"])
        #expect(changes.changes("stock_total"))
        #expect(!changes.changes("active"))
        changes.set("name", to: "m")
        #expect(changes.columns.map(\.name) == ["stock_total", "name"])
        #expect(try ChangeSet<Note>(Changes()).isEmpty)
    }
}
