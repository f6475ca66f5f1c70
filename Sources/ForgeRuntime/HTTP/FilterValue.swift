import Foundation
import Hummingbird
import SQLKit

/// A filter value, typed by the column it compares with.
public enum FilterValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case date(Date)
    case decimal(ExactDecimal)
    case calendarDate(CalendarDate)
    case timeOfDay(TimeOfDay)
    case uuid(UUID)

    var bind: any SQLExpression {
        switch self {
        // These bind as text that PostgreSQL casts to the column's type.
        case .calendarDate(let value): value
        case .timeOfDay(let value): value
        case .uuid(let value): SQLBind(value)
        case .decimal(let value):
            // SQLite keeps decimals as text and compares them as REAL; PostgreSQL as NUMERIC.
            DialectExpression(sqlite: SQLBind(Double(value.description) ?? 0), postgres: value)
        case .text(let value): SQLBind(value)
        case .integer(let value): SQLBind(value)
        case .number(let value): SQLBind(value)
        case .boolean(let value): SQLBind(value)
        case .date(let value): SQLBind(value)
        }
    }
}
