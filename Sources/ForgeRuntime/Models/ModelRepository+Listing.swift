import Foundation
import SQLKit

extension ModelRepository {
    /// One page of rows matching `query`: its filters, order and trash scope.
    public func list(_ query: ListQuery) async throws -> Page<Record> {
        let select = database.select().column("*").from(Record.table)
        try apply(query, to: select)
        for key in query.sort {
            select.orderBy(SQLOrderBy(expression: Self.sortable(key.column), direction: key.descending ? SQLDirection.descending : SQLDirection.ascending))
        }
        if !query.sort.contains(where: { $0.column == "id" }) {
            // A stable order for equal sort keys, so pages never repeat or skip rows.
            select.orderBy("id")
        }
        let rows = try await select
            .limit(query.page.perPage)
            .offset(query.page.offset)
            .all(decoding: Record.self, keyDecodingStrategy: .columns)
        return Page(items: rows, request: query.page, total: try await count(query))
    }

    /// The number of rows matching `query`'s filters and trash scope.
    public func count(_ query: ListQuery) async throws -> Int {
        let select = database.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total")
            .from(Record.table)
        try apply(query, to: select)
        return try await select.first(decoding: CountRow.self)?.total ?? 0
    }

    /// The column as sorting and comparison see it: SQLite compares text-stored decimals as REAL.
    static func sortable(_ column: String) -> any SQLExpression {
        guard Record.listing.columns[column] == .decimal else { return SQLIdentifier(column) }
        return DialectExpression(sqlite: SQLFunction("CAST", args: SQLAlias(SQLIdentifier(column), as: SQLRaw("REAL"))), postgres: SQLIdentifier(column))
    }

    private func apply(_ query: ListQuery, to select: SQLSelectBuilder) throws(AppError) {
        _ = try scoped(select)
        for filter in query.filters {
            if let pivot = Record.listing.links[filter.column] {
                // Membership of a many-to-many relation: the rows the pivot links to the value.
                let linked: SQLQueryString = """
                    SELECT \(ident: pivot.ownerColumn) FROM \(ident: pivot.table) WHERE \(ident: pivot.targetColumn) = \(filter.value.bind)
                    """
                select.where(SQLColumn(pivot.ownerKey, table: Record.table), filter.op == .ne ? .notIn : .in, SQLGroupExpression(linked))
            } else {
                select.where(Self.sortable(filter.column), filter.op.sqlOperator, filter.value.bind)
            }
        }
        guard Record.softDeletes else { return }
        switch query.trash {
        case .withoutTrashed: select.where("deleted_at", .is, SQLLiteral.null)
        case .withTrashed: break
        case .onlyTrashed: select.where("deleted_at", .isNot, SQLLiteral.null)
        }
    }
}

extension ListQuery.Filter.Operator {
    var sqlOperator: SQLBinaryOperator {
        switch self {
        case .eq: .equal
        case .ne: .notEqual
        case .gt: .greaterThan
        case .gte: .greaterThanOrEqual
        case .lt: .lessThan
        case .lte: .lessThanOrEqual
        }
    }
}
