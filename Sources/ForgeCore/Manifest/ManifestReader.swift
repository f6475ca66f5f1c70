import Foundation

/// Reads `forge.yaml` in exactly the layout ``Manifest/yaml()`` writes, line by line, in a
/// fraction of the time a general YAML parser takes. Anything else (a hand-edited file in
/// another style) returns `nil`, and ``Manifest/parse(_:path:)`` falls back to Yams.
enum ManifestReader {
    static func read(_ text: String) -> Manifest? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .filter { !$0.hasPrefix("#") }[...]
        guard let version = value(of: lines.popFirst(), key: "version").flatMap({ Int($0) }),
              lines.popFirst() == "app:",
              let name = value(of: lines.popFirst(), key: "  name"),
              let database = value(of: lines.popFirst(), key: "  database")
        else { return nil }
        var manifest = Manifest(appName: name, database: database)
        manifest.version = version
        if let ids = value(of: lines.first, key: "  ids") {
            guard let style = Manifest.IDStyle(rawValue: ids) else { return nil }
            manifest.app.ids = style == .integer ? nil : style
            lines.removeFirst()
        }
        if value(of: lines.first, key: "  auth") == "true" {
            manifest.app.auth = true
            lines.removeFirst()
        }
        if lines.first == "inflections:" {
            lines.removeFirst()
            var inflections: [String: String] = [:]
            while let line = lines.first, line.hasPrefix("  ") {
                guard let (key, plural) = pair(line.dropFirst(2)) else { return nil }
                inflections[key] = plural
                lines.removeFirst()
            }
            manifest.inflections = inflections
        }
        if lines.first == "components:" {
            lines.removeFirst()
            var components: [Manifest.Component] = []
            while let line = lines.first, line.hasPrefix("- kind: ") {
                lines.removeFirst()
                guard let kind = value(of: line, key: "- kind").flatMap(Manifest.Component.Kind.init(rawValue:)),
                      let name = value(of: lines.popFirst(), key: "  name")
                else { return nil }
                let protected = value(of: lines.first, key: "  protected") == "true"
                if protected { lines.removeFirst() }
                components.append(Manifest.Component(kind: kind, name: name, protected: protected))
            }
            manifest.components = components
        }
        switch lines.popFirst() {
        case "resources: []":
            return lines.isEmpty ? manifest : nil
        case "resources:":
            break
        default:
            return nil
        }
        while !lines.isEmpty {
            guard let name = value(of: lines.popFirst(), key: "- name"),
                  let table = value(of: lines.popFirst(), key: "  table"),
                  let migration = value(of: lines.popFirst(), key: "  migration")
            else { return nil }
            var softDeletes = false
            if value(of: lines.first, key: "  softDeletes") == "true" {
                softDeletes = true
                lines.removeFirst()
            }
            let protected = value(of: lines.first, key: "  protected") == "true"
            if protected { lines.removeFirst() }
            let owned = value(of: lines.first, key: "  owned") == "true"
            if owned { lines.removeFirst() }
            let role = value(of: lines.first, key: "  role")
            if role != nil { lines.removeFirst() }
            let readRole = value(of: lines.first, key: "  readRole")
            if readRole != nil { lines.removeFirst() }
            let policy = value(of: lines.first, key: "  policy") == "true"
            if policy { lines.removeFirst() }
            var layers: [Manifest.Layer]?
            if let list = value(of: lines.first, key: "  layers") {
                guard list.hasPrefix("["), list.hasSuffix("]") else { return nil }
                let names = list.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                layers = []
                for name in names {
                    guard let layer = Manifest.Layer(rawValue: name) else { return nil }
                    layers?.append(layer)
                }
                lines.removeFirst()
            }
            var alterations: [String]?
            if let list = value(of: lines.first, key: "  alterations") {
                guard list.hasPrefix("["), list.hasSuffix("]") else { return nil }
                // Migration names are scalars without commas: plain, or quoted as the writer quotes them.
                var names: [String] = []
                for item in list.dropFirst().dropLast().split(separator: ",") {
                    guard let name = scalar(Substring(item.trimmingCharacters(in: .whitespaces))) else { return nil }
                    names.append(name)
                }
                alterations = names
                lines.removeFirst()
            }
            guard lines.popFirst() == "  fields:" else { return nil }
            var fields: [Field] = []
            while let line = lines.first, line.hasPrefix("  - name:") {
                lines.removeFirst()
                guard let fieldName = value(of: line, key: "  - name"),
                      let type = value(of: lines.popFirst(), key: "    type").flatMap(FieldType.init(rawValue:))
                else { return nil }
                var values: [String]?
                if lines.first == "    values:" {
                    lines.removeFirst()
                    values = []
                    while let valueLine = lines.first, valueLine.hasPrefix("    - ") {
                        lines.removeFirst()
                        guard let value = scalar(valueLine.dropFirst(6)) else { return nil }
                        values?.append(value)
                    }
                }
                let target = value(of: lines.first, key: "    target")
                if target != nil { lines.removeFirst() }
                var rules: [SpecRule] = []
                switch lines.popFirst() {
                case "    rules: []":
                    break
                case "    rules:":
                    while let ruleLine = lines.first, ruleLine.hasPrefix("    - ") {
                        lines.removeFirst()
                        guard let text = scalar(ruleLine.dropFirst(6)),
                              let rule = try? FieldSpecParser.parseRule(text, spec: text, offset: 1)
                        else { return nil }
                        rules.append(rule)
                    }
                default:
                    return nil
                }
                fields.append(Field(name: fieldName, type: type, rules: rules, values: values, target: target))
            }
            var resource = Manifest.Resource(
                name: name, table: table, migration: migration, fields: fields,
                softDeletes: softDeletes, protected: protected, owned: owned, layers: layers, alterations: alterations
            )
            resource.role = role
            resource.readRole = readRole
            resource.policy = policy ? true : nil
            manifest.resources.append(resource)
        }
        return manifest
    }

    /// The value of `key: value` on `line`, or `nil` when the line is another key.
    private static func value(of line: Substring?, key: String) -> String? {
        guard let line, line.hasPrefix(key + ": ") else { return nil }
        return scalar(line.dropFirst(key.count + 2))
    }

    private static func pair(_ line: Substring) -> (String, String)? {
        guard let separator = line.range(of: ": "), let key = scalar(line[..<separator.lowerBound]),
              let value = scalar(line[separator.upperBound...])
        else { return nil }
        return (key, value)
    }

    /// A plain scalar as written, or a double-quoted one decoded as the JSON string it is.
    private static func scalar(_ text: Substring) -> String? {
        guard text.hasPrefix("\"") else {
            return text.isEmpty || text.contains(" #") ? nil : String(text)
        }
        return try? JSONDecoder().decode(String.self, from: Data(text.utf8))
    }
}
