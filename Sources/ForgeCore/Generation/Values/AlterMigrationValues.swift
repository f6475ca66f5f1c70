/// What `component/AlterMigration.swift` renders from: the steps of `prepare` and of `revert`.
struct AlterMigrationValues: Encodable {
    var command: String
    var summary: String
    var migrationName: String
    var migrationType: String
    var prepare: [Step]
    var revert: [Step]

    /// What one step does; the template has a section for each.
    enum StepKind: String, CaseIterable {
        case addColumn, createIndex, dropIndex, dropColumn
    }

    /// One SQLKit call. Every step carries a flag per kind, so each kind's section can tell it
    /// apart from the others.
    struct Step: Encodable {
        var table: String
        var column: String
        /// The column type and constraints of an added column.
        var type: String = ""
        var constraints: [String] = []
        /// The index a step creates or drops.
        var index: String = ""
        var unique: Bool = false
        var addColumn = false
        var createIndex = false
        var dropIndex = false
        var dropColumn = false

        init(_ kind: StepKind, table: String, column: String, type: String = "", constraints: [String] = [],
             index: String = "", unique: Bool = false) {
            self.table = table
            self.column = column
            self.type = type
            self.constraints = constraints
            self.index = index
            self.unique = unique
            switch kind {
            case .addColumn: addColumn = true
            case .createIndex: createIndex = true
            case .dropIndex: dropIndex = true
            case .dropColumn: dropColumn = true
            }
        }
    }
}
