import ForgeShared

/// Collects every failing field of one request, so a 422 names them all at once.
///
/// ```swift
/// var check = Validation()
/// check.field("title", title, .required, .maxLength(200))
/// guard check.passed, let title else { throw check.failure }
/// ```
public struct Validation: Sendable {
    /// Messages per field, in the order the fields were checked.
    public private(set) var errors: [String: [String]] = [:]
    private var order: [String] = []

    public init() {}

    /// Checks `value` against `rules`. An absent value fails only `.required`; a present one
    /// is tested by every other rule.
    public mutating func field<Value>(_ name: String, _ value: Value?, _ rules: FieldRule<Value>...) {
        guard let value else {
            if rules.contains(where: \.isRequired) { add(name, "is required") }
            return
        }
        if let text = value as? String, text.isBlank, rules.contains(where: \.isRequired) {
            add(name, "must not be blank")
            return
        }
        for rule in rules {
            if let message = rule.test(value) { add(name, message) }
        }
    }

    /// Records a failure found by hand, for rules no `FieldRule` expresses.
    public mutating func add(_ field: String, _ message: String) {
        if errors[field] == nil { order.append(field) }
        errors[field, default: []].append(message)
    }

    /// Whether no field failed.
    public var passed: Bool { errors.isEmpty }

    /// The 422 error naming every failing field.
    public var failure: AppError {
        AppError.validation(order.map { ValidationFieldError(field: $0, messages: errors[$0] ?? []) })
    }

    /// Throws ``failure`` when any field failed.
    /// The parent key a nested route's body may carry: absent or equal to `path` (the one in
    /// the URL), which it returns; anything else is a 422 on `field`.
    public static func pathKey<Key: Equatable & CustomStringConvertible>(_ given: Key?, equals path: Key, field: String) throws(AppError) -> Key {
        guard let given, given != path else { return path }
        var check = Validation()
        check.add(field, "must be \(path), the one in the path, or left out (got \(given))")
        try check.finish()
        return path
    }

    public func finish() throws(AppError) {
        if !passed { throw failure }
    }
}

/// The messages for one field of a failed request.
public struct ValidationFieldError: Sendable, Equatable, Codable {
    /// The field as the client spelled it.
    public var field: String
    /// Everything wrong with it.
    public var messages: [String]

    public init(field: String, messages: [String]) {
        self.field = field
        self.messages = messages
    }
}
