import Foundation

/// The values the resource templates render, computed once from a stored resource.
///
/// Templates stay free of logic: every Swift fragment that depends on a field's type and
/// rules (column definitions, validation calls, fake and sample values) is built here, from
/// the type table in ``FieldType/traits``.
struct ResourceContext {
    let resource: Manifest.Resource
    let manifest: Manifest
    let names: ResourceName
    let appType: String
    let command: String
    /// Whether the app addresses rows by public UUID (`forge new --ids dual`).
    let dualIDs: Bool

    init(resource: Manifest.Resource, manifest: Manifest, command: String) throws(FieldSpecError) {
        self.resource = resource
        self.manifest = manifest
        self.names = try ResourceName(resource.name, inflector: manifest.inflector)
        self.appType = AppNames.appType(manifest.app.name)
        self.command = command
        self.dualIDs = manifest.app.ids == .dual
    }

    /// The Swift type of the migration, derived from its name: `create_posts` → `CreatePosts`.
    var migrationType: String {
        MigrationName.typeName(resource.migration)
    }

    var values: [String: Any] {
        let fields = resource.fields
        let fieldValues = fields.enumerated().map { index, field in
            fieldContext(field, isLast: index == fields.count - 1)
        }
        let required = fields.filter(\.isRequired).map { ["property": $0.property, "column": $0.name] }
        let unique = fields.filter(\.isUnique).map(uniqueContext)
        var references = fields.compactMap(referenceContext)
        for index in references.indices { references[index]["last"] = index == references.count - 1 }
        return [
            "command": command,
            "appType": appType,
            "type": names.type,
            "plural": names.plural,
            "table": names.table,
            "path": names.path,
            "variable": names.variable,
            "pluralVariable": names.pluralVariable,
            "migrationType": migrationType,
            "migrationName": resource.migration,
            "fields": fieldValues,
            "enums": fields.compactMap(enumContext),
            "hasRenamed": fields.contains { $0.property != $0.name },
            // Swift's `.convertToSnakeCase` turns every property back into its column (a digit
            // after an underscore, as in `photo_2x`, would not survive the round trip).
            "snakeCaseKeys": fields.allSatisfy { $0.name.split(separator: "_").dropFirst().allSatisfy { $0.first?.isLetter == true } },
            "softDeletes": resource.softDeletes ?? false,
            "protected": resource.protected ?? false,
            "runner": resource.protected == true ? "signedIn" : "app.run",
            "dualIDs": dualIDs,
            "idAccessor": dualIDs ? "string" : "int",
            "missingID": dualIDs ? "00000000-0000-4000-8000-000000000000" : "999999",
            "requiredFields": required,
            "hasRequired": !required.isEmpty,
            "uniqueFields": unique,
            "references": references,
            "hasReferences": !references.isEmpty,
            "serviceImportsFoundation": dualIDs && !references.isEmpty,
            "referenceSetup": referenceSetup,
            "factoryArguments": references.map { "\($0["idsProperty"]!): [\(dualIDs ? "UUID()" : "1")]" }.joined(separator: ", "),
            "factoryArgumentsLive": references.map { "\($0["idsProperty"]!): \($0["tableIds"]!)" }.joined(separator: ", "),
            "referencedTables": referencedTables(references),
            "indexes": fields.filter(\.isIndexed).map {
                ["name": "\(names.table)_\($0.name)_index", "column": $0.name]
            },
            "validBody": Self.literal(bodyPairs(variant: 1), indent: 8),
            "secondBody": Self.literal(bodyPairs(variant: 2), indent: 8),
            "hasUniqueFields": !unique.isEmpty,
            "updateBody": updateBody,
            "updateColumn": updateField.name,
            "updateValue": sample(updateField, variant: 2),
        ]
    }

    // MARK: Fields

    /// The Swift type of a field's values: the table's, or the generated enum's.
    func swiftType(_ field: Field) -> String {
        if field.type == .enumeration { return "\(names.type).\(Self.enumTypeName(field))" }
        if field.foreignKey != nil { return referenceIDType }
        return field.type.traits.swift
    }

    /// What a reference holds: the target's integer id, or in `--ids dual` apps its public UUID
    /// (the foreign key then points at `public_id`, so no integer id ever reaches the API).
    var referenceIDType: String { dualIDs ? "UUID" : "Int" }

    /// The nested enum an `enum` field generates: `status` → `Status` (`TypeValue`, `DateValue`,
    /// `DraftValue` where the plain name would clash with a type Swift, the runtime or the model
    /// already declares).
    static func enumTypeName(_ field: Field) -> String {
        let name = field.name.pascalCased
        return ReservedWords.typeNames.contains(name) || ["Draft", "CodingKeys"].contains(name) ? name + "Value" : name
    }

    private func fieldContext(_ field: Field, isLast: Bool) -> [String: Any] {
        let swift = swiftType(field)
        let createRules = (field.isRequired ? [".required"] : []) + valueRules(field)
        let updateRules = valueRules(field) + (field.isRequired && field.type.isText ? [".notBlank"] : [])
        var draftValue = field.property
        if let value = field.defaultValue, !field.isRequired {
            draftValue += " ?? " + literal(value, for: field)
        }
        return [
            "property": field.property,
            "column": field.name,
            "renamed": field.property != field.name,
            "swiftType": swift,
            "columnKind": (dualIDs && field.foreignKey != nil ? "uuid" : field.type.traits.columnKind) ?? "",
            "listable": field.type.traits.columnKind != nil,
            "modelType": swift + (field.isNotNull ? "" : "?"),
            "optional": !field.isNotNull,
            "createRules": createRules,
            "hasCreateRules": !createRules.isEmpty,
            "updateRules": updateRules,
            "hasUpdateRules": !updateRules.isEmpty,
            "draftValue": draftValue,
            "columnType": columnType(field),
            "constraints": constraints(field),
            "fake": fakeExpression(field),
            "sample": sample(field, variant: 1),
            "isLast": isLast,
        ]
    }

    /// `.dialect(sqlite: "VARCHAR(120)", postgres: "VARCHAR(120)")`, or SQLKit's own name when
    /// both databases spell the type the same way.
    func columnType(_ field: Field) -> String {
        if dualIDs, field.foreignKey != nil { return ".dialect(sqlite: \"TEXT\", postgres: \"UUID\")" }
        let traits = field.type.traits
        let sqlite = traits.sqlite.replacingOccurrences(of: "%d", with: String(field.columnLength))
        let postgres = traits.postgres.replacingOccurrences(of: "%d", with: String(field.columnLength))
        if sqlite == postgres { return sqlite == "TEXT" ? ".text" : ".custom(SQLRaw(\"\(sqlite)\"))" }
        return ".dialect(sqlite: \"\(sqlite)\", postgres: \"\(postgres)\")"
    }

    /// ForgeRuntime `FieldRule` expressions for a field's value rules (everything but presence).
    func valueRules(_ field: Field) -> [String] {
        var rules: [String] = []
        if let builtIn = field.type.traits.validation { rules.append(builtIn) }
        switch field.type.traits.measure {
        case .length:
            if let min = field.minLength { rules.append(".minLength(\(min))") }
            if let max = field.maxLength ?? field.type.traits.defaultLength { rules.append(".maxLength(\(max))") }
        case .value:
            for rule in field.rules {
                switch rule {
                case .min(let bound), .ge(let bound): rules.append(".min(\(numberLiteral(bound, for: field)))")
                case .max(let bound), .le(let bound): rules.append(".max(\(numberLiteral(bound, for: field)))")
                case .gt(let bound): rules.append(".greaterThan(\(numberLiteral(bound, for: field)))")
                case .lt(let bound): rules.append(".lessThan(\(numberLiteral(bound, for: field)))")
                default: break
                }
            }
        case .none:
            break
        }
        return rules
    }

    func constraints(_ field: Field) -> [String] {
        var constraints: [String] = []
        if field.isNotNull { constraints.append(".notNull") }
        if field.isUnique { constraints.append(".unique") }
        if let value = field.defaultValue { constraints.append(".default(\(columnDefault(value, for: field)))") }
        if let key = field.foreignKey { constraints.append(".references(\"\(key.table)\", \"\(dualIDs ? "public_id" : key.column)\")") }
        return constraints
    }

    private func enumContext(_ field: Field) -> [String: Any]? {
        guard field.type == .enumeration, let values = field.values else { return nil }
        return [
            "enumType": Self.enumTypeName(field),
            "column": field.name,
            "cases": values.map { value in
                let name = value.camelCased
                let escaped = ReservedWords.swift.contains(name) ? "`\(name)`" : name
                return ["name": escaped, "renamed": name != value, "value": value]
            },
        ]
    }

    private func referenceContext(_ field: Field) -> [String: Any]? {
        guard let key = field.foreignKey, let target = target(of: field) else { return nil }
        let targetNames = try? ResourceName(target.name, inflector: manifest.inflector)
        let relation = field.relation
        return [
            "column": field.name,
            "property": field.property,
            "relation": relation,
            "targetType": target.name,
            "targetTable": key.table,
            "targetVariable": targetNames?.variable ?? relation,
            "idsProperty": relation + "Ids",
            "tableIds": (targetNames?.variable ?? relation) + "Ids",
            "idType": referenceIDType,
            "keyCase": dualIDs ? "publicID" : "id",
            "idsMethod": dualIDs ? "publicIDs" : "ids",
            "optional": !field.isNotNull,
        ]
    }

    /// One entry per table the references point at, so a seeder reads each table's ids once
    /// even when two fields refer to it; `required` when any of those fields must be set.
    private func referencedTables(_ references: [[String: Any]]) -> [[String: Any]] {
        var tables: [[String: Any]] = []
        for reference in references {
            if let index = tables.firstIndex(where: { $0["targetTable"] as? String == reference["targetTable"] as? String }) {
                tables[index]["required"] = (tables[index]["required"] as? Bool ?? false) || !(reference["optional"] as? Bool ?? true)
            } else {
                tables.append([
                    "targetTable": reference["targetTable"]!, "targetType": reference["targetType"]!,
                    "tableIds": reference["tableIds"]!, "idsMethod": reference["idsMethod"]!,
                    "required": !(reference["optional"] as? Bool ?? true),
                ])
            }
        }
        return tables
    }

    /// The resource a foreign-key field points at.
    func target(of field: Field) -> Manifest.Resource? {
        manifest.target(of: field, owner: resource)
    }

    /// A unique field: the service's checks are written in `resource/Service.swift`.
    private func uniqueContext(_ field: Field) -> [String: Any] {
        [
            "column": field.name,
            "property": field.property,
            // Not null in a draft, so the create and replace checks need no `if let`.
            "required": field.isNotNull,
            "uniqueLabel": field.name.pascalCased,
        ]
    }

    // MARK: Literals

    /// A bound as a Swift literal of the field's type: `5`, `5.0`, `"9999.99"`.
    func numberLiteral(_ value: Double, for field: Field) -> String {
        let text = SpecRule.format(value)
        switch field.type {
        case .float: return text.contains(".") ? text : text + ".0"
        case .decimal, .money, .percent: return text.contains(".") ? "\"\(text)\"" : text
        case .string, .text, .integer, .bigint, .boolean, .datetime, .date, .time, .email, .url, .uuid, .json, .phone,
             .slug, .ip, .color, .file, .image, .enumeration, .reference:
            return text
        }
    }

    /// A Swift literal for a `default:` value of `field`.
    func literal(_ value: String, for field: Field) -> String {
        switch field.type {
        case .integer, .bigint, .boolean: return value
        case .float: return value.contains(".") ? value : value + ".0"
        case .decimal, .money, .percent: return value.contains(".") ? "\"\(value)\"" : value
        case .enumeration: return "." + value.camelCased
        case .date: return "CalendarDate(\"\(value)\")!"
        case .time: return "TimeOfDay(\"\(value)\")!"
        case .uuid: return "UUID(uuidString: \"\(value)\")!"
        case .json: return "[:]"
        case .string, .text, .datetime, .email, .url, .phone, .slug, .ip, .color, .file, .image, .reference:
            return Self.stringLiteral(value)
        }
    }

    /// The column default: numbers and booleans as themselves, everything else as text, which
    /// both databases convert to the column's type.
    func columnDefault(_ value: String, for field: Field) -> String {
        switch field.type {
        case .integer, .bigint, .float, .boolean: value
        case .decimal, .money, .percent, .string, .text, .datetime, .date, .time, .email, .url, .uuid, .json, .phone,
             .slug, .ip, .color, .file, .image, .enumeration, .reference:
            Self.stringLiteral(value)
        }
    }

    static func stringLiteral(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
