import ForgeShared
import Foundation

/// The checks of a `default:` value against the field it belongs to: the same words the runtime
/// would answer a request with, so forge never writes a default the API would refuse.
extension FieldSpecParser {
    /// Rejects a `default:` the field itself would refuse.
    static func checkDefault(_ value: String, of field: Field, fail: (FieldSpecError.Code, String) -> FieldSpecError) throws(FieldSpecError) {
        let type = field.type
        switch type {
        case .json:
            // fastpy's docs write `default:{}`; an empty object is the one JSON default a rule can hold.
            guard value == "{}" else { throw fail(.ruleNotApplicable, "a json field's only default is {} (an empty object)") }
        case .datetime, .reference, .many:
            throw fail(.ruleNotApplicable, "rule 'default' does not apply to type '\(type.rawValue)'")
        case _ where field.foreignKey != nil:
            throw fail(.ruleNotApplicable, "rule 'default' does not apply to a foreign key")
        case .boolean:
            guard value == "true" || value == "false" else { throw fail(.badNumber, "default '\(value)' is not true or false") }
        case .integer, .bigint, .float, .decimal, .money, .percent:
            guard let number = SpecValue.number(value, of: type) else {
                throw fail(.badNumber, "default '\(value)' is not a valid \(type.rawValue) value")
            }
            if let problem = numberProblem(number, text: value, of: field) {
                throw fail(.contradiction, "default \(value) \(problem)")
            }
        case .enumeration:
            guard field.values?.contains(value) == true else {
                throw fail(.contradiction, "default '\(value)' is not one of \((field.values ?? []).joined(separator: ", "))")
            }
        case .string, .text, .email, .url, .uuid, .date, .time, .phone, .slug, .ip, .color, .file, .image:
            if let problem = type.textFormat?.problem(value) {
                throw fail(.badNumber, "default '\(value)' \(problem)")
            }
            if let max = field.maxLength, value.count > max {
                throw fail(.contradiction, "default '\(value)' \(RuleMessage.maxLength(max))")
            }
            if let min = field.minLength, value.count < min {
                throw fail(.contradiction, "default '\(value)' \(RuleMessage.minLength(min))")
            }
        }
    }

    /// What the runtime would answer for `number` in `field`: its type's range first, then
    /// the field's own bounds, in ForgeShared's words.
    static func numberProblem(_ number: Double, text: String, of field: Field) -> String? {
        let places = text.split(separator: ".").dropFirst().first.map { $0.count } ?? 0
        let typeProblem: String? = switch field.type {
        case .integer: (field.type.traits.range ?? number...number).contains(number) ? nil : RuleMessage.int32
        case .percent: !(0...100).contains(number) ? RuleMessage.percentRange : places > 4 ? RuleMessage.fourDecimalPlaces : nil
        case .money: abs(number) >= 1e15 ? RuleMessage.moneySize : places > 4 ? RuleMessage.fourDecimalPlaces : nil
        case .bigint, .float, .decimal, .string, .text, .boolean, .datetime, .date, .time, .email, .url, .uuid, .json,
             .phone, .slug, .ip, .color, .file, .image, .enumeration, .reference, .many: nil
        }
        if let typeProblem { return typeProblem }
        if let low = field.lowerBound {
            if low.inclusive, number < low.value { return RuleMessage.atLeast(SpecRule.format(low.value)) }
            if !low.inclusive, number <= low.value { return RuleMessage.greaterThan(SpecRule.format(low.value)) }
        }
        if let high = field.upperBound {
            if high.inclusive, number > high.value { return RuleMessage.atMost(SpecRule.format(high.value)) }
            if !high.inclusive, number >= high.value { return RuleMessage.lessThan(SpecRule.format(high.value)) }
        }
        return nil
    }
}
