import Foundation
import Hummingbird
import SQLKit

/// The kind of a column, which decides how its filter values parse and which operators apply.
public enum ColumnKind: Sendable {
    case text, integer, number, boolean, datetime
    /// Exact decimals (`decimal`, `money`, `percent`), kept as text by SQLite.
    case decimal
    /// `date`, `time` and `uuid` columns: text on SQLite, typed on PostgreSQL.
    case date, time, uuid

    /// Whether ordering comparisons (`gt`, `lte`, ...) mean something.
    var isOrdered: Bool { self != .text && self != .boolean && self != .uuid }

    func parse(_ text: String) -> FilterValue? {
        switch self {
        case .text: .text(text)
        case .integer: Int(text).map(FilterValue.integer)
        case .number: Double(text).map(FilterValue.number)
        case .boolean: ["true": true, "1": true, "false": false, "0": false][text.lowercased()].map(FilterValue.boolean)
        case .datetime: ListQuery.parseDate(text).map(FilterValue.date)
        case .decimal: ExactDecimal(text).map(FilterValue.decimal)
        case .date: CalendarDate(text).map(FilterValue.calendarDate)
        case .time: TimeOfDay(text).map(FilterValue.timeOfDay)
        case .uuid: UUID(uuidString: text).map(FilterValue.uuid)
        }
    }
}
