import Foundation

/// Parses `name:type[:rule,rule,...]` field specs (fastpy-compatible) into ``Field`` values.
///
/// ```swift
/// let field = try FieldSpecParser.parse("title:string:required,max:200")
/// // Field(name: "title", type: .string, rules: [.required, .max(200)])
/// ```
public enum FieldSpecParser {
    /// Parses one spec.
    public static func parse(_ spec: String) throws(FieldSpecError) -> Field {
        let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        guard !spec.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldSpecError(.emptySpec, spec: spec, token: "", column: 1, reason: "empty field spec; write name:type[:rules], for example title:string:required")
        }
        try validateName(name, spec: spec)
        guard parts.count >= 2, !parts[1].isEmpty else {
            throw FieldSpecError(.missingType, spec: spec, token: name, column: name.count + 1,
                                 reason: "field '\(name)' has no type; write \(name):TYPE with TYPE one of \(FieldType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let typeColumn = name.count + 2
        guard let type = FieldType(rawValue: parts[1].lowercased()) else {
            throw FieldSpecError(.unknownType, spec: spec, token: parts[1], column: typeColumn,
                                 reason: "unknown type '\(parts[1])'",
                                 suggestion: Suggester.closest(to: parts[1], in: FieldType.allCases.map(\.rawValue)))
        }
        var rules: [FieldRule] = []
        if parts.count == 3 {
            var offset = typeColumn + parts[1].count + 1
            for token in parts[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                let rule = try parseRule(token, spec: spec, offset: offset)
                if !rules.contains(rule) { rules.append(rule) }
                offset += token.count + 1
            }
        }
        let field = Field(name: name, type: type, rules: rules)
        try checkConsistency(field, spec: spec, rulesColumn: typeColumn + parts[1].count + 1)
        return field
    }

    /// Parses every spec of one resource, rejecting duplicate names.
    public static func parse(_ specs: [String]) throws(FieldSpecError) -> [Field] {
        var fields: [Field] = []
        for spec in specs {
            let field = try parse(spec)
            if fields.contains(where: { $0.name == field.name }) {
                throw FieldSpecError(.duplicateField, spec: spec, token: field.name, column: 1,
                                     reason: "field '\(field.name)' is given twice")
            }
            fields.append(field)
        }
        return fields
    }

    /// Parses one rule; `offset` is the 1-based column where the token starts in `spec`.
    static func parseRule(_ token: String, spec: String, offset: Int) throws(FieldSpecError) -> FieldRule {
        let pieces = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let ruleName = pieces[0].lowercased()
        let argument = pieces.count > 1 ? pieces[1] : nil
        func number() throws(FieldSpecError) -> Double {
            guard let argument, !argument.isEmpty else {
                throw FieldSpecError(.missingValue, spec: spec, token: token, column: offset,
                                     reason: "rule '\(ruleName)' needs a number, as in \(ruleName):10")
            }
            guard let value = Double(argument), value.isFinite else {
                throw FieldSpecError(.badNumber, spec: spec, token: argument, column: offset + ruleName.count + 1,
                                     reason: "'\(argument)' is not a number in rule '\(token)'")
            }
            return value
        }
        func flag(_ rule: FieldRule) throws(FieldSpecError) -> FieldRule {
            if let argument {
                throw FieldSpecError(.unexpectedValue, spec: spec, token: token, column: offset,
                                     reason: "rule '\(ruleName)' takes no value, got '\(argument)'")
            }
            return rule
        }
        switch ruleName {
        case "required": return try flag(.required)
        case "nullable": return try flag(.nullable)
        case "unique": return try flag(.unique)
        case "index": return try flag(.index)
        case "max": return .max(try number())
        case "min": return .min(try number())
        case "default":
            guard let argument, !argument.isEmpty else {
                throw FieldSpecError(.missingValue, spec: spec, token: token, column: offset,
                                     reason: "rule 'default' needs a value, as in default:draft")
            }
            return .defaultValue(argument)
        case "":
            throw FieldSpecError(.unknownRule, spec: spec, token: token, column: offset,
                                 reason: "empty rule (two commas in a row, or a trailing comma)")
        default:
            throw FieldSpecError(.unknownRule, spec: spec, token: pieces[0], column: offset,
                                 reason: "unknown rule '\(pieces[0])'",
                                 suggestion: Suggester.closest(to: ruleName, in: FieldRule.names))
        }
    }

    static func validateName(_ name: String, spec: String) throws(FieldSpecError) {
        guard let first = name.first, first.isLetter, first.isASCII,
              name.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII })
        else {
            let fixed = name.identifierWords.joined(separator: "_").filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            throw FieldSpecError(.invalidName, spec: spec, token: name, column: 1,
                                 reason: "invalid field name '\(name)': use letters, digits and underscores, starting with a letter",
                                 suggestion: fixed.first?.isLetter == true && fixed != name ? fixed : nil)
        }
        guard name == name.snakeCased else {
            throw FieldSpecError(.invalidName, spec: spec, token: name, column: 1,
                                 reason: "field names are snake_case column names", suggestion: name.snakeCased)
        }
        if let reason = ReservedWords.fieldReason(name) {
            throw FieldSpecError(.reservedName, spec: spec, token: name, column: 1, reason: reason)
        }
    }

    static func checkConsistency(_ field: Field, spec: String, rulesColumn: Int) throws(FieldSpecError) {
        func fail(_ code: FieldSpecError.Code, _ token: String, _ reason: String) -> FieldSpecError {
            let column = spec.range(of: token).map { spec.distance(from: spec.startIndex, to: $0.lowerBound) + 1 } ?? rulesColumn
            return FieldSpecError(code, spec: spec, token: token, column: column, reason: reason)
        }
        if field.isRequired && field.rules.contains(.nullable) {
            throw fail(.contradiction, "nullable", "a field cannot be both required and nullable")
        }
        if let max = field.maxBound, let min = field.minBound, min > max {
            throw fail(.contradiction, "min:\(FieldRule.format(min))", "min \(FieldRule.format(min)) is greater than max \(FieldRule.format(max))")
        }
        if field.type.measure == .none, field.maxBound != nil || field.minBound != nil {
            let token = field.maxBound != nil ? "max" : "min"
            throw fail(.ruleNotApplicable, token, "rule '\(token)' does not apply to type '\(field.type.rawValue)'")
        }
        if field.type.measure == .length {
            for (name, bound) in [("max", field.maxBound), ("min", field.minBound)] {
                if let bound, bound < 0 || bound.rounded() != bound {
                    throw fail(.badNumber, "\(name):", "a length bound must be a whole number of at least 0")
                }
            }
        }
        if let value = field.defaultValue {
            let fits: Bool = switch field.type.swiftType {
            case "Int": Int(value) != nil
            case "Double": Double(value) != nil
            case "Bool": value == "true" || value == "false"
            case "String": true
            default: false
            }
            guard fits else {
                throw fail(.badNumber, "default:\(value)", "default '\(value)' is not a valid \(field.type.rawValue) value")
            }
            if field.type.measure == .value, let number = Double(value),
               number > field.maxBound ?? .infinity || number < field.minBound ?? -.infinity {
                throw fail(.contradiction, "default:\(value)", "default \(value) breaks the field's own min/max rules")
            }
            if field.type.measure == .length,
               Double(value.count) > field.maxBound ?? .infinity || Double(value.count) < field.minBound ?? 0 {
                throw fail(.contradiction, "default:\(value)", "default '\(value)' breaks the field's own length rules")
            }
        }
        if field.isUnique, field.type == .text {
            throw fail(.ruleNotApplicable, "unique", "rule 'unique' does not apply to unbounded 'text'; use 'string' with max:N")
        }
    }
}
