import ForgeShared
import Foundation

/// Parses `name:type[:rule,rule,...]` field specs (fastpy-compatible) into ``Field`` values.
///
/// ```swift
/// let field = try FieldSpecParser.parse("title:string:required,max:200")
/// // Field(name: "title", type: .string, rules: [.required, .max(200)])
/// ```
public enum FieldSpecParser {
    /// One rule as written: the parsed rule, its text and its 1-based column in the spec.
    struct RuleToken {
        var rule: SpecRule
        var text: String
        var column: Int
    }

    /// Parses one spec.
    public static func parse(_ spec: String) throws(FieldSpecError) -> Field {
        guard !spec.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw FieldSpecError(.emptySpec, spec: spec, token: "", column: 1, reason: "empty field spec; write name:type[:rules], for example title:string:required")
        }
        if let index = spec.firstIndex(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) {
            throw FieldSpecError(.invalidName, spec: spec, token: String(spec[index]), column: spec.distance(from: spec.startIndex, to: index) + 1,
                                 reason: "a field spec is one line of printable text; it holds a control character")
        }
        let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        var name = parts[0]
        let typeToken = parts.count > 1 ? parts[1].lowercased() : ""
        let isReference = typeToken.hasPrefix("references") || typeToken.hasPrefix("belongs_to")
        // A reference's column is NAME_id: `user:references` is fine although `user` alone is an SQL word.
        try validateName(name, column: isReference && !name.hasSuffix("_id") ? name + "_id" : name, spec: spec)
        guard parts.count >= 2, !parts[1].isEmpty else {
            throw FieldSpecError(.missingType, spec: spec, token: name, column: name.count + 1,
                                 reason: "field '\(name)' has no type; write \(name):TYPE with TYPE one of \(FieldType.names.joined(separator: ", "))")
        }
        let typeColumn = name.count + 2
        var (type, values, target) = try parseType(parts[1], spec: spec, column: typeColumn)
        if type == .reference {
            let relation = name.hasSuffix("_id") ? String(name.dropLast(3)) : name
            // The relation becomes a method on the model: `func author(on:)`.
            if ReservedWords.swift.contains(relation.camelCased) {
                throw FieldSpecError(.reservedName, spec: spec, token: parts[0], column: 1,
                                     reason: "'\(relation)' is a Swift keyword, and a reference's name becomes a method of the model")
            }
            target = target ?? relation.pascalCased
            if !name.hasSuffix("_id") { name += "_id" }
        }
        if type == .many {
            // The name becomes the model's method (`func tags(on:)`) and, singular, the key of the
            // ids in request bodies (`tag_ids`) and the pivot's column (`tag_id`).
            if ReservedWords.swift.contains(name.camelCased) {
                throw FieldSpecError(.reservedName, spec: spec, token: name, column: 1,
                                     reason: "'\(name)' is a Swift keyword, and a many-to-many field's name becomes a method of the model")
            }
            guard let singular = Inflector().singular(name) else {
                throw FieldSpecError(.invalidName, spec: spec, token: name, column: 1,
                                     reason: "a many-to-many field is named by the plural of what it links, as in tags:many/Tag",
                                     suggestion: Inflector().plural(name))
            }
            if ReservedWords.swift.contains(singular.camelCased) {
                throw FieldSpecError(.reservedName, spec: spec, token: name, column: 1,
                                     reason: "'\(singular)' is a Swift keyword, and one linked row's key is named after it")
            }
            target = target ?? singular.pascalCased
        }
        let rulesColumn = typeColumn + parts[1].count + 1
        var tokens: [RuleToken] = []
        if parts.count == 3 {
            guard !parts[2].isEmpty else {
                throw FieldSpecError(.missingValue, spec: spec, token: ":", column: rulesColumn - 1,
                                     reason: "nothing follows the last ':'; add rules such as required,max:200 or drop the ':'")
            }
            var offset = rulesColumn
            for raw in parts[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
                // fastpy strips spaces around rules (`required, max:200`); so does forge.
                let leading = raw.prefix(while: \.isWhitespace).count
                let text = raw.trimmingCharacters(in: .whitespaces)
                let rule = try parseRule(text, spec: spec, offset: offset + leading)
                if !tokens.contains(where: { $0.rule == rule }) {
                    tokens.append(RuleToken(rule: rule, text: text, column: offset + leading))
                }
                offset += raw.count + 1
            }
        }
        let field = Field(name: name, type: type, rules: tokens.map(\.rule), values: values, target: target)
        try checkConsistency(field, tokens: tokens, spec: spec)
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

    /// Parses the type token: a type name, `enum/a/b/c`, or `references[/Resource]`.
    static func parseType(_ token: String, spec: String, column: Int) throws(FieldSpecError) -> (FieldType, [String]?, String?) {
        let pieces = token.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let typeName = pieces[0].lowercased()
        guard let type = FieldType(rawValue: typeName) ?? (typeName == "belongs_to" ? .reference : nil) else {
            throw FieldSpecError(.unknownType, spec: spec, token: pieces[0], column: column,
                                 reason: "unknown type '\(pieces[0])'",
                                 suggestion: Suggester.closest(to: pieces[0], in: FieldType.names))
        }
        let payload = Array(pieces.dropFirst())
        var payloadColumn = column + pieces[0].count + 1
        switch type {
        case .enumeration:
            guard !payload.isEmpty else {
                throw FieldSpecError(.missingValue, spec: spec, token: token, column: column,
                                     reason: "an enum lists its values after slashes, as in status:enum/draft/published")
            }
            var values: [String] = []
            for value in payload {
                guard let first = value.first, first.isLowercase, first.isASCII,
                      value.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") })
                else {
                    let fixed = value.snakeCased.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                    throw FieldSpecError(.invalidName, spec: spec, token: value, column: payloadColumn,
                                         reason: value.isEmpty ? "empty enum value (two slashes in a row, or a trailing slash)"
                                                               : "invalid enum value '\(value)': use lowercase letters, digits and underscores, starting with a letter",
                                         suggestion: fixed.first?.isLetter == true && fixed != value ? fixed : nil)
                }
                guard !values.contains(value) else {
                    throw FieldSpecError(.duplicateField, spec: spec, token: value, column: payloadColumn,
                                         reason: "enum value '\(value)' is listed twice")
                }
                values.append(value)
                payloadColumn += value.count + 1
            }
            return (type, values, nil)
        case .reference:
            guard payload.count <= 1 else {
                throw FieldSpecError(.unexpectedValue, spec: spec, token: token, column: column,
                                     reason: "a reference names one resource, as in author:references/User")
            }
            guard let target = payload.first else { return (type, nil, nil) }
            do {
                return (type, nil, try ResourceName(target).type)
            } catch {
                throw FieldSpecError(.invalidReference, spec: spec, token: target, column: payloadColumn,
                                     reason: "'\(target)' cannot be a reference target: \(error.reason)",
                                     suggestion: error.suggestion)
            }
        case .many:
            guard payload.count <= 1 else {
                throw FieldSpecError(.unexpectedValue, spec: spec, token: token, column: column,
                                     reason: "a many-to-many field names one resource, as in tags:many/Tag")
            }
            guard let target = payload.first else { return (type, nil, nil) }
            do {
                return (type, nil, try ResourceName(target).type)
            } catch {
                throw FieldSpecError(.invalidReference, spec: spec, token: target, column: payloadColumn,
                                     reason: "'\(target)' cannot be linked: \(error.reason)",
                                     suggestion: error.suggestion)
            }
        case .string, .text, .integer, .bigint, .float, .decimal, .money, .percent, .boolean, .datetime, .date, .time,
             .email, .url, .uuid, .json, .phone, .slug, .ip, .color, .file, .image:
            guard payload.isEmpty else {
                throw FieldSpecError(.unexpectedValue, spec: spec, token: "/" + payload.joined(separator: "/"), column: payloadColumn - 1,
                                     reason: "type '\(type.rawValue)' takes no '/' values; only enum, references and many do")
            }
            return (type, nil, nil)
        }
    }

    /// Parses one rule; `offset` is the 1-based column where the token starts in `spec`.
    static func parseRule(_ token: String, spec: String, offset: Int) throws(FieldSpecError) -> SpecRule {
        let pieces = token.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let ruleName = pieces[0].lowercased()
        let argument = pieces.count > 1 ? pieces[1] : nil
        func number() throws(FieldSpecError) -> Double {
            guard let argument, !argument.isEmpty else {
                throw FieldSpecError(.missingValue, spec: spec, token: token, column: offset,
                                     reason: "rule '\(ruleName)' needs a number, as in \(ruleName):10")
            }
            guard SpecValue.isPlainDecimal(argument), let value = Double(argument) else {
                throw FieldSpecError(.badNumber, spec: spec, token: argument, column: offset + ruleName.count + 1,
                                     reason: "'\(argument)' is not a number in rule '\(token)'")
            }
            // Bounds become Swift literals and column checks; refuse what a Double cannot hold exactly.
            guard SpecValue.sameNumber(SpecRule.format(value), argument) else {
                throw FieldSpecError(.badNumber, spec: spec, token: argument, column: offset + ruleName.count + 1,
                                     reason: "'\(argument)' has more digits than a bound keeps exactly (15 significant digits)")
            }
            return value
        }
        func flag(_ rule: SpecRule) throws(FieldSpecError) -> SpecRule {
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
        case "gt": return .gt(try number())
        case "ge", "gte": return .ge(try number())
        case "lt": return .lt(try number())
        case "le", "lte": return .le(try number())
        case "foreign":
            let target = (argument ?? "").split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard target.count == 2, target.allSatisfy({ !$0.isEmpty && $0 == $0.snakeCased && $0.first!.isLetter }) else {
                throw FieldSpecError(.missingValue, spec: spec, token: token, column: offset,
                                     reason: "rule 'foreign' needs table.column, as in foreign:users.id")
            }
            return .foreign(table: target[0], column: target[1])
        case "default":
            guard let argument, !argument.isEmpty else {
                throw FieldSpecError(.missingValue, spec: spec, token: token, column: offset,
                                     reason: "rule 'default' needs a value, as in default:draft")
            }
            return .defaultValue(argument)
        case "on_delete":
            let actions = SpecRule.DeleteAction.allCases.map(\.rawValue)
            guard let argument, let action = SpecRule.DeleteAction(rawValue: argument) else {
                let written = argument ?? ""
                throw FieldSpecError(written.isEmpty ? .missingValue : .unknownRule, spec: spec, token: written.isEmpty ? token : written,
                                     column: written.isEmpty ? offset : offset + ruleName.count + 1,
                                     reason: "rule 'on_delete' takes \(actions.joined(separator: ", ")), as in on_delete:cascade",
                                     suggestion: written.isEmpty ? nil : Suggester.closest(to: written, in: actions))
            }
            return .onDelete(action)
        case "":
            throw FieldSpecError(.unknownRule, spec: spec, token: token, column: offset,
                                 reason: "empty rule (two commas in a row, or a trailing comma)")
        default:
            throw FieldSpecError(.unknownRule, spec: spec, token: pieces[0], column: offset,
                                 reason: "unknown rule '\(pieces[0])'",
                                 suggestion: Suggester.closest(to: ruleName, in: SpecRule.names))
        }
    }

    /// Checks the written `name`, and the `column` it becomes (`NAME_id` for references)
    /// against reserved words.
    static func validateName(_ name: String, column: String, spec: String) throws(FieldSpecError) {
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
        if let reason = ReservedWords.fieldReason(column) {
            throw FieldSpecError(.reservedName, spec: spec, token: name, column: 1, reason: reason)
        }
    }

    static func checkConsistency(_ field: Field, tokens: [RuleToken], spec: String) throws(FieldSpecError) {
        /// An error pointing at the rule as the user wrote it.
        func fail(_ code: FieldSpecError.Code, _ rule: SpecRule, _ reason: String) -> FieldSpecError {
            let token = tokens.first { $0.rule == rule }
            return FieldSpecError(code, spec: spec, token: token?.text ?? rule.description, column: token?.column ?? 1, reason: reason)
        }
        func written(_ rule: SpecRule) -> String {
            String((tokens.first { $0.rule == rule }?.text ?? rule.description).prefix { $0 != ":" })
        }
        let type = field.type
        let typeName = type.rawValue
        if type == .many, let token = tokens.first {
            throw FieldSpecError(.ruleNotApplicable, spec: spec, token: token.text, column: token.column,
                                 reason: "a many-to-many field takes no rules: its links are a set, empty until given (write \(field.name):many/\(field.target ?? "Target"))")
        }
        if field.isRequired && field.isNullable {
            throw fail(.contradiction, .nullable, "a field cannot be both required and nullable")
        }
        for rule in field.rules {
            let name = written(rule)
            switch rule {
            case .max(let bound), .min(let bound):
                if type.traits.measure == .none {
                    throw fail(.ruleNotApplicable, rule, "rule '\(name)' does not apply to type '\(typeName)'")
                }
                if type.traits.measure == .length, bound < 0 || bound.rounded() != bound || bound > 10_485_760 {
                    throw fail(.badNumber, rule, "a length bound must be a whole number from 0 to 10485760")
                }
                if type.traits.measure == .length, case .max = rule, bound < Double(SpecValue.shortestValue(of: type)) {
                    throw fail(.contradiction, rule, "no \(typeName) value is that short; max must be at least \(SpecValue.shortestValue(of: type))")
                }
                if type.isWholeNumber, bound.rounded() != bound {
                    throw fail(.badNumber, rule, "a bound on a whole-number type must be a whole number")
                }
                if type.traits.measure == .value, let range = type.traits.range, !range.contains(bound) {
                    throw fail(.contradiction, rule, "\(SpecRule.format(bound)) is outside what a \(typeName) holds (\(SpecRule.format(range.lowerBound)) to \(SpecRule.format(range.upperBound)))")
                }
            case .gt(let bound), .ge(let bound), .lt(let bound), .le(let bound):
                guard type.traits.measure == .value else {
                    let hint = type.traits.measure == .length ? "; bound lengths with min:N and max:N" : ""
                    throw fail(.ruleNotApplicable, rule, "rule '\(name)' does not apply to type '\(typeName)'\(hint)")
                }
                if type.isWholeNumber, bound.rounded() != bound {
                    throw fail(.badNumber, rule, "a bound on a whole-number type must be a whole number")
                }
                if let range = type.traits.range, !range.contains(bound) {
                    throw fail(.contradiction, rule, "\(SpecRule.format(bound)) is outside what a \(typeName) holds (\(SpecRule.format(range.lowerBound)) to \(SpecRule.format(range.upperBound)))")
                }
            case .foreign(_, let column):
                guard type.isWholeNumber || type == .reference else {
                    throw fail(.ruleNotApplicable, rule, "rule 'foreign' applies to integer and bigint fields, not '\(typeName)'")
                }
                guard column == "id" else {
                    throw fail(.ruleNotApplicable, rule, "a foreign key points at a resource's id column, as in foreign:users.id")
                }
            case .onDelete(let action):
                guard type == .reference || field.foreignKey != nil else {
                    throw fail(.ruleNotApplicable, rule, "rule 'on_delete' applies to references, as in author:references/User:on_delete:cascade")
                }
                if action == .setNull, field.isNotNull {
                    throw fail(.contradiction, rule, "on_delete:set_null clears the reference, so the field must be optional; drop 'required'\(field.defaultValue == nil ? "" : " and 'default'")")
                }
            case .unique where type == .boolean:
                throw fail(.ruleNotApplicable, rule, "rule 'unique' does not apply to 'boolean': it would allow two rows")
            case .unique where type == .text || type == .json:
                throw fail(.ruleNotApplicable, rule, "rule 'unique' does not apply to unbounded '\(typeName)'\(type == .text ? "; use 'string' with max:N" : "")")
            case .index where type == .json:
                throw fail(.ruleNotApplicable, rule, "rule 'index' does not apply to 'json'")
            default:
                break
            }
        }
        if let max = field.maxLength, let min = field.minLength, min > max {
            throw fail(.contradiction, .min(Double(min)), "min \(min) is greater than max \(max)")
        }
        if let low = field.lowerBound, let high = field.upperBound,
           low.value > high.value || low.value == high.value && !(low.inclusive && high.inclusive)
            || SpecValue.fittingRange(field) == nil {
            // Point at the rule that set the upper bound: it is the one that shuts the range.
            let culprit = field.rules.first {
                switch $0 {
                case .max(let value), .le(let value): high.inclusive && value == high.value
                case .lt(let value): !high.inclusive && value == high.value
                default: false
                }
            } ?? .max(high.value)
            throw fail(.contradiction, culprit, "no \(typeName) value fits between the lower bound \(SpecRule.format(low.value)) and the upper bound \(SpecRule.format(high.value))")
        }
        if let value = field.defaultValue {
            try checkDefault(value, of: field) { code, reason in fail(code, .defaultValue(value), reason) }
        }
    }
}
