import ForgeShared

/// A resource's schemas and routes, from the same values its templates render
/// (``ResourceValues``), so the document and the generated controller cannot disagree.
extension OpenAPIBuilder {
    /// One relation `?include=` may name, and the resource it embeds.
    struct IncludeEdge {
        var name: String
        var target: String
        var many: Bool
        var optional: Bool
    }

    /// The template values of `context`'s resource, made once per document (``OpenAPIBuilder/build()``).
    func values(_ context: ResourceContext) -> ResourceValues {
        resourceValues[context.resource.name] ?? context.values
    }

    /// The relations each resource with a response may embed.
    func includeGraph() -> [String: [IncludeEdge]] {
        var graph: [String: [IncludeEdge]] = [:]
        for resource in manifest.resources where resource.has(.response) {
            guard let values = resourceValues[resource.name] else { continue }
            graph[resource.name] = values.includedReferences.map { IncludeEdge(name: $0.includeName, target: $0.targetType, many: false, optional: $0.optional) }
                + values.includedChildren.map { IncludeEdge(name: $0.includeName, target: $0.childType, many: true, optional: false) }
                + values.includedLinks.map { IncludeEdge(name: $0.linkName, target: $0.targetType, many: true, optional: false) }
        }
        return graph
    }

    /// Every `include` value a resource accepts: its relations, and theirs one level down
    /// (``IncludeRequest/maximumDepth`` is 2).
    func includePaths(of name: String, in graph: [String: [IncludeEdge]]) -> [String] {
        (graph[name] ?? []).flatMap { edge in
            [edge.name] + (graph[edge.target] ?? []).map { "\(edge.name).\($0.name)" }
        }
    }

    mutating func addResponseSchema(_ context: ResourceContext, graph: [String: [IncludeEdge]]) {
        let values = values(context)
        var properties: [(key: String, value: JSONNode)] = [("id", idSchema.setting("readOnly", true))]
        for field in context.columns {
            properties.append((field.name, fieldSchema(field, in: context, use: .response)))
        }
        let stamp: JSONNode = ["type": "string", "format": "date-time", "readOnly": true]
        properties.append(("created_at", stamp))
        properties.append(("updated_at", stamp))
        for edge in graph[context.resource.name] ?? [] {
            let target = Self.ref(edge.target)
            let schema: JSONNode = edge.many ? ["type": "array", "items": target]
                : edge.optional ? Self.ref("\(edge.target)OrNull") : target
            properties.append((edge.name, schema.setting("description", .string("Embedded when `include` names \(edge.name)."))))
        }
        let required = ["id"] + context.columns.map(\.name) + ["created_at", "updated_at"]
        let schema: JSONNode = [
            "type": "object",
            "description": .string("One \(values.variable) as the API returns it."),
            "required": .array(required.map(JSONNode.string)),
            "properties": .object(properties),
        ]
        schemas.append((values.type, schema))
        // An optional reference embeds its row or null: the same object, `null` allowed (written
        // as one schema, since client generators drop an `anyOf` with a null branch).
        if graph.values.contains(where: { $0.contains { $0.target == values.type && $0.optional && !$0.many } }) {
            schemas.append(("\(values.type)OrNull", schema.setting("type", ["object", "null"])
                .setting("description", .string("One \(values.variable), or null when the reference is empty."))))
        }
    }

    mutating func addResource(_ context: ResourceContext, graph: [String: [IncludeEdge]]) throws(ForgeError) {
        let values = values(context)
        let type = values.type, tag = values.path
        addTag(tag, "\(values.plural): list, count, show, create, replace, update and delete\(values.softDeletes ? ", restore" : "").")

        // Schemas: the bodies and the envelopes (the response is ``addResponseSchema``'s).
        let createBody = body(context, use: .create, omitting: nil)
        schemas.append(("\(type)Create", createBody))
        schemas.append(("\(type)Update", body(context, use: .update, omitting: nil)))
        schemas.append(("\(type)Envelope", ["type": "object", "required": ["data"], "properties": ["data": Self.ref(type)]]))
        schemas.append(("\(type)Page", [
            "type": "object", "required": ["data", "meta"],
            "properties": ["data": ["type": "array", "items": Self.ref(type)], "meta": Self.ref("PageMeta")],
        ]))

        let protected = context.resource.protected == true
        let writeDenied = context.resource.role != nil || context.resource.policy == true
        let readDenied = context.resource.readRole != nil || context.resource.policy == true
        let reads = readDenied ? [403] : [], writes = writeDenied ? [403] : []
        let conflicts = values.hasUniqueFields || values.hasReferences || values.hasLinks || values.hasUserReferences ? [409] : []
        let deleteConflicts = values.children.isEmpty ? [] : [409]
        let definitions = try listParameterDefinitions(context, graph: graph)
        let listParameters = referring(to: definitions, of: context)
        // A count has the list's filters, but no page, order or embedded relations.
        let countParameters = referring(to: definitions.filter { !["page", "per_page", "sort", "include"].contains(Self.text($0["name"] ?? "")) }, of: context)
        let showParameters = includeParameter(type, graph: graph).map { [$0] } ?? []
        let id = idParameter(of: values.variable)
        let page = (status: "200", response: sharedResponse("\(type)Page", Self.jsonResponse("A page of \(values.pluralVariable).", Self.ref("\(type)Page"))))
        let one = (status: "200", response: sharedResponse("\(type)One", Self.jsonResponse("The \(values.variable).", Self.ref("\(type)Envelope"))))
        let created = (status: "201", response: sharedResponse("\(type)Created", Self.jsonResponse("The new \(values.variable).", Self.ref("\(type)Envelope"))))
        // Links name what a client (or a fuzzer's stateful phase) can do next with the new row.
        for action in ["show", "replace", "update", "delete"] {
            addLink(from: "\(type)Created", "\(action)\(type)", parameter: "id")
        }
        let filtersNote = "Sort with `sort=-created_at,title`; filter with `filter[field]=value` or `filter[field][op]=value` (eq, ne, and for ordered fields gt, gte, lt, lte)."

        addPath("/api/\(values.path)", [
            ("get", operation("list\(values.plural)", tag: tag, summary: "List \(values.pluralVariable), a page at a time", description: filtersNote,
                              protected: protected, parameters: listParameters, success: page, errors: [400] + reads)),
            ("post", operation("create\(type)", tag: tag, summary: "Create a \(values.variable)", protected: protected,
                               body: Self.ref("\(type)Create"), success: created, errors: [422] + conflicts + writes)),
        ])
        addPath("/api/\(values.path)/count", [
            ("get", operation("count\(values.plural)", tag: tag, summary: "Count the \(values.pluralVariable) the filters match", protected: protected,
                              parameters: countParameters,
                              success: (status: "200", response: Self.jsonResponse("How many match.", Self.ref("CountEnvelope"))), errors: [400] + reads)),
        ])
        addPath("/api/\(values.path)/{id}", [
            ("get", operation("show\(type)", tag: tag, summary: "Show one \(values.variable)", protected: protected,
                              parameters: showParameters, success: one, errors: [400, 404] + reads)),
            ("put", operation("replace\(type)", tag: tag, summary: "Replace a \(values.variable): every field, as on create", protected: protected,
                              body: Self.ref("\(type)Create"), success: one, errors: [404, 422] + conflicts + writes)),
            ("patch", operation("update\(type)", tag: tag, summary: "Update the fields present (null leaves a field as it is)", protected: protected,
                                body: Self.ref("\(type)Update"), success: one, errors: [404, 422] + conflicts + writes)),
            ("delete", operation("delete\(type)", tag: tag, summary: values.softDeletes ? "Delete a \(values.variable) (kept as trashed until restored)" : "Delete a \(values.variable)",
                                 protected: protected, success: (status: "204", response: sharedResponse("Deleted", Self.emptyResponse("Deleted."))), errors: [404] + deleteConflicts + writes)),
        ], parameters: [id])
        if values.softDeletes {
            addPath("/api/\(values.path)/{id}/restore", [
                ("post", operation("restore\(type)", tag: tag, summary: "Restore a deleted \(values.variable)", protected: protected,
                                   success: one, errors: [404] + conflicts + writes)),
            ], parameters: [id])
        }

        // The has-many side, seen from each parent: `/api/categories/{id}/products`.
        for reference in values.references {
            let parent = idParameter(of: reference.targetVariable)
            addLink(from: "\(reference.targetType)Created", "list\(values.plural)For\(reference.relationType)", parameter: "id")
            addLink(from: "\(reference.targetType)Created", "create\(type)For\(reference.relationType)", parameter: "id")
            let nestedBody = "\(type)CreateFor\(reference.relationType)"
            schemas.append((nestedBody, body(context, use: .create, omitting: reference.column)))
            addPath("/api/\(reference.targetPath)/{id}/\(reference.nestedPath)", [
                ("get", operation("list\(values.plural)For\(reference.relationType)", tag: tag,
                                  summary: "List the \(values.pluralVariable) of one \(reference.targetVariable)", description: filtersNote,
                                  protected: protected, parameters: listParameters, success: page, errors: [400, 404] + reads)),
                ("post", operation("create\(type)For\(reference.relationType)", tag: tag,
                                   summary: "Create a \(values.variable) of one \(reference.targetVariable) (`\(reference.column)` may be left out)",
                                   protected: protected, body: Self.ref(nestedBody), success: created, errors: [404, 422] + conflicts + writes)),
            ], parameters: [parent])
        }

        // Many-to-many links: `/api/posts/{id}/tags` and `/api/posts/{id}/tags/{tag_id}`.
        for link in values.links {
            let list = "\(link.targetType)List"
            if !schemas.contains(where: { $0.key == list }) {
                schemas.append((list, ["type": "object", "required": ["data"], "properties": ["data": ["type": "array", "items": Self.ref(link.targetType)]]]))
            }
            let linked = (status: "200", response: sharedResponse("\(link.targetType)Linked", Self.jsonResponse("Every linked \(link.singularVariable), oldest first.", Self.ref(list))))
            addPath("/api/\(values.path)/{id}/\(link.linkPath)", [
                ("get", operation("list\(type)\(link.relationType)", tag: tag, summary: "The \(link.relation) linked to one \(values.variable)",
                                  protected: protected, success: linked, errors: [404] + reads)),
                ("put", operation("replace\(type)\(link.relationType)", tag: tag, summary: "Make the \(link.relation) exactly these",
                                  protected: protected, body: Self.ref("LinkIDs"), success: linked, errors: [404, 422] + writes)),
            ], parameters: [id])
            let noContent = (status: "204", response: sharedResponse("LinkChanged", Self.emptyResponse("Done (also when it already was).")))
            addPath("/api/\(values.path)/{id}/\(link.linkPath)/{\(link.targetParameter)}", [
                ("post", operation("attach\(type)\(link.singularType)", tag: tag, summary: "Link one \(link.singularVariable)",
                                   protected: protected, success: noContent, errors: [404, 422] + writes)),
                ("delete", operation("detach\(type)\(link.singularType)", tag: tag, summary: "Unlink one \(link.singularVariable)",
                                     protected: protected, success: noContent, errors: [404] + writes)),
            ], parameters: [id, idParameter(link.targetParameter, of: link.singularVariable)])
        }
    }

    /// Adds to the shared response `response` (a create's 201) a link to `operation`, whose
    /// path parameter `parameter` is the new row's id; nothing when that response is not made.
    mutating func addLink(from response: String, _ operation: String, parameter: String) {
        guard let index = responseComponents.firstIndex(where: { $0.key == response }) else { return }
        let links = responseComponents[index].value["links"] ?? [:]
        let link: JSONNode = ["operationId": .string(operation), "parameters": [parameter: "$response.body#/data/id"]]
        responseComponents[index].value = responseComponents[index].value.setting("links", links.setting(operation, link))
    }

    /// A create or update body: every column, then each link's ids; on create the required
    /// fields (less `omitting`, the column a nested route fills from its path).
    func body(_ context: ResourceContext, use: Use, omitting: String?) -> JSONNode {
        var properties: [(key: String, value: JSONNode)] = []
        var example: [(key: String, value: JSONNode)] = []
        for (index, field) in context.columns.enumerated() where field.name != omitting {
            properties.append((field.name, fieldSchema(field, in: context, use: use)))
            if use == .create || field.isRequired, let value = self.example(field, index: index + 1) {
                if field.foreignKey == nil { example.append((field.name, value)) }
            }
        }
        for link in values(context).links {
            properties.append((link.idsKey, Self.nullable(["type": "array", "items": idSchema,
                                                          "description": .string("The \(link.targetTable) to link, replacing the current set; absent (or null) leaves the links as they are.")])))
        }
        let required = use == .create ? context.columns.filter { $0.isRequired && $0.name != omitting }.map(\.name) : []
        let names = values(context)
        return .object([
            "type": "object",
            "description": .string(use == .create ? "The body of POST /api/\(names.path) and PUT /api/\(names.path)/{id}." : "The body of PATCH /api/\(names.path)/{id}: only the fields present change."),
            "required": required.isEmpty ? nil : .array(required.map(JSONNode.string)),
            "properties": .object(properties),
            "examples": example.isEmpty || context.columns.contains(where: { $0.isRequired && $0.foreignKey != nil && $0.name != omitting }) ? nil : [.object(example)],
        ])
    }

    /// `include`: a comma-separated list of the relations to embed, nested with dots.
    func includeParameter(_ name: String, graph: [String: [IncludeEdge]]) -> JSONNode? {
        let paths = includePaths(of: name, in: graph)
        guard !paths.isEmpty else { return nil }
        return [
            "name": "include",
            "in": "query",
            "description": "Relations to embed, comma-separated, nested with dots (at most two levels).",
            "style": "form",
            "explode": false,
            "schema": ["type": "array", "items": ["type": "string", "enum": .array(paths.map(JSONNode.string))]],
        ]
    }

    /// `$ref`s to list parameters, each filed once under `components/parameters` (a resource's
    /// list, count and nested lists share them).
    mutating func referring(to definitions: [JSONNode], of context: ResourceContext) -> [JSONNode] {
        let path = context.names.path
        return definitions.map { parameter in
            let name = Self.text(parameter["name"] ?? "")
            let key = ["page", "per_page"].contains(name) ? name
                : path + "." + String(name.compactMap { $0 == "[" ? "." : $0 == "]" ? nil : $0 })
            if parameterKeys.insert(key).inserted { parameterComponents.append((key, parameter)) }
            return ["$ref": .string("#/components/parameters/\(key)")]
        }
    }

    /// `page`, `per_page`, `sort`, `include`, every filter and the trash flags of a list route.
    func listParameterDefinitions(_ context: ResourceContext, graph: [String: [IncludeEdge]]) throws(ForgeError) -> [JSONNode] {
        let values = values(context)
        var parameters: [JSONNode] = [
            ["name": "page", "in": "query", "description": "The page, from 1.",
             "schema": ["type": "integer", "minimum": 1, "maximum": .integer(Int(Int32.max)), "default": 1]],
            ["name": "per_page", "in": "query", "description": "Rows per page.",
             "schema": ["type": "integer", "minimum": 1, "maximum": 100, "default": 20]],
        ]
        // What ListingRules lists: the sortable columns, then id and the time stamps.
        var listable: [(name: String, kind: String)] = values.fields.filter(\.listable).map { ($0.column, $0.columnKind) }
        listable += [("id", dualIDs ? "uuid" : "integer"), ("created_at", "datetime"), ("updated_at", "datetime")]
        if dualIDs { listable.removeAll { $0.name == "id" } }
        let sortValues = listable.flatMap { [$0.name, "-" + $0.name] }
        parameters.append([
            "name": "sort", "in": "query",
            "description": "Fields to order by, comma-separated; a leading - sorts descending. Default: id.",
            "style": "form", "explode": false,
            "schema": ["type": "array", "items": ["type": "string", "enum": .array(sortValues.map(JSONNode.string))]],
        ])
        if let include = includeParameter(values.type, graph: graph) { parameters.append(include) }
        for column in listable {
            guard Self.filterSchema(column.kind) != nil else { throw ForgeError("no filter schema for column kind '\(column.kind)' of \(column.name)") }
            let schema = Self.ref(Self.filterSchemaName(column.kind))
            let ordered = !["text", "boolean", "uuid"].contains(column.kind)
            parameters.append(Self.filter(column.name, nil, schema))
            for op in ["eq", "ne"] + (ordered ? ["gt", "gte", "lt", "lte"] : []) {
                parameters.append(Self.filter(column.name, op, schema))
            }
        }
        for link in values.links {
            let schema = Self.ref(Self.filterSchemaName(dualIDs ? "uuid" : "integer"))
            parameters.append(Self.filter(link.linkName, nil, schema, linked: true))
            for op in ["eq", "ne"] { parameters.append(Self.filter(link.linkName, op, schema, linked: true)) }
        }
        if values.softDeletes {
            parameters.append(["name": "with_trashed", "in": "query", "description": "Also list deleted rows.", "schema": ["type": "boolean"]])
            parameters.append(["name": "only_trashed", "in": "query", "description": "List only deleted rows.", "schema": ["type": "boolean"]])
        }
        return parameters
    }

    static func filter(_ column: String, _ op: String?, _ schema: JSONNode, linked: Bool = false) -> JSONNode {
        let what = linked ? "Rows linked to the \(column) with this id" : "Rows whose \(column)"
        let description = switch op {
        case nil, "eq": linked ? "\(what)." : "\(what) equals the value."
        case "ne": linked ? "Rows not linked to the \(column) with this id." : "\(what) differs from the value."
        case "gt": "\(what) is greater than the value."
        case "gte": "\(what) is at least the value."
        case "lt": "\(what) is less than the value."
        default: "\(what) is at most the value."
        }
        return [
            "name": .string("filter[\(column)]" + (op.map { "[\($0)]" } ?? "")),
            "in": "query",
            "description": .string(description),
            "schema": schema,
        ]
    }

    /// The column kinds a filter value can have (ForgeRuntime's `ColumnKind`), each one shared
    /// schema (`FilterInteger`) every filter parameter of that kind refers to.
    static let filterKinds = ["text", "integer", "number", "boolean", "datetime", "decimal", "date", "time", "uuid"]

    static func filterSchemaName(_ kind: String) -> String {
        "Filter" + (kind == "datetime" ? "DateTime" : kind == "uuid" ? "UUID" : kind.prefix(1).uppercased() + kind.dropFirst())
    }

    /// A filter value as the listing parses it (ForgeRuntime's `ColumnKind.parse`).
    static func filterSchema(_ kind: String) -> JSONNode? {
        switch kind {
        case "text": return ["type": "string"]
        case "integer": return ["type": "integer", "format": "int64", "minimum": .integer(Int(Int64.min)), "maximum": .integer(Int(Int64.max))]
        case "number": return ["type": "number", "format": "double"]
        case "boolean": return ["type": "boolean"]
        case "datetime":
            return ["description": "An RFC 3339 date-time, or a date (midnight UTC).",
                    "anyOf": [["type": "string", "format": "date-time"], ["type": "string", "format": "date", "pattern": .string(TextFormat.date.pattern)]]]
        case "decimal": return ["type": "string", "pattern": "^-?[0-9]+(?:\\.[0-9]+)?$", "description": "An exact decimal, 19.99."]
        case "date": return ["type": "string", "format": "date", "pattern": .string(TextFormat.date.pattern)]
        case "time": return ["type": "string", "pattern": .string(TextFormat.time.pattern)]
        case "uuid": return ["type": "string", "format": "uuid"]
        default: return nil
        }
    }

    static func text(_ node: JSONNode) -> String {
        if case .string(let text) = node { return text }
        return ""
    }
}
