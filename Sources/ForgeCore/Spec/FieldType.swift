import ForgeShared

/// A field type of the spec language and everything it maps to, in one table (``traits``).
///
/// `enum`, `references` and `many` carry a payload in the spec (`status:enum/draft/published`,
/// `author:references/User`, `tags:many/Tag`); the payload lives on ``Field`` and the rows here
/// describe the parts that do not depend on it. `many` is the one type without a column.
public enum FieldType: String, CaseIterable, Codable, Sendable {
    case string, text, integer, bigint, float, decimal, money, percent, boolean, datetime, date, time
    case email, url, uuid, json, phone, slug, ip, color, file, image
    case enumeration = "enum"
    case reference = "references"
    /// A many-to-many relation (`tags:many/Tag`): no column, a pivot table beside the resource's.
    case many

    /// How values of this type are measured by `max`/`min`.
    public enum Measure: Sendable {
        /// Length in characters; `gt`/`lt` do not apply.
        case length
        /// Numeric value; `min`/`max` mean `ge`/`le`.
        case value
        /// Not measurable; every bound is rejected.
        case none
    }

    /// One row of the type table.
    public struct Traits: Sendable {
        /// The Swift type of the model property (`enum` and `references` are resolved per field).
        public var swift: String
        /// The SQLite column; `%d` is the length bound of a `VARCHAR`.
        public var sqlite: String
        /// The PostgreSQL column; `%d` as for `sqlite`.
        public var postgres: String
        public var measure: Measure
        /// How list filters parse and compare values (ForgeRuntime's `ColumnKind`); `nil` for
        /// columns clients may not sort or filter on.
        public var columnKind: String?
        /// The validation every value gets, as a ForgeRuntime `FieldRule` expression. Types whose
        /// Swift type checks its own format when decoded (UUID, dates, decimals, enums) need none.
        public var validation: String?
        /// What the built-in validation accepts, for docs and error messages.
        public var format: String
        /// The `Fake` call that makes a valid value (`%@` is replaced by bound arguments).
        public var fake: String
        /// The length bound a `VARCHAR` gets when the spec names none.
        public var defaultLength: Int?
        /// The value range every value must keep, whatever the rules say.
        public var range: ClosedRange<Double>?
    }

    /// The type table: one row per type, the single place each type's mapping is written down.
    /// The text format the runtime checks every value of this type against (ForgeShared's
    /// ``TextFormat``, the same check forge applies to a `default:`); `nil` for types without one.
    public var textFormat: TextFormat? {
        switch self {
        case .email: .email
        case .url: .url
        case .uuid: .uuid
        case .date: .date
        case .time: .time
        case .phone: .phone
        case .slug: .slug
        case .ip: .ipAddress
        case .color: .hexColor
        case .file: .filePath
        case .image: .imagePath
        case .string, .text, .integer, .bigint, .float, .decimal, .money, .percent, .boolean, .datetime, .json, .enumeration, .reference, .many: nil
        }
    }

    public var traits: Traits {
        switch self {
        case .string:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: nil, format: "any text", fake: "words", defaultLength: 255)
        case .text:
            Traits(swift: "String", sqlite: "TEXT", postgres: "TEXT", measure: .length, columnKind: "text",
                   validation: nil, format: "any text, unbounded", fake: "paragraph")
        case .integer:
            Traits(swift: "Int", sqlite: "INTEGER", postgres: "INTEGER", measure: .value, columnKind: "integer",
                   validation: ".int32", format: "a 32-bit whole number", fake: "integer",
                   range: Double(Int32.min)...Double(Int32.max))
        case .bigint:
            Traits(swift: "Int64", sqlite: "INTEGER", postgres: "BIGINT", measure: .value, columnKind: "integer",
                   validation: nil, format: "a 64-bit whole number", fake: "bigint")
        case .float:
            Traits(swift: "Double", sqlite: "REAL", postgres: "DOUBLE PRECISION", measure: .value, columnKind: "number",
                   validation: nil, format: "a binary floating-point number", fake: "float")
        case .decimal:
            Traits(swift: "ExactDecimal", sqlite: "TEXT", postgres: "NUMERIC", measure: .value, columnKind: "decimal",
                   validation: nil, format: "an exact decimal number (no float rounding)", fake: "decimal")
        case .money:
            Traits(swift: "ExactDecimal", sqlite: "TEXT", postgres: "NUMERIC(19,4)", measure: .value, columnKind: "decimal",
                   validation: ".money", format: "an exact amount with at most 4 decimal places", fake: "money")
        case .percent:
            Traits(swift: "ExactDecimal", sqlite: "TEXT", postgres: "NUMERIC(7,4)", measure: .value, columnKind: "decimal",
                   validation: ".percent", format: "an exact number from 0 to 100, at most 4 decimal places", fake: "percent",
                   range: 0...100)
        case .boolean:
            Traits(swift: "Bool", sqlite: "BOOLEAN", postgres: "BOOLEAN", measure: .none, columnKind: "boolean",
                   validation: nil, format: "true or false", fake: "boolean")
        case .datetime:
            Traits(swift: "Date", sqlite: "TIMESTAMP", postgres: "TIMESTAMPTZ", measure: .none, columnKind: "datetime",
                   validation: nil, format: "an ISO 8601 date-time, 2026-01-31T09:30:00Z", fake: "datetime")
        case .date:
            Traits(swift: "CalendarDate", sqlite: "TEXT", postgres: "DATE", measure: .none, columnKind: "date",
                   validation: nil, format: "a calendar date, 2026-01-31", fake: "date")
        case .time:
            Traits(swift: "TimeOfDay", sqlite: "TEXT", postgres: "TIME", measure: .none, columnKind: "time",
                   validation: nil, format: "a time of day, 09:30 or 09:30:15", fake: "time")
        case .email:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".email", format: "an email address", fake: "email", defaultLength: 255)
        case .url:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".url", format: "an http or https URL", fake: "url", defaultLength: 2048)
        case .uuid:
            Traits(swift: "UUID", sqlite: "TEXT", postgres: "UUID", measure: .none, columnKind: "uuid",
                   validation: nil, format: "a UUID", fake: "uuid")
        case .json:
            Traits(swift: "JSONObject", sqlite: "TEXT", postgres: "JSONB", measure: .none, columnKind: nil,
                   validation: nil, format: "a JSON object", fake: "json")
        case .phone:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".phone", format: "a phone number: 7 to 15 digits, optional leading +", fake: "phone", defaultLength: 32)
        case .slug:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".slug", format: "lowercase words joined by hyphens, my-first-post", fake: "slug", defaultLength: 255)
        case .ip:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".ipAddress", format: "an IPv4 or IPv6 address", fake: "ipAddress", defaultLength: 45)
        case .color:
            Traits(swift: "String", sqlite: "VARCHAR(7)", postgres: "VARCHAR(7)", measure: .none, columnKind: "text",
                   validation: ".hexColor", format: "a #rrggbb colour", fake: "color")
        case .file:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".filePath", format: "a file path or URL", fake: "filePath", defaultLength: 2048)
        case .image:
            Traits(swift: "String", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .length, columnKind: "text",
                   validation: ".imagePath", format: "a path or URL ending in .png, .jpg, .jpeg, .gif, .webp, .svg or .avif", fake: "imagePath",
                   defaultLength: 2048)
        case .enumeration:
            Traits(swift: "", sqlite: "VARCHAR(%d)", postgres: "VARCHAR(%d)", measure: .none, columnKind: "text",
                   validation: nil, format: "one of the listed values", fake: "pick")
        case .reference:
            Traits(swift: "Int", sqlite: "INTEGER", postgres: "BIGINT", measure: .none, columnKind: "integer",
                   validation: nil, format: "the id of an existing row", fake: "pick")
        case .many:
            Traits(swift: "[Int]", sqlite: "", postgres: "", measure: .none, columnKind: nil,
                   validation: nil, format: "the ids of existing rows", fake: "pick")
        }
    }

    /// The names the parser accepts, in the order docs list them.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// Whether the Swift type is `String`, so text rules (`notBlank`, lengths) apply.
    public var isText: Bool { traits.swift == "String" }

    /// Whether values are exact decimals.
    public var isDecimal: Bool { traits.swift == "ExactDecimal" }

    /// Whether values are whole numbers.
    public var isWholeNumber: Bool { self == .integer || self == .bigint }
}
