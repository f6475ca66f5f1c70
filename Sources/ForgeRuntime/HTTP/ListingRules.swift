import Foundation
import Hummingbird
import SQLKit

/// Which columns of a model a client may sort and filter on.
public struct ListingRules: Sendable {
    /// Column → kind, for every column a client may name.
    public var columns: [String: ColumnKind]
    /// Many-to-many relations a client may filter by membership: `filter[tags]=3` lists the rows
    /// linked to tag 3 through the pivot, `filter[tags][ne]=3` the others. Not sortable.
    public var links: [String: Pivot]
    /// The order when the client names none.
    public var defaultSort: [ListQuery.SortKey]

    /// Rules for `columns` plus the timestamps, and `id` unless `exposesID` is false (models with
    /// public IDs never reveal their integer key, not even by sorting or filtering on it).
    public init(columns: [String: ColumnKind], links: [String: Pivot] = [:], exposesID: Bool = true,
                defaultSort: [ListQuery.SortKey] = [ListQuery.SortKey(column: "id")]) {
        var all = columns.merging(["created_at": .datetime, "updated_at": .datetime]) { mine, _ in mine }
        if exposesID { all["id"] = .integer }
        self.columns = all
        self.links = links
        self.defaultSort = defaultSort
    }

    /// Every name `filter[...]` accepts, sorted, for error messages.
    var filterable: [String] { (Array(columns.keys) + Array(links.keys)).sorted() }
}
