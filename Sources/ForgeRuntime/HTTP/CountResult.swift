/// The body of a `count` route: `{"data": {"count": 3}}`.
public struct CountResult: Codable, Sendable, Equatable {
    public var count: Int

    public init(count: Int) {
        self.count = count
    }
}
