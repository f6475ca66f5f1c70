import Foundation

/// Writes `forge.yaml` by hand: the format is small and fixed, and Yams' `Encodable` path cost
/// ~70 ms for a 100-resource manifest, most of a `make:*` command. Yams still reads it.
extension Manifest {
    /// The manifest as YAML text with a header saying who owns it.
    public func yaml() throws(ForgeError) -> String {
        var out = "# forge.yaml: the app's manifest. forge reads and rewrites it; keep it in version control.\n"
        out += "version: \(Self.currentVersion)\n"
        out += "app:\n"
        out += "  name: \(Self.scalar(app.name))\n"
        out += "  database: \(Self.scalar(app.database))\n"
        if let ids = app.ids { out += "  ids: \(ids.rawValue)\n" }
        if app.auth == true { out += "  auth: true\n" }
        if let inflections, !inflections.isEmpty {
            out += "inflections:\n"
            for (singular, plural) in inflections.sorted(by: { $0.key < $1.key }) {
                out += "  \(Self.scalar(singular)): \(Self.scalar(plural))\n"
            }
        }
        if let components, !components.isEmpty {
            out += "components:\n"
            for component in components {
                out += "- kind: \(component.kind.rawValue)\n"
                out += "  name: \(Self.scalar(component.name))\n"
                if component.protected == true { out += "  protected: true\n" }
            }
        }
        out += resources.isEmpty ? "resources: []\n" : "resources:\n"
        for resource in resources {
            out += "- name: \(Self.scalar(resource.name))\n"
            out += "  table: \(Self.scalar(resource.table))\n"
            out += "  migration: \(Self.scalar(resource.migration))\n"
            if resource.softDeletes == true { out += "  softDeletes: true\n" }
            if resource.protected == true { out += "  protected: true\n" }
            if resource.owned == true { out += "  owned: true\n" }
            if let role = resource.role { out += "  role: \(Self.scalar(role))\n" }
            if let readRole = resource.readRole { out += "  readRole: \(Self.scalar(readRole))\n" }
            if resource.policy == true { out += "  policy: true\n" }
            if let layers = resource.layers {
                out += "  layers: [\(layers.map(\.rawValue).joined(separator: ", "))]\n"
            }
            if let alterations = resource.alterations, !alterations.isEmpty {
                out += "  alterations: [\(alterations.map(Self.scalar).joined(separator: ", "))]\n"
            }
            out += "  fields:\n"
            for field in resource.fields {
                out += "  - name: \(Self.scalar(field.name))\n"
                out += "    type: \(field.type.rawValue)\n"
                if let values = field.values {
                    out += "    values:\n"
                    for value in values { out += "    - \(Self.scalar(value))\n" }
                }
                if let target = field.target { out += "    target: \(Self.scalar(target))\n" }
                out += field.rules.isEmpty ? "    rules: []\n" : "    rules:\n"
                for rule in field.rules {
                    out += "    - \(Self.scalar(rule.description))\n"
                }
            }
        }
        return out
    }

    /// A YAML scalar: plain when it cannot be misread, else a double-quoted (JSON) string.
    static func scalar(_ text: String) -> String {
        let plainSafe = text.first.map { $0.isLetter || $0 == "_" } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-./:".contains($0)) }
            && !text.hasSuffix(":")
            && !["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        if plainSafe { return text }
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
