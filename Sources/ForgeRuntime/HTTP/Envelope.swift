import Hummingbird

/// A successful response: `{"data": ...}`.
public struct DataEnvelope<Payload: Encodable & Sendable>: ResponseEncodable, Sendable {
    public var data: Payload

    public init(_ data: Payload) {
        self.data = data
    }
}

/// A page of a list: `{"data": [...], "meta": {"page", "per_page", "total", "last_page"}}`.
public struct PageEnvelope<Item: Encodable & Sendable>: ResponseEncodable, Sendable {
    /// Where this page sits in the whole list.
    public struct Meta: Codable, Sendable, Equatable {
        public var page: Int
        public var perPage: Int
        public var total: Int
        public var lastPage: Int

        enum CodingKeys: String, CodingKey {
            case page, total
            case perPage = "per_page"
            case lastPage = "last_page"
        }
    }

    public var data: [Item]
    public var meta: Meta

    public init(_ page: Page<Item>) {
        self.data = page.items
        self.meta = Meta(page: page.request.page, perPage: page.request.perPage, total: page.total, lastPage: page.lastPage)
    }
}

extension ResponseEncodable {
    /// This body with status 201 Created.
    public var created: EditedResponse<Self> {
        EditedResponse(status: .created, response: self)
    }
}

extension Request {
    /// The `page` (1 to ``PageRequest/maximumPage``) and `per_page` (1 to
    /// ``PageRequest/maximumPerPage``) query parameters; 400 naming the one outside its bounds,
    /// the same bounds the OpenAPI document states.
    public func pageRequest() throws(AppError) -> PageRequest {
        func number(_ name: String, default value: Int, in bounds: ClosedRange<Int>) throws(AppError) -> Int {
            guard let text = uri.queryParameters[Substring(name)].map(String.init) else { return value }
            guard let parsed = Int(text), bounds.contains(parsed) else {
                throw AppError.badRequest("query parameter '\(name)' must be a whole number from \(bounds.lowerBound) to \(bounds.upperBound), got '\(text)'")
            }
            return parsed
        }
        return PageRequest(
            page: try number("page", default: 1, in: 1...PageRequest.maximumPage),
            perPage: try number("per_page", default: PageRequest.defaultPerPage, in: 1...PageRequest.maximumPerPage)
        )
    }
}
