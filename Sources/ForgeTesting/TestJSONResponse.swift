import Foundation
import ForgeRuntime

/// A response with its JSON body parsed (`.null` when the body is empty or not JSON).
public struct TestJSONResponse: Sendable {
    public let status: HTTPResponse.Status
    public let headers: HTTPFields
    public let json: JSONValue
    public let text: String

    init(_ response: (status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer)) {
        self.status = response.status
        self.headers = response.headers
        self.text = String(buffer: response.body)
        self.json = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }
}
