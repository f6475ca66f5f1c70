import SQLKit

extension SQLDataType {
    /// A column type spelled per database, as the field-type table gives it:
    /// `.dialect(sqlite: "TEXT", postgres: "NUMERIC(19,4)")`.
    public static func dialect(sqlite: String, postgres: String) -> SQLDataType {
        .custom(DialectType(sqlite: sqlite, postgres: postgres))
    }
}

/// Writes `sqlite` or `postgres` depending on the database the statement is for.
struct DialectType: SQLExpression {
    let sqlite: String
    let postgres: String

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(serializer.dialect.name == "postgresql" ? postgres : sqlite)
    }
}

/// A bound value that PostgreSQL must be told the type of (`$1::NUMERIC`); SQLite takes it as is.
struct DialectCast: SQLExpression {
    let value: any SQLExpression
    let postgres: String

    init(_ value: any SQLExpression, postgres: String) {
        self.value = value
        self.postgres = postgres
    }

    func serialize(to serializer: inout SQLSerializer) {
        value.serialize(to: &serializer)
        if serializer.dialect.name == "postgresql" { serializer.write("::\(postgres)") }
    }
}

/// One expression for SQLite, another for PostgreSQL.
struct DialectExpression: SQLExpression {
    let sqlite: any SQLExpression
    let postgres: any SQLExpression

    func serialize(to serializer: inout SQLSerializer) {
        (serializer.dialect.name == "postgresql" ? postgres : sqlite).serialize(to: &serializer)
    }
}
