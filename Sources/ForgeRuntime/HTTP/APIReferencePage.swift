import Foundation

/// The HTML reference `GET /docs` serves, made from the OpenAPI document: a table of contents by
/// tag, then every operation with its parameters, body and responses, then every schema.
struct APIReferencePage {
    let document: String

    var html: String {
        guard let root = DocumentValue.parse(document) else {
            return page(title: "API reference", body: "<p>The OpenAPI document could not be read.</p>")
        }
        var body = ""
        let info = root["info"]
        let title = info["title"].text ?? "API"
        body += "<header><h1>\(escape(title)) <small>\(escape(info["version"].text ?? ""))</small></h1>"
        if let description = info["description"].text { body += "<p>\(escape(description))</p>" }
        body += "<p><a href=\"/openapi.json\">openapi.json</a></p></header>"

        // Operations grouped by their first tag, in the document's order.
        var groups: [(tag: String, operations: [(method: String, path: String, operation: DocumentValue, shared: DocumentValue)])] = []
        for (path, item) in root["paths"].members {
            for (method, operation) in item.members where method != "parameters" {
                let tag = operation["tags"].items.first?.text ?? "other"
                if let index = groups.firstIndex(where: { $0.tag == tag }) {
                    groups[index].operations.append((method, path, operation, item["parameters"]))
                } else {
                    groups.append((tag, [(method, path, operation, item["parameters"])]))
                }
            }
        }
        let tagDescriptions = Dictionary(root["tags"].items.map { ($0["name"].text ?? "", $0["description"].text ?? "") }, uniquingKeysWith: { a, _ in a })
        body += "<nav><h2>Contents</h2><ul>"
        for group in groups {
            body += "<li><a href=\"#tag-\(anchor(group.tag))\">\(escape(group.tag))</a> (\(group.operations.count))</li>"
        }
        body += "<li><a href=\"#schemas\">Schemas</a></li></ul></nav><main>"
        for group in groups {
            body += "<section id=\"tag-\(anchor(group.tag))\"><h2>\(escape(group.tag))</h2>"
            if let text = tagDescriptions[group.tag], !text.isEmpty { body += "<p>\(escape(text))</p>" }
            for entry in group.operations {
                body += operationHTML(entry.method, entry.path, entry.operation, shared: entry.shared, root: root)
            }
            body += "</section>"
        }
        body += "<section id=\"schemas\"><h2>Schemas</h2>"
        for (name, schema) in root["components"]["schemas"].members {
            body += "<article id=\"schema-\(anchor(name))\"><h3>\(escape(name))</h3>"
            if let description = schema["description"].text { body += "<p>\(escape(description))</p>" }
            body += schemaHTML(schema, root: root)
            body += "</article>"
        }
        body += "</section></main>"
        return page(title: "\(title) API reference", body: body)
    }

    private func operationHTML(_ method: String, _ path: String, _ operation: DocumentValue, shared: DocumentValue, root: DocumentValue) -> String {
        let id = operation["operationId"].text ?? "\(method)-\(path)"
        var html = "<article class=\"operation\" id=\"op-\(anchor(id))\"><h3><span class=\"method \(escape(method))\">\(escape(method.uppercased()))</span> <code>\(escape(path))</code>"
        if !operation["security"].items.isEmpty { html += " <span class=\"lock\" title=\"needs a bearer token\">&#x1F512; bearer token</span>" }
        html += "</h3>"
        if let summary = operation["summary"].text { html += "<p class=\"summary\">\(escape(summary))</p>" }
        if let description = operation["description"].text { html += "<p>\(escape(description))</p>" }
        let parameters = (shared.items + operation["parameters"].items).map { resolve($0, root: root) }
        if !parameters.isEmpty {
            html += "<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr>"
            for parameter in parameters {
                let required = parameter["required"].bool == true ? " <em>required</em>" : ""
                html += "<tr><td><code>\(escape(parameter["name"].text ?? ""))</code>\(required)</td><td>\(escape(parameter["in"].text ?? ""))</td>"
                html += "<td>\(typeText(parameter["schema"], root: root))</td><td>\(escape(parameter["description"].text ?? ""))</td></tr>"
            }
            html += "</table>"
        }
        let body = operation["requestBody"]["content"]["application/json"]["schema"]
        if !body.isNull {
            html += "<h4>Body</h4><p>\(typeText(body, root: root))</p>"
        }
        html += "<h4>Responses</h4><table><tr><th>Status</th><th>Description</th><th>Body</th></tr>"
        for (status, response) in operation["responses"].members {
            let resolved = resolve(response, root: root)
            let schema = resolved["content"].members.first?.value["schema"] ?? .null
            html += "<tr><td><code>\(escape(status))</code></td><td>\(escape(resolved["description"].text ?? ""))</td><td>\(schema.isNull ? "" : typeText(schema, root: root))</td></tr>"
        }
        html += "</table></article>"
        return html
    }

    /// A schema's properties as a table, or its type when it has none.
    private func schemaHTML(_ schema: DocumentValue, root: DocumentValue) -> String {
        let properties = schema["properties"].members
        guard !properties.isEmpty else { return "<p>\(typeText(schema, root: root))</p>" }
        let required = Set(schema["required"].items.compactMap(\.text))
        var html = "<table><tr><th>Field</th><th>Type</th><th>Rules</th><th>Description</th></tr>"
        for (name, property) in properties {
            html += "<tr><td><code>\(escape(name))</code>\(required.contains(name) ? " <em>required</em>" : "")</td>"
            html += "<td>\(typeText(property, root: root))</td><td>\(rulesText(property))</td><td>\(escape(property["description"].text ?? ""))</td></tr>"
        }
        return html + "</table>"
    }

    /// `string (email)`, `integer`, `array of Post`, a link for a `$ref`.
    private func typeText(_ schema: DocumentValue, root: DocumentValue) -> String {
        if let reference = schema["$ref"].text {
            let name = String(reference.split(separator: "/").last ?? "")
            return "<a href=\"#schema-\(anchor(name))\">\(escape(name))</a>"
        }
        if !schema["anyOf"].isNull {
            return schema["anyOf"].items.map { typeText($0, root: root) }.filter { !$0.isEmpty }.joined(separator: " or ")
        }
        var types = schema["type"].items.compactMap(\.text)
        if let type = schema["type"].text { types = [type] }
        var text = types.map { type -> String in
            if type == "array" { return "array of " + typeText(schema["items"], root: root) }
            return escape(type)
        }.joined(separator: " or ")
        if let format = schema["format"].text { text += " (\(escape(format)))" }
        if !schema["enum"].isNull {
            text += ": " + schema["enum"].items.map { $0.text.map { "<code>\(escape($0))</code>" } ?? "null" }.joined(separator: ", ")
        }
        return text
    }

    private func rulesText(_ schema: DocumentValue) -> String {
        var rules: [String] = []
        for (key, label) in [("minLength", "at least %@ characters"), ("maxLength", "at most %@ characters"), ("minimum", "&ge; %@"),
                             ("exclusiveMinimum", "&gt; %@"), ("maximum", "&le; %@"), ("exclusiveMaximum", "&lt; %@"),
                             ("multipleOf", "a multiple of %@"), ("pattern", "matches <code>%@</code>"), ("default", "default %@")] {
            if let value = schema[key].scalarText { rules.append(label.replacingOccurrences(of: "%@", with: escape(value))) }
        }
        if schema["readOnly"].bool == true { rules.append("read-only") }
        return rules.joined(separator: "; ")
    }

    private func resolve(_ value: DocumentValue, root: DocumentValue) -> DocumentValue {
        guard let reference = value["$ref"].text, reference.hasPrefix("#/") else { return value }
        return reference.dropFirst(2).split(separator: "/").reduce(root) { $0[String($1)] }
    }

    private func anchor(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
        })
    }

    private func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    private func page(title: String, body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        body{font:15px/1.5 -apple-system,system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1d2330}
        h1 small{color:#6b7280;font-weight:normal;font-size:.6em}
        nav ul{columns:3;padding-left:1.2rem}
        section{border-top:1px solid #e5e7eb;margin-top:2rem}
        article{margin:1.2rem 0;padding:.6rem 1rem;border:1px solid #e5e7eb;border-radius:6px}
        h3{font-size:1.05rem;margin:.2rem 0}
        .method{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .3rem}
        .get{background:#2563eb}.post{background:#16a34a}.put{background:#9333ea}.patch{background:#d97706}.delete{background:#dc2626}
        .lock{font-size:.8rem;color:#6b7280;font-weight:normal}
        table{border-collapse:collapse;width:100%;margin:.4rem 0;font-size:.9rem}
        th,td{border-bottom:1px solid #eef0f3;text-align:left;padding:.25rem .5rem;vertical-align:top}
        code{font:.85rem ui-monospace,SFMono-Regular,Menlo,monospace;background:#f3f4f6;padding:0 .2rem;border-radius:3px}
        em{color:#b45309;font-style:normal;font-size:.8rem}
        </style></head><body>
        \(body)
        </body></html>

        """
    }
}

/// A parsed JSON value that keeps object members in document order (the reference lists
/// routes and fields the way the document does); just enough to read an OpenAPI document.
enum DocumentValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([DocumentValue])
    case object([(String, DocumentValue)])

    static func parse(_ text: String) -> DocumentValue? {
        var parser = Parser(bytes: Array(text.utf8))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    subscript(key: String) -> DocumentValue {
        guard case .object(let members) = self else { return .null }
        return members.first { $0.0 == key }?.1 ?? .null
    }

    var members: [(key: String, value: DocumentValue)] {
        guard case .object(let members) = self else { return [] }
        return members.map { (key: $0.0, value: $0.1) }
    }

    var items: [DocumentValue] {
        guard case .array(let items) = self else { return [] }
        return items
    }

    var text: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    var bool: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A scalar as the document writes it.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    private struct Parser {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> DocumentValue? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, DocumentValue)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let member = value() else { return nil }
                    members.append((key, member))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                    return nil
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [DocumentValue] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                    return nil
                }
            case UInt8(ascii: "\""):
                return string().map(DocumentValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                return index > start ? .number(String(decoding: bytes[start..<index], as: UTF8.self)) : nil
            }
        }

        private mutating func literal(_ word: String, _ value: DocumentValue) -> DocumentValue? {
            let utf8 = Array(word.utf8)
            guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else { return nil }
            index += utf8.count
            return value
        }

        /// A string at `index`, through JSONDecoder for its escapes.
        private mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let start = index
            index += 1
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if escaped { escaped = false; continue }
                if byte == UInt8(ascii: "\\") { escaped = true; continue }
                if byte == UInt8(ascii: "\"") {
                    let slice = bytes[start..<index]
                    if !slice.contains(UInt8(ascii: "\\")) { return String(decoding: slice.dropFirst().dropLast(), as: UTF8.self) }
                    return try? JSONDecoder().decode(String.self, from: Data(slice))
                }
            }
            return nil
        }
    }
}
