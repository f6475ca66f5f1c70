import ForgeShared

/// How a field's type and rules become JSON Schema: one place, beside the type table.
extension OpenAPIBuilder {
    /// Where a field's schema is used: bodies are checked against every rule, responses only
    /// promise the type (rows stored before an `alter` tightened a rule still come back).
    enum Use {
        case create, update, response
    }

    /// The schema of one column in a create or update body, or in a response.
    func fieldSchema(_ field: Field, in context: ResourceContext, use: Use) -> JSONNode {
        var schema = typeSchema(field, in: context, use: use)
        if use != .response {
            schema = constrained(schema, field)
            if field.type.isText, field.isRequired, field.type.textFormat == nil || field.type == .file {
                schema = schema.setting("pattern", .string(TextFormat.notBlankPattern))
            }
        }
        if use == .create, let value = field.defaultValue, !field.isRequired, let literal = defaultLiteral(value, field) {
            schema = schema.setting("default", literal)
        }
        let description = field.type == .reference ? "The id of a \(field.target ?? "row")." : field.type.traits.format
        schema = schema.setting("description", .string(description.prefix(1).uppercased() + description.dropFirst() + "."))
        // A create body may send null for any optional field (it means absent); an update body
        // for any field (it means unchanged); a response has null where the column is empty.
        let nullable = switch use {
        case .create: !field.isRequired
        case .update: true
        case .response: !field.isNotNull
        }
        return nullable ? Self.nullable(schema) : schema
    }

    /// `schema` that also accepts `null`: `type` becomes `[type, "null"]`, an enum gains null.
    static func nullable(_ schema: JSONNode) -> JSONNode {
        var result = schema
        if case .string(let type)? = schema["type"] {
            result = result.setting("type", [.string(type), "null"])
        }
        if case .array(let values)? = schema["enum"] {
            result = result.setting("enum", .array(values + [.null]))
        }
        return result
    }

    /// The type, format and pattern a value of the field's type has.
    func typeSchema(_ field: Field, in context: ResourceContext, use: Use) -> JSONNode {
        let format = field.type.textFormat
        func text(_ openAPIFormat: String? = nil) -> JSONNode {
            .object(["type": "string", "format": openAPIFormat.map(JSONNode.string), "pattern": format.map { .string($0.pattern) }])
        }
        switch field.type {
        case .string, .text: return ["type": "string"]
        case .integer: return ["type": "integer", "format": "int32"]
        case .bigint: return ["type": "integer", "format": "int64"]
        case .float: return ["type": "number", "format": "double"]
        case .decimal, .money, .percent:
            return .object(["type": "number", "multipleOf": field.type == .decimal ? nil : 0.0001])
        case .boolean: return ["type": "boolean"]
        case .datetime: return ["type": "string", "format": "date-time"]
        case .date: return text("date")
        case .time: return text()
        // forge's email and URL rules are its own (a plausible address, an http(s) URL), not
        // JSON Schema's `email` and `uri` formats: the pattern states the rule exactly.
        case .email, .url: return text()
        case .uuid: return text("uuid")
        case .ip: return text()
        case .phone, .slug, .color, .file, .image: return text()
        case .json: return ["type": "object"]
        case .enumeration: return ["type": "string", "enum": .array((field.values ?? []).map(JSONNode.string))]
        case .reference: return context.isUserReference(field) ? Self.integerID : idSchema
        case .many: return ["type": "array", "items": idSchema]
        }
    }

    /// `schema` with the field's bounds: lengths for text, values for numbers (the type's own
    /// range where the rules leave a side open).
    func constrained(_ schema: JSONNode, _ field: Field) -> JSONNode {
        var schema = schema
        switch field.type.traits.measure {
        case .length:
            if let min = field.minLength { schema = schema.setting("minLength", .integer(min)) }
            if let max = field.maxLength ?? field.type.traits.defaultLength { schema = schema.setting("maxLength", .integer(max)) }
        case .value:
            let range = field.type.traits.range ?? (field.type == .bigint ? Double(Int64.min)...Double(Int64.max) : nil)
            let lower = field.lowerBound ?? range.map { Field.Bound(value: $0.lowerBound, inclusive: true) }
            let upper = field.upperBound ?? range.map { Field.Bound(value: $0.upperBound, inclusive: true) }
            if let lower { schema = schema.setting(lower.inclusive ? "minimum" : "exclusiveMinimum", number(lower.value, field)) }
            if let upper { schema = schema.setting(upper.inclusive ? "maximum" : "exclusiveMaximum", number(upper.value, field)) }
        case .none:
            if field.type == .color { schema = schema.setting("minLength", 7).setting("maxLength", 7) }
        }
        return schema
    }

    private func number(_ value: Double, _ field: Field) -> JSONNode {
        if field.type.isWholeNumber, value.rounded() == value {
            return value >= Double(Int64.max) ? .integer(Int(Int64.max)) : .integer(Int(value))
        }
        return .number(value)
    }

    /// The `default:` literal as the JSON value a client would send.
    func defaultLiteral(_ value: String, _ field: Field) -> JSONNode? {
        switch field.type {
        case .integer, .bigint: Int(value).map(JSONNode.integer)
        case .float, .decimal, .money, .percent: Double(value).map(JSONNode.number)
        case .boolean: value == "true" ? .bool(true) : value == "false" ? .bool(false) : nil
        case .json, .many, .reference: nil
        default: .string(value)
        }
    }

    /// A value the field's factory could make, for `examples`: fixed, so the document is too.
    func example(_ field: Field, index: Int) -> JSONNode? {
        if let value = field.defaultValue, let literal = defaultLiteral(value, field) { return literal }
        switch field.type {
        case .string, .text:
            let words = "\(field.name.replacingOccurrences(of: "_", with: " ").capitalized) \(index)"
            let low = field.minLength ?? 1, high = field.maxLength ?? 255
            let padded = words.count < low ? words + String(repeating: "x", count: low - words.count) : words
            return .string(String(padded.prefix(high)))
        case .integer, .bigint, .float, .decimal, .money, .percent:
            guard let (low, high) = SpecValue.fittingRange(field) else { return nil }
            let middle = (low + high) / 2
            return field.type.isWholeNumber ? .integer(Int(middle.rounded(.down))) : .number((middle * 100).rounded(.down) / 100)
        case .boolean: return true
        case .datetime: return "2026-01-31T09:30:00Z"
        case .date: return "2026-01-31"
        case .time: return "09:30:00"
        case .email: return .string("person\(index)@example.com")
        case .url: return .string("https://example.com/\(index)")
        case .uuid: return "6f9619ff-8b86-4011-b42d-00c04fc964ff"
        case .json: return ["key": "value"]
        case .phone: return "+44 20 7946 0958"
        case .slug: return .string("\(field.name.replacingOccurrences(of: "_", with: "-"))-\(index)")
        case .ip: return "192.0.2.10"
        case .color: return "#1a2b3c"
        case .file: return "uploads/report.pdf"
        case .image: return "images/photo.png"
        case .enumeration: return field.values?.first.map(JSONNode.string)
        case .reference, .many: return nil
        }
    }
}
