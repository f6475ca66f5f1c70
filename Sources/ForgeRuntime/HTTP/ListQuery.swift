import Foundation
import ForgeShared
import Hummingbird
import SQLKit

/// What a list request asks for: a page, an order, filters and which soft-deleted rows to see.
///
/// ```
/// GET /api/posts?page=2&per_page=50&sort=-created_at,title
///     &filter[title]=Hello&filter[views][gte]=10&filter[created_at][lt]=2026-01-01T00:00:00Z
///     &with_trashed=true
/// ```
public struct ListQuery: Sendable, Equatable {
    /// One `ORDER BY` term.
    public struct SortKey: Sendable, Equatable {
        public var column: String
        public var descending: Bool

        public init(column: String, descending: Bool = false) {
            self.column = column
            self.descending = descending
        }
    }

    /// One comparison of a column with a value.
    public struct Filter: Sendable, Equatable {
        public enum Operator: String, Sendable, CaseIterable {
            case eq, ne, gt, gte, lt, lte
        }

        public var column: String
        public var op: Operator
        public var value: FilterValue

        public init(column: String, op: Operator, value: FilterValue) {
            self.column = column
            self.op = op
            self.value = value
        }
    }

    /// Which rows a soft-deleting resource lists.
    public enum TrashScope: Sendable, Equatable {
        case withoutTrashed, withTrashed, onlyTrashed
    }

    public var page: PageRequest
    public var sort: [SortKey]
    public var filters: [Filter]
    public var trash: TrashScope

    public init(page: PageRequest = PageRequest(), sort: [SortKey] = [], filters: [Filter] = [], trash: TrashScope = .withoutTrashed) {
        self.page = page
        self.sort = sort
        self.filters = filters
        self.trash = trash
    }
}

extension ListQuery {
    /// This query narrowed to the rows whose `column` holds `key`: a nested route's rows of one
    /// parent (`GET /api/posts/{id}/comments` lists comments with `post_id` = the post's id).
    public func scoped(to column: String, _ key: Int) -> ListQuery {
        var query = self
        query.filters.insert(Filter(column: column, op: .eq, value: .integer(key)), at: 0)
        return query
    }

    /// The same, for a parent named by its public UUID (`--ids dual` apps).
    public func scoped(to column: String, _ key: UUID) -> ListQuery {
        var query = self
        query.filters.insert(Filter(column: column, op: .eq, value: .uuid(key)), at: 0)
        return query
    }
}

extension ListQuery {
    /// Parses a list request for `model`, using its listing rules and soft-delete setting.
    public init<M: Model>(_ request: Request, for model: M.Type) throws(AppError) {
        try self.init(request, rules: M.listing, softDeletes: M.softDeletes)
    }

    /// Parses a list request's query string against `rules`; 400 naming the first bad parameter.
    public init(_ request: Request, rules: ListingRules, softDeletes: Bool = false) throws(AppError) {
        let parameters = request.uri.queryParameters
        self.init(page: try request.pageRequest())
        if let sortText = parameters["sort"].map(String.init), !sortText.isEmpty {
            for term in sortText.split(separator: ",", omittingEmptySubsequences: false) {
                let descending = term.hasPrefix("-")
                let column = String(descending ? term.dropFirst() : term)
                guard rules.columns[column] != nil else {
                    throw AppError.badRequest("cannot sort by '\(column)'; sortable fields: \(rules.columns.keys.sorted().joined(separator: ", "))")
                }
                sort.append(SortKey(column: column, descending: descending))
            }
        } else {
            sort = rules.defaultSort
        }
        // Hummingbird percent-decodes values but not keys; clients encode the brackets.
        for (rawKey, value) in parameters {
            let key = String(rawKey).removingPercentEncoding ?? String(rawKey)
            guard key.hasPrefix("filter[") else { continue }
            filters.append(try Self.parseFilter(key: key, value: String(value), rules: rules))
        }
        filters.sort { ($0.column, $0.op.rawValue) < ($1.column, $1.op.rawValue) }
        let withTrashed = try Self.flag(parameters["with_trashed"].map(String.init), name: "with_trashed")
        let onlyTrashed = try Self.flag(parameters["only_trashed"].map(String.init), name: "only_trashed")
        if withTrashed || onlyTrashed {
            guard softDeletes else {
                throw AppError.badRequest("this resource does not soft-delete; with_trashed and only_trashed do not apply")
            }
            trash = onlyTrashed ? .onlyTrashed : .withTrashed
        }
    }

    /// `filter[column]` or `filter[column][op]`.
    static func parseFilter(key: String, value: String, rules: ListingRules) throws(AppError) -> Filter {
        let inner = key.dropFirst("filter[".count)
        let parts = inner.split(separator: "]", omittingEmptySubsequences: false)
        let column = String(parts.first ?? "")
        var opText = "eq"
        if parts.count == 3, parts[1].hasPrefix("[") {
            opText = String(parts[1].dropFirst())
        } else if parts.count != 2 || !(parts.last ?? "").isEmpty {
            throw AppError.badRequest("malformed filter '\(key)'; write filter[field]=value or filter[field][gte]=value")
        }
        guard let kind = rules.columns[column] ?? rules.links[column]?.keyKind else {
            throw AppError.badRequest("cannot filter by '\(column)'; filterable fields: \(rules.filterable.joined(separator: ", "))")
        }
        guard let op = Filter.Operator(rawValue: opText) else {
            throw AppError.badRequest("unknown filter operator '\(opText)' in '\(key)'; use one of \(Filter.Operator.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (kind.isOrdered && rules.links[column] == nil) || op == .eq || op == .ne else {
            throw AppError.badRequest("operator '\(opText)' does not apply to '\(column)'; use eq or ne")
        }
        guard let parsed = kind.parse(value) else {
            throw AppError.badRequest("filter '\(key)' has a bad value '\(value)' for a \(kind) field")
        }
        return Filter(column: column, op: op, value: parsed)
    }

    static func flag(_ text: String?, name: String) throws(AppError) -> Bool {
        guard let text else { return false }
        switch text.lowercased() {
        case "", "1", "true": return true
        case "0", "false": return false
        default: throw AppError.badRequest("'\(name)' must be true or false, got '\(text)'")
        }
    }

    /// An ISO 8601 date-time (`2026-01-01T00:00:00Z`) or date (`2026-01-01`, midnight UTC).
    static func parseDate(_ text: String) -> Date? {
        guard let seconds = CalendarText.dateTime(text) ?? CalendarText.dateTime(text + "T00:00:00Z") else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}
