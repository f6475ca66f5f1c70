import Foundation

/// Computes the values the resource templates render (``ResourceValues``) from a stored resource.
///
/// Templates stay free of logic: every Swift expression that depends on a field's type and
/// rules (a column type, a validation call, a fake call) is built here, from the type table in
/// ``FieldType/traits``; the lines around them are the templates'.
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

    /// The fields that are columns of the table: every layer but the pivots sees only these.
    var columns: [Field] { resource.fields.filter(\.isColumn) }

    var values: ResourceValues {
        let fields = columns
        var links = resource.fields.compactMap(linkValues)
        let userReferences = fields.filter(isUserReference).map {
            ResourceValues.UserReferenceValues(column: $0.name, property: $0.property, idsProperty: $0.relation + "Ids", optional: !$0.isNotNull)
        }
        if !links.isEmpty { links[links.count - 1].last = true }
        let unique = fields.filter(\.isUnique).map(uniqueValues)
        var references = fields.compactMap(referenceValues)
        if !references.isEmpty { references[references.count - 1].last = true }
        return ResourceValues(
            command: command,
            appType: appType,
            type: names.type,
            plural: names.plural,
            table: names.table,
            path: names.path,
            variable: names.variable,
            pluralVariable: names.pluralVariable,
            migrationType: migrationType,
            migrationName: resource.migration,
            fields: fields.enumerated().map { index, field in fieldValues(field, isLast: index == fields.count - 1) },
            enums: fields.compactMap(enumValues),
            hasRenamed: fields.contains { $0.property != $0.name },
            snakeCaseKeys: fields.allSatisfy { $0.name.split(separator: "_").dropFirst().allSatisfy { $0.first?.isLetter == true } },
            softDeletes: resource.softDeletes ?? false,
            protected: resource.protected ?? false,
            owned: resource.owned ?? false,
            runner: resource.protected == true ? "signedIn" : "app.run",
            dualIDs: dualIDs,
            idAccessor: dualIDs ? "string" : "int",
            missingID: dualIDs ? "00000000-0000-4000-8000-000000000000" : "999999",
            sampleID: dualIDs ? "UUID()" : "1",
            requiredFields: fields.filter(\.isRequired).map { .init(property: $0.property, column: $0.name) },
            hasRequired: fields.contains(where: \.isRequired),
            uniqueFields: unique,
            hasUniqueFields: !unique.isEmpty,
            references: references,
            hasReferences: !references.isEmpty,
            children: children,
            includedReferences: references.filter(\.hasResponse),
            includedChildren: children.filter(\.hasResponse),
            links: links,
            hasLinks: !links.isEmpty,
            includedLinks: links.filter(\.hasResponse),
            testedLinks: links.filter(\.tested),
            linkColumns: links.map { "\"\($0.idsKey)\"" }.joined(separator: ", "),
            userReferences: userReferences,
            hasUserReferences: !userReferences.isEmpty,
            hasSetup: !references.isEmpty || !userReferences.isEmpty,
            importsAuthTesting: resource.protected == true || !userReferences.isEmpty,
            hasPolicy: resource.hasPolicy,
            hasRole: resource.role != nil,
            role: resource.role ?? "",
            hasReadRole: resource.readRole != nil,
            readRole: resource.readRole ?? "",
            roles: Array(Set([resource.role, resource.readRole].compactMap { $0 })).sorted(),
            hasRoles: resource.role != nil || resource.readRole != nil,
            needsExisting: !links.isEmpty || resource.hasPolicy,
            hasListable: fields.contains { $0.type.traits.columnKind != nil },
            hasIncludes: references.contains(where: \.hasResponse) || children.contains(where: \.hasResponse) || links.contains(where: \.hasResponse),
            serviceImportsFoundation: dualIDs && (!references.isEmpty || !links.isEmpty),
            controllerImportsFoundation: dualIDs && !links.isEmpty,
            referenceSetup: referenceSetup,
            referencedTables: referencedTables(references),
            indexes: fields.filter(\.isIndexed).map { .init(name: "\(names.table)_\($0.name)_index", column: $0.name) },
            updateColumn: updateField.name
        )
    }

    // MARK: Fields

    /// The Swift type of a field's values: the table's, or the generated enum's.
    func swiftType(_ field: Field) -> String {
        if field.type == .enumeration { return "\(names.type).\(Self.enumTypeName(field))" }
        if field.foreignKey != nil { return isUserReference(field) ? "Int" : referenceIDType }
        return field.type.traits.swift
    }

    /// What a reference holds: the target's integer id, or in `--ids dual` apps its public UUID
    /// (the foreign key then points at `public_id`, so no integer id ever reaches the API).
    var referenceIDType: String { dualIDs ? "UUID" : "Int" }

    /// Whether `field` points at the auth module's accounts (`owner:references/User` with no
    /// `User` resource): always their integer `users.id`, checked against that table.
    func isUserReference(_ field: Field) -> Bool {
        field.foreignKey?.table == Manifest.usersTable && target(of: field) == nil
    }

    /// The nested enum an `enum` field generates: `status` → `Status` (`TypeValue`, `DateValue`,
    /// `DraftValue` where the plain name would clash with a type Swift, the runtime or the model
    /// already declares).
    static func enumTypeName(_ field: Field) -> String {
        let name = field.name.pascalCased
        return ReservedWords.typeNames.contains(name) || ["Draft", "CodingKeys"].contains(name) ? name + "Value" : name
    }

    private func fieldValues(_ field: Field, isLast: Bool) -> ResourceValues.FieldValues {
        let swift = swiftType(field)
        let createRules = (field.isRequired ? [".required"] : []) + valueRules(field)
        let updateRules = valueRules(field) + (field.isRequired && field.type.isText ? [".notBlank"] : [])
        var draftValue = field.property
        if let value = field.defaultValue, !field.isRequired {
            draftValue += " ?? " + literal(value, for: field)
        }
        return .init(
            property: field.property,
            column: field.name,
            renamed: field.property != field.name,
            swiftType: swift,
            columnKind: (dualIDs && field.foreignKey != nil && !isUserReference(field) ? "uuid" : field.type.traits.columnKind) ?? "",
            listable: field.type.traits.columnKind != nil,
            modelType: swift + (field.isNotNull ? "" : "?"),
            optional: !field.isNotNull,
            createRules: createRules,
            hasCreateRules: !createRules.isEmpty,
            updateRules: updateRules,
            hasUpdateRules: !updateRules.isEmpty,
            draftValue: draftValue,
            columnType: columnType(field),
            constraints: constraints(field),
            fake: fakeExpression(field),
            isLast: isLast
        )
    }

    /// `.dialect(sqlite: "VARCHAR(120)", postgres: "VARCHAR(120)")`, or SQLKit's own name when
    /// both databases spell the type the same way.
    func columnType(_ field: Field) -> String {
        if dualIDs, field.foreignKey != nil, !isUserReference(field) { return ".dialect(sqlite: \"TEXT\", postgres: \"UUID\")" }
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
        if let key = field.foreignKey {
            let onDelete = switch field.deleteAction {
            case .restrict: ""
            case .cascade: ", onDelete: .cascade"
            case .setNull: ", onDelete: .setNull"
            }
            constraints.append(".references(\"\(key.table)\", \"\(dualIDs && !isUserReference(field) ? "public_id" : key.column)\"\(onDelete))")
        }
        return constraints
    }

    private func enumValues(_ field: Field) -> ResourceValues.EnumValues? {
        guard field.type == .enumeration, let values = field.values else { return nil }
        let cases = values.map { value in
            let name = value.camelCased
            return ResourceValues.EnumCase(name: ReservedWords.swift.contains(name) ? "`\(name)`" : name, renamed: name != value, value: value)
        }
        return .init(enumType: Self.enumTypeName(field), column: field.name, cases: cases)
    }

    private func referenceValues(_ field: Field) -> ResourceValues.ReferenceValues? {
        guard let key = field.foreignKey, let target = target(of: field) else { return nil }
        let targetNames = try? ResourceName(target.name, inflector: manifest.inflector)
        let targetVariable = targetNames?.variable ?? field.relation
        let hasMany = Self.hasManyName(of: field, child: resource, names: names, in: manifest)
        return .init(
            relationType: Self.typeCased(field.relation),
            targetPath: targetNames?.path ?? key.table,
            nestedPath: hasMany == names.pluralVariable ? names.path : hasMany.snakeCased,
            targetKey: dualIDs ? "publicId" : "id",
            includeName: field.relation.snakeCased,
            hasResponse: target.has(.response),
            column: field.name,
            property: field.property,
            relation: field.relation,
            targetType: target.name,
            targetTable: key.table,
            targetVariable: targetVariable,
            idsProperty: field.relation + "Ids",
            tableIds: targetVariable + "Ids",
            setupIds: key.table == resource.table ? "[]" : targetVariable + "Ids",
            idType: referenceIDType,
            keyCase: dualIDs ? "publicID" : "id",
            idsMethod: dualIDs ? "publicIDs" : "ids",
            optional: !field.isNotNull,
            targetOwned: target.owned == true,
            last: false
        )
    }

    /// A many-to-many field as its pivot, its routes and the ids requests carry.
    private func linkValues(_ field: Field) -> ResourceValues.LinkValues? {
        guard let links = manifest.links(of: field, owner: resource.name),
              let target = field.target.flatMap({ name in name == resource.name ? resource : manifest.resources.first { $0.name == name } }),
              let targetNames = try? ResourceName(target.name, inflector: manifest.inflector)
        else { return nil }
        return .init(
            relation: field.property,
            relationType: Self.typeCased(field.property),
            linkName: field.name,
            linkPath: field.name.kebabCased,
            pivot: links.pivot,
            pivotProperty: field.property + "Pivot",
            ownerColumn: links.ownerColumn,
            targetColumn: links.targetColumn,
            targetParameter: links.targetColumn,
            targetRoute: "{" + links.targetColumn + "}",
            idsKey: links.idsKey,
            idsProperty: links.idsKey.camelCased,
            targetType: target.name,
            targetTable: target.table,
            targetPath: targetNames.path,
            targetVariable: targetNames.variable,
            singularType: Self.typeCased(String(links.targetColumn.dropLast(3)).camelCased),
            singularVariable: String(links.targetColumn.dropLast(3)).camelCased,
            idType: referenceIDType,
            keyType: dualIDs ? ".dialect(sqlite: \"TEXT\", postgres: \"UUID\")" : ".bigint",
            keyColumn: dualIDs ? "public_id" : "id",
            ownerKey: dualIDs ? "publicId" : "id",
            idsMethod: dualIDs ? "publicIDs" : "ids",
            targetSoftDeletes: target.softDeletes ?? false,
            hasResponse: target.has(.response),
            tested: target.has(.response) && !target.fields.contains { $0.foreignKey != nil } && (target.protected != true || resource.protected == true),
            last: false
        )
    }

    /// Every reference in the app that points at this resource, as its has-many side.
    /// An owned child of a resource nobody owns is left out: its rows are reached through its own
    /// routes, which see only the caller's (an include would show everyone's).
    var children: [ResourceValues.ChildValues] {
        manifest.resources.flatMap { child -> [ResourceValues.ChildValues] in
            guard child.owned != true || resource.owned == true else { return [] }
            let pointing = child.fields.filter { manifest.target(of: $0, owner: child)?.name == resource.name }
            guard !pointing.isEmpty, let childNames = try? ResourceName(child.name, inflector: manifest.inflector) else { return [] }
            return pointing.map { field in
                let relation = Self.hasManyName(of: field, child: child, names: childNames, in: manifest)
                return ResourceValues.ChildValues(
                    relation: relation, childType: child.name, childPluralVariable: childNames.pluralVariable, column: field.name,
                    key: dualIDs ? "publicId" : "id", childProperty: field.property, includeName: relation.snakeCased,
                    hasResponse: child.has(.response), childOwned: child.owned == true
                )
            }
        }
    }

    /// The has-many side of reference `field` of `child`, as the target's method, include and
    /// nested path name it: the child's plural (`comments`), or, when the child has two
    /// references to the same target, one after each reference (`messagesAsSender`).
    static func hasManyName(of field: Field, child: Manifest.Resource, names: ResourceName, in manifest: Manifest) -> String {
        let target = manifest.target(of: field, owner: child)?.name
        let siblings = child.fields.filter { manifest.target(of: $0, owner: child)?.name == target }
        return siblings.count > 1 ? names.pluralVariable + "As" + typeCased(field.relation) : names.pluralVariable
    }

    /// `author` → `Author`.
    static func typeCased(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }

    /// One entry per table the references point at, so a seeder reads each table's ids once
    /// even when two fields refer to it; `required` when any of those fields must be set.
    private func referencedTables(_ references: [ResourceValues.ReferenceValues]) -> [ResourceValues.ReferencedTable] {
        var tables: [ResourceValues.ReferencedTable] = []
        for reference in references {
            if let index = tables.firstIndex(where: { $0.targetTable == reference.targetTable }) {
                tables[index].required = tables[index].required || !reference.optional
            } else {
                tables.append(.init(targetTable: reference.targetTable, targetType: reference.targetType, tableIds: reference.tableIds,
                                    idsMethod: reference.idsMethod, required: !reference.optional, targetOwned: reference.targetOwned))
            }
        }
        return tables
    }

    /// The resource a foreign-key field points at.
    func target(of field: Field) -> Manifest.Resource? {
        manifest.target(of: field, owner: resource)
    }

    /// A unique field: the service's checks are written in `resource/Service.swift`.
    private func uniqueValues(_ field: Field) -> ResourceValues.UniqueField {
        .init(column: field.name, property: field.property, required: field.isNotNull, uniqueLabel: field.name.pascalCased)
    }

    // MARK: Literals

    /// A bound as a Swift literal of the field's type: `5`, `5.0`, `"9999.99"`.
    func numberLiteral(_ value: Double, for field: Field) -> String {
        let text = SpecRule.format(value)
        switch field.type {
        case .float: return text.contains(".") ? text : text + ".0"
        case .decimal, .money, .percent: return text.contains(".") ? "\"\(text)\"" : text
        case .string, .text, .integer, .bigint, .boolean, .datetime, .date, .time, .email, .url, .uuid, .json, .phone,
             .slug, .ip, .color, .file, .image, .enumeration, .reference, .many:
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
        case .string, .text, .datetime, .email, .url, .phone, .slug, .ip, .color, .file, .image, .reference, .many:
            return Self.stringLiteral(value)
        }
    }

    /// The column default: numbers and booleans as themselves, everything else as text, which
    /// both databases convert to the column's type.
    func columnDefault(_ value: String, for field: Field) -> String {
        switch field.type {
        case .integer, .bigint, .float, .boolean: value
        case .decimal, .money, .percent, .string, .text, .datetime, .date, .time, .email, .url, .uuid, .json, .phone,
             .slug, .ip, .color, .file, .image, .enumeration, .reference, .many:
            Self.stringLiteral(value)
        }
    }

    static func stringLiteral(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
