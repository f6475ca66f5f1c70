/// The messages of the value rules (`max`, `min`, `gt`, `lt`, and the ranges some types keep),
/// written once: the runtime answers requests with them and forge refuses defaults with them.
public enum RuleMessage {
    public static func maxLength(_ limit: Int) -> String { "must be at most \(limit) characters" }
    public static func minLength(_ limit: Int) -> String { "must be at least \(limit) characters" }
    public static func atLeast(_ bound: some CustomStringConvertible) -> String { "must be at least \(describe(bound))" }
    public static func atMost(_ bound: some CustomStringConvertible) -> String { "must be at most \(describe(bound))" }
    public static func greaterThan(_ bound: some CustomStringConvertible) -> String { "must be greater than \(describe(bound))" }
    public static func lessThan(_ bound: some CustomStringConvertible) -> String { "must be less than \(describe(bound))" }

    /// An `integer` column holds 32 bits on every database.
    public static let int32 = "must be between \(Int32.min) and \(Int32.max)"
    /// `money` and `percent` keep 4 decimal places.
    public static let fourDecimalPlaces = "must have at most 4 decimal places"
    /// `money` is `NUMERIC(19,4)`: 15 whole digits.
    public static let moneySize = "must be less than 10^15 in size"
    public static let percentRange = "must be between 0 and 100"

    /// A bound as a person writes it: `0`, not `0.0`.
    public static func describe(_ bound: some CustomStringConvertible) -> String {
        let text = bound.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
