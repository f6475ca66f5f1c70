import SQLKit

extension SQLDatabase {
    /// Rebuilds `table` as `define` describes it, keeping its rows: the procedure SQLite
    /// documents for changes `ALTER TABLE` cannot make (a column's type or constraints, a drop
    /// or rename SQLite refuses in place).
    ///
    /// A new table is created, every column the old and new tables share is copied (a column in
    /// `renaming` is copied into its new name), the old table is dropped and the new one takes
    /// its name. Indexes go with the old table; create the new table's after this call. Run it
    /// in a migration: the runner turns SQLite's foreign keys off around the migration's
    /// transaction (rows elsewhere that point at this table would otherwise block the drop) and
    /// checks every foreign key before it commits.
    public func rebuild(table: String, renaming: [String: String] = [:], _ define: (SQLCreateTableBuilder) -> SQLCreateTableBuilder) async throws {
        let scratch = "_forge_rebuild_\(table)"
        try await drop(table: scratch).ifExists().run()
        try await define(create(table: scratch)).run()
        let old = try await columns(of: table)
        let new = Set(try await columns(of: scratch))
        let copies = old.compactMap { column -> (target: String, source: String)? in
            let target = renaming[column] ?? column
            return new.contains(target) ? (target, column) : nil
        }
        if !copies.isEmpty {
            try await raw("""
                INSERT INTO \(ident: scratch) (\(idents: copies.map(\.target), joinedBy: ", ")) \
                SELECT \(idents: copies.map(\.source), joinedBy: ", ") FROM \(ident: table)
                """).run()
        }
        try await drop(table: table).run()
        try await raw("ALTER TABLE \(ident: scratch) RENAME TO \(ident: table)").run()
    }

    /// The columns of `table`, in order (SQLite's `table_info`; PostgreSQL's catalog otherwise).
    func columns(of table: String) async throws -> [String] {
        if dialect.name == "sqlite" {
            return try await raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all(decoding: Column.self).map(\.name)
        }
        return try await raw("""
            SELECT column_name AS name FROM information_schema.columns \
            WHERE table_schema = current_schema() AND table_name = \(bind: table) ORDER BY ordinal_position
            """).all(decoding: Column.self).map(\.name)
    }
}

/// A column name, as the catalog queries of ``SQLDatabase/rebuild(table:renaming:_:)`` read them.
private struct Column: Decodable {
    let name: String
}

/// A schema change that would leave the database inconsistent, so it was rolled back.
public struct SchemaChangeError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
