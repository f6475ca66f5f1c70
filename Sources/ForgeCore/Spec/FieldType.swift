/// A field type of the spec language and everything it maps to, in one table.
///
/// Each case names one Swift type, one SQLite column, the validation every value gets and
/// sample values for generated tests and factories.
public enum FieldType: String, CaseIterable, Codable, Sendable {
    case string, text, integer, bigint, float, boolean, datetime, email, url

    /// How values of this type are measured by `max`/`min`.
    public enum Measure: Sendable {
        /// Length in characters.
        case length
        /// Numeric value.
        case value
        /// Not measurable; `max`/`min` are rejected.
        case none
    }

    /// The Swift type of the model property.
    public var swiftType: String {
        switch self {
        case .string, .text, .email, .url: "String"
        case .integer, .bigint: "Int"
        case .float: "Double"
        case .boolean: "Bool"
        case .datetime: "Date"
        }
    }

    /// The SQLKit data type expression of the column, given an optional length bound.
    public func columnType(maxLength: Int?) -> String {
        switch self {
        case .string, .email, .url:
            ".custom(SQLRaw(\"VARCHAR(\(maxLength ?? 255))\"))"
        case .text: ".text"
        case .integer, .bigint: ".bigint"
        case .float: ".real"
        case .boolean: ".custom(SQLRaw(\"BOOLEAN\"))"
        case .datetime: ".timestamp"
        }
    }

    /// How list filters parse and compare values of this type (ForgeRuntime's `ColumnKind`).
    public var columnKind: String {
        switch self {
        case .string, .text, .email, .url: "text"
        case .integer, .bigint: "integer"
        case .float: "number"
        case .boolean: "boolean"
        case .datetime: "datetime"
        }
    }

    /// What `max`/`min` bound for this type.
    public var measure: Measure {
        switch self {
        case .string, .text, .email, .url: .length
        case .integer, .bigint, .float: .value
        case .boolean, .datetime: .none
        }
    }

    /// The validation every value of this type gets, as a `FieldRule` expression.
    public var builtInRule: String? {
        switch self {
        case .email: ".email"
        case .url: ".url"
        default: nil
        }
    }

    /// The length bound a `VARCHAR` gets when the spec names none.
    public var defaultMaxLength: Int? {
        switch self {
        case .string, .email, .url: 255
        default: nil
        }
    }
}
