import Foundation

/// Makes valid drafts of one model, for seeders and tests.
public protocol Factory: Sendable {
    associatedtype Draft: Encodable & Sendable
    /// A valid draft; `index` differs for every draft of one run, so unique fields stay unique.
    func draft(_ index: Int, using fake: inout Fake) -> Draft
}
