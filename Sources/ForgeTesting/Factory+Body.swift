import Foundation
import ForgeRuntime

extension Factory {
    /// Draft `index` as a request body: the keys and values a client sends the API.
    ///
    /// The same `index` gives the same body in every run; different indexes give different
    /// values for unique fields (see ``Factory/draft(_:using:)``).
    public func body(_ index: Int) throws -> [String: JSONValue] {
        var fake = Fake(seed: UInt64(index))
        let data = try AppRequestContext.jsonEncoder.encode(draft(index, using: &fake))
        return try JSONDecoder().decode([String: JSONValue].self, from: data)
    }
}
