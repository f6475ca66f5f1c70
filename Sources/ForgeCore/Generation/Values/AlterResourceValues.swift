/// What `resource/AlterMigration.swift` renders from: one `forge alter`, as the steps of
/// `prepare` and of `revert`, for SQLite and for PostgreSQL.
struct AlterResourceValues: Encodable {
    var command: String
    var summary: String
    var migrationName: String
    var migrationType: String
    var table: String
    var directions: [Direction]

    /// `prepare` or `revert`: the schema it goes from and to.
    struct Direction: Encodable {
        var function: String
        /// Rows whose column is about to become NOT NULL get its default first (both databases).
        var fills: [Fill]
        /// SQLite: only new columns SQLite can add in place (nullable or defaulted, not unique);
        /// otherwise the table is rebuilt to `fields`, rows copied (renamed columns by `renames`).
        var inPlace: Bool
        var additions: [AlterMigrationValues.Step]
        var renames: [Rename]
        var hasRenames: Bool
        var dualIDs: Bool
        var softDeletes: Bool
        /// The rebuilt table keeps its `user_id` (`--owned` resources).
        var owned: Bool
        var fields: [ResourceValues.FieldValues]
        var indexes: [ResourceValues.IndexValues]
        /// PostgreSQL: `ALTER TABLE` in place.
        var postgres: [PostgresStep]
        /// Pivot tables of many-to-many fields dropped before the table changes, and created after.
        var dropLinks: [ResourceValues.LinkValues]
        /// Whether the table itself changes (not only its pivots).
        var changesTable: Bool
        /// `forge alter --owned`: `user_id` added and filled with the first account before the
        /// table changes (SQLite's rebuild copies it; PostgreSQL adds the key and NOT NULL after).
        var addsOwner: Bool
        var createLinks: [ResourceValues.LinkValues]
    }

    struct Fill: Encodable {
        var column: String
        /// A `SQLQueryString` interpolation of the default: `literal: "draft"`, `literal: 0`, `true`.
        var value: String
    }

    struct Rename: Encodable {
        var from: String
        var to: String
        var last: Bool
    }

    /// One PostgreSQL statement; exactly one kind flag is set.
    struct PostgresStep: Encodable {
        var column: String
        var renameColumn = false
        var renameIndex = false
        var addColumn = false
        var dropColumn = false
        var setType = false
        var setNotNull = false
        var dropNotNull = false
        var setDefault = false
        var dropDefault = false
        var createIndex = false
        var dropIndex = false
        var dropConstraint = false
        /// A foreign key added again with another `ON DELETE` action (`index` is its name).
        var addForeignKey = false
        var targetTable = ""
        var targetColumn = ""
        /// `RESTRICT`, `CASCADE` or `SET NULL`, as SQL spells it.
        var deleteAction = ""
        /// A rename's new column or index name.
        var newName = ""
        var type = ""
        var constraints: [String] = []
        var value = ""
        var index = ""
        var unique = false

        init(column: String) {
            self.column = column
        }
    }
}
