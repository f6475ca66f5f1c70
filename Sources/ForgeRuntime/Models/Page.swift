/// Which slice of a list a request asks for, bounded so no request can ask for everything.
public struct PageRequest: Sendable, Equatable {
    /// The largest `per_page` a client may ask for.
    public static let maximumPerPage = 100
    /// The largest `page`, so no offset overflows.
    public static let maximumPage = Int(Int32.max)
    /// The `per_page` used when the client names none.
    public static let defaultPerPage = 20

    /// 1-based page number.
    public var page: Int
    /// Rows per page, 1...``maximumPerPage``.
    public var perPage: Int

    /// A page request clamped into its bounds.
    public init(page: Int = 1, perPage: Int = PageRequest.defaultPerPage) {
        self.page = max(1, page)
        self.perPage = min(max(1, perPage), Self.maximumPerPage)
    }

    /// The number of rows to skip.
    public var offset: Int { (page - 1) * perPage }
}

/// One page of rows and the total they were cut from.
public struct Page<Item: Sendable>: Sendable {
    /// The rows of this page.
    public var items: [Item]
    /// Which page this is.
    public var request: PageRequest
    /// How many rows match in all.
    public var total: Int

    public init(items: [Item], request: PageRequest, total: Int) {
        self.items = items
        self.request = request
        self.total = total
    }

    /// The number of the last page (at least 1).
    public var lastPage: Int { max(1, (total + request.perPage - 1) / request.perPage) }

    /// The same page with each item transformed, for example into a response DTO.
    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> Page<T> {
        Page<T>(items: try items.map(transform), request: request, total: total)
    }
}
