import Foundation

/// The values the resource templates render, computed once from a stored resource.
///
/// Templates stay free of logic: every Swift fragment that depends on a field's type and
/// rules (column definitions, validation calls, sample values) is built here.
struct ResourceContext {
    let resource: Manifest.Resource
    let names: ResourceName
    let appType: String
    let command: String
    /// Whether the app addresses rows by public UUID (`forge new --ids dual`).
    let dualIDs: Bool

    init(resource: Manifest.Resource, manifest: Manifest, command: String) throws(FieldSpecError) {
        self.resource = resource
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
            "hasRenamed": fields.contains { $0.property != $0.name },
            "hasOptional": fields.contains { !$0.isRequired },
            "softDeletes": resource.softDeletes ?? false,
            "dualIDs": dualIDs,
            "idAccessor": dualIDs ? "string" : "int",
            "missingID": dualIDs ? "00000000-0000-4000-8000-000000000000" : "999999",
            "requiredFields": required,
            "hasRequired": !required.isEmpty,
            "uniqueFields": unique,
            "indexes": fields.filter { $0.isIndexed && !$0.isUnique }.map {
                ["name": "\(names.table)_\($0.name)_index", "column": $0.name]
            },
            "validBody": body(variant: 1),
            "updateBody": updateBody,
            "updateColumn": updateField.name,
            "updateValue": Self.sample(updateField, variant: 2),
        ]
    }

    private func fieldContext(_ field: Field, isLast: Bool) -> [String: Any] {
        let type = field.type
        let optionalMark = field.isRequired ? "" : "?"
        let createRules = (field.isRequired ? [".required"] : []) + Self.valueRules(field)
        let updateRules = Self.valueRules(field) + (field.isRequired && type.swiftType == "String" ? [".notBlank"] : [])
        var draftValue = field.property
        if let value = field.defaultValue, !field.isRequired {
            draftValue += " ?? " + Self.swiftLiteral(value, type: type)
        }
        return [
            "property": field.property,
            "column": field.name,
            "renamed": field.property != field.name,
            "swiftType": type.swiftType,
            "columnKind": type.columnKind,
            "modelType": type.swiftType + optionalMark,
            "createRules": createRules,
            "hasCreateRules": !createRules.isEmpty,
            "updateRules": updateRules,
            "hasUpdateRules": !updateRules.isEmpty,
            "draftValue": draftValue,
            "columnType": type.columnType(maxLength: field.type.measure == .length ? field.maxBound.map { Int($0) } ?? type.defaultMaxLength : nil),
            "constraints": constraints(field),
            "sample": Self.sample(field, variant: 1),
            "isLast": isLast,
        ]
    }

    /// `FieldRule` expressions for a field's value rules (everything but presence).
    static func valueRules(_ field: Field) -> [String] {
        var rules: [String] = []
        if let builtIn = field.type.builtInRule { rules.append(builtIn) }
        switch field.type.measure {
        case .length:
            if let min = field.minBound { rules.append(".minLength(\(Int(min)))") }
            if let max = field.maxBound { rules.append(".maxLength(\(Int(max)))") }
            else if let max = field.type.defaultMaxLength { rules.append(".maxLength(\(max))") }
        case .value:
            let literal = { (value: Double) in field.type.swiftType == "Double" ? "\(value)" : FieldRule.format(value) }
            if let min = field.minBound { rules.append(".min(\(literal(min)))") }
            if let max = field.maxBound { rules.append(".max(\(literal(max)))") }
        case .none:
            break
        }
        return rules
    }

    private func constraints(_ field: Field) -> [String] {
        var constraints: [String] = []
        if field.isRequired { constraints.append(".notNull") }
        if field.isUnique { constraints.append(".unique") }
        if let value = field.defaultValue { constraints.append(".default(\(Self.swiftLiteral(value, type: field.type)))") }
        return constraints
    }

    private func uniqueContext(_ field: Field) -> [String: Any] {
        let conflict = "throw AppError.conflict(field: \"\(field.name)\")"
        let property = field.property
        let plural = names.pluralVariable
        let draftCheck = field.isRequired
            ? "if try await \(plural).exists(\"\(field.name)\", equals: draft.\(property)) { \(conflict) }"
            : "if let \(property) = draft.\(property), try await \(plural).exists(\"\(field.name)\", equals: \(property)) { \(conflict) }"
        let replaceCheck = field.isRequired
            ? "if try await \(plural).exists(\"\(field.name)\", equals: draft.\(property), excluding: id) { \(conflict) }"
            : "if let \(property) = draft.\(property), try await \(plural).exists(\"\(field.name)\", equals: \(property), excluding: id) { \(conflict) }"
        var duplicate = bodyPairs(variant: 2)
        if let index = duplicate.firstIndex(where: { $0.0 == field.name }) {
            duplicate[index].1 = Self.sample(field, variant: 1)
        }
        return [
            "column": field.name,
            "uniqueLabel": field.name.pascalCased,
            "draftCheck": draftCheck,
            "replaceCheck": replaceCheck,
            "updateCheck": "if let \(property) = changes.\(property), try await \(plural).exists(\"\(field.name)\", equals: \(property), excluding: id) { \(conflict) }",
            "duplicateBody": Self.literal(duplicate),
        ]
    }

    /// The field a generated test changes with PATCH: the first text-like one, else the first.
    private var updateField: Field {
        resource.fields.first { $0.type.swiftType == "String" } ?? resource.fields[0]
    }

    private var updateBody: String {
        Self.literal([(updateField.name, Self.sample(updateField, variant: 2))])
    }

    private func bodyPairs(variant: Int) -> [(String, String)] {
        resource.fields.map { ($0.name, Self.sample($0, variant: variant)) }
    }

    private func body(variant: Int) -> String {
        Self.literal(bodyPairs(variant: variant))
    }

    /// A valid sample value for `field` as a `JSONValue` literal, distinct per `variant` where the
    /// field's bounds leave room: numbers are kept inside min/max, text inside its lengths.
    static func sample(_ field: Field, variant: Int) -> String {
        switch field.type {
        case .string: quoted(fitting: "\(field.name) \(variant)", field, variant: variant)
        case .text: quoted(fitting: "Some longer \(field.name) text, number \(variant).", field, variant: variant)
        case .email: "\"user\(variant)@example.com\""
        case .url: "\"https://example.com/\(field.name)/\(variant)\""
        case .integer, .bigint: FieldRule.format(number(Double(variant * 7), within: field, variant: variant).rounded(.down))
        case .float: String(number(Double(variant) + 0.5, within: field, variant: variant))
        case .boolean: variant % 2 == 0 ? "false" : "true"
        case .datetime: "\"2026-0\(min(variant, 9))-15T10:30:00Z\""
        }
    }

    /// `value`, moved inside the field's min/max when it falls outside.
    private static func number(_ value: Double, within field: Field, variant: Int) -> Double {
        let low = field.minBound ?? -.infinity
        let high = field.maxBound ?? .infinity
        if value > high { return max(low, high - Double(variant - 1)) }
        if value < low { return min(high, low + Double(variant - 1)) }
        return value
    }

    /// `text` cut or padded to the field's length bounds, as a string literal.
    private static func quoted(fitting text: String, _ field: Field, variant: Int) -> String {
        var text = text
        if let max = field.maxBound.map({ Int($0) }), text.count > max {
            text = String(text.prefix(Swift.max(0, max - 1))) + (max > 0 ? "\(variant % 10)" : "")
        }
        if let min = field.minBound.map({ Int($0) }), text.count < min {
            text += String(repeating: "x", count: min - text.count)
        }
        return "\"\(text)\""
    }

    /// A `JSONValue` dictionary literal.
    static func literal(_ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? "[:]" : "[" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "]"
    }

    /// A Swift literal for a `default:` value of `type`.
    static func swiftLiteral(_ value: String, type: FieldType) -> String {
        switch type.swiftType {
        case "String":
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        default:
            value
        }
    }
}
