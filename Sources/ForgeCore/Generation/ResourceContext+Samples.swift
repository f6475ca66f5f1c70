import Foundation

/// Values generated code makes up: the factory's `Fake` calls and the generated tests' bodies.
extension ResourceContext {
    /// The `Fake` call that makes a valid value of `field` in a factory.
    func fakeExpression(_ field: Field) -> String {
        let unique = field.isUnique ? "unique: index" : nil
        func call(_ name: String, _ arguments: String?...) -> String {
            "fake.\(name)(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
        }
        if field.foreignKey != nil {
            return call(field.isNotNull ? "pick" : "pickIfAny", "\(field.relation)Ids", unique)
        }
        switch field.type {
        case .string, .text:
            let low = max(field.minLength ?? 1, 1)
            let high = field.maxLength ?? field.type.traits.defaultLength ?? 2000
            return call(field.type == .text ? "paragraph" : "text", "length: \(low)...\(max(low, high))", unique)
        case .float:
            return call(field.type.traits.fake, fakeRangeArgument(field))
        case .integer, .bigint:
            return call(field.type.traits.fake, fakeRangeArgument(field), unique)
        case .decimal, .money, .percent:
            let scale = SpecValue.scale(of: field)
            return call(field.type.traits.fake, fakeRangeArgument(field), scale == 2 ? nil : "scale: \(scale)", unique)
        case .enumeration:
            return call("pick", "\(swiftType(field)).allCases", unique)
        case .boolean, .datetime, .uuid, .reference, .json:
            return call(field.type.traits.fake)
        case .date, .time, .color:
            return call(field.type.traits.fake, unique)
        case .email, .url, .phone, .slug, .ip, .file, .image:
            return call(field.type.traits.fake, unique, field.maxLength.map { "maxLength: \($0)" })
        }
    }

    /// `in: low...high`, the values a number field's factory draws from.
    private func fakeRangeArgument(_ field: Field) -> String {
        let (low, high) = fakeRange(field)
        return "in: \(numberLiteral(low, for: field))...\(numberLiteral(high, for: field))"
    }

    /// A closed range of values a number field accepts (see ``SpecValue/fittingRange(_:)``).
    func fakeRange(_ field: Field) -> (Double, Double) {
        SpecValue.fittingRange(field) ?? (0, 0)
    }

    /// The field a generated test changes with PATCH: the first text-like one, else the first.
    var updateField: Field {
        resource.fields.first { $0.type == .string || $0.type == .text } ?? resource.fields.first { $0.foreignKey == nil } ?? resource.fields[0]
    }

    var updateBody: String {
        Self.literal([(updateField.name, sample(updateField, variant: 2))])
    }

    func bodyPairs(variant: Int) -> [(String, String)] {
        resource.fields.map { ($0.name, sample($0, variant: variant)) }
    }

    func body(variant: Int) -> String {
        Self.literal(bodyPairs(variant: variant))
    }

    /// The rows a generated test creates first, in order: one of every resource this one refers
    /// to (and of the ones those refer to), each a `table`, its API `path` and a valid `body`.
    var referenceSetup: [[String: String]] {
        var steps: [[String: String]] = []
        var done: Set<String> = [resource.table]
        func visit(_ owner: Manifest.Resource) {
            for field in owner.fields {
                guard let target = manifest.target(of: field, owner: owner),
                      !done.contains(target.table) else { continue }
                done.insert(target.table)
                visit(target)
                guard let context = try? ResourceContext(resource: target, manifest: manifest, command: command) else { continue }
                steps.append(["table": target.table, "path": context.names.path, "body": context.body(variant: 1)])
            }
        }
        visit(resource)
        return steps
    }

    /// A valid sample value for `field` as a `JSONValue` literal, distinct per `variant` where the
    /// field's bounds leave room: numbers are kept inside their bounds, text inside its lengths.
    func sample(_ field: Field, variant: Int) -> String {
        if let key = field.foreignKey {
            return "ids[\"\(key.table)\"]!"
        }
        let usual = regularSample(field, variant: variant)
        // Quoted text longer than the field's `max` gives way to the factory's short form.
        if let max = field.maxLength, usual.count - 2 > max, let short = shortSample(field, variant: variant) { return short }
        return usual
    }

    private func regularSample(_ field: Field, variant: Int) -> String {
        switch field.type {
        case .string: return Self.quoted(fitting: "\(field.name) \(variant)", field, variant: variant)
        case .text: return Self.quoted(fitting: "Some longer \(field.name) text, number \(variant).", field, variant: variant)
        case .email: return "\"user\(variant)@example.com\""
        case .url: return "\"https://example.com/\(field.name)/\(variant)\""
        case .phone: return "\"+1555010000\(variant % 10)\""
        case .slug: return "\"\(field.name.replacingOccurrences(of: "_", with: "-"))-\(variant)\""
        case .ip: return variant % 2 == 1 ? "\"192.168.0.\(variant)\"" : "\"2001:db8::\(variant)\""
        case .color: return "\"#1a2b\(String(format: "%02x", variant))\""
        case .file: return "\"uploads/report-\(variant).pdf\""
        case .image: return "\"images/photo-\(variant).png\""
        case .uuid: return "\"6F9619FF-8B86-4011-B42D-00C04FC964F\(variant % 10)\""
        case .date: return "\"2026-0\(min(variant, 9))-14\""
        case .time: return "\"0\(variant % 10):30:00\""
        case .datetime: return "\"2026-0\(min(variant, 9))-15T10:30:00Z\""
        case .json: return "[\"label\": \"sample \(variant)\", \"rank\": \(variant), \"tags\": [\"a\", \"b\"], \"nested\": [\"on\": true]]"
        case .boolean: return variant % 2 == 0 ? "false" : "true"
        case .enumeration:
            let values = field.values ?? [""]
            return "\"\(values[(variant - 1) % values.count])\""
        case .integer, .bigint, .reference:
            return SpecRule.format(number(Double(variant * 7), within: field, variant: variant).rounded(.down))
        case .float, .decimal, .money, .percent:
            return SpecRule.format(number(Double(variant) + 0.25, within: field, variant: variant))
        }
    }

    /// The factory's short form of a format value, for when the usual sample would break `max`.
    private func shortSample(_ field: Field, variant: Int) -> String? {
        switch field.type {
        case .email: "\"\(variant)@x.io\""
        case .url: "\"https://x.io/\(variant)\""
        case .phone: "\"555010\(variant % 10)\""
        case .slug: "\"\(variant % 10)\""
        case .ip: "\"1.1.1.\(variant % 10)\""
        case .file: "\"f\(variant % 10)\""
        case .image: "\"\(variant % 10).png\""
        case .string, .text, .integer, .bigint, .float, .decimal, .money, .percent, .boolean, .datetime, .date, .time,
             .uuid, .json, .color, .enumeration, .reference: nil
        }
    }

    /// `value`, moved inside the field's bounds when it falls outside.
    private func number(_ value: Double, within field: Field, variant: Int) -> Double {
        let (low, high) = fakeRange(field)
        if value > high { return max(low, high - Double(variant - 1)) }
        if value < low { return min(high, low + Double(variant - 1)) }
        return value
    }

    /// `text` cut or padded to the field's length bounds, as a string literal.
    static func quoted(fitting text: String, _ field: Field, variant: Int) -> String {
        var text = text
        if let max = field.maxLength, text.count > max {
            text = String(text.prefix(Swift.max(0, max - 1))) + (max > 0 ? "\(variant % 10)" : "")
        }
        if let min = field.minLength, text.count < min {
            text += String(repeating: "x", count: min - text.count)
        }
        return "\"\(text)\""
    }

    /// A `JSONValue` dictionary literal over several lines, one pair each, for a statement
    /// indented by `indent` spaces.
    static func literal(_ pairs: [(String, String)], indent: Int) -> String {
        guard !pairs.isEmpty else { return "[:]" }
        let margin = String(repeating: " ", count: indent)
        return "[\n" + pairs.map { "\(margin)    \"\($0.0)\": \($0.1),\n" }.joined() + margin + "]"
    }

    /// A `JSONValue` dictionary literal.
    static func literal(_ pairs: [(String, String)]) -> String {
        pairs.isEmpty ? "[:]" : "[" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "]"
    }
}
