/// What a standalone `make:*` template renders from (controller, route group, middleware,
/// seeder, service, test): its type and the command that made it.
struct ComponentValues: Encodable {
    var type: String
    var command: String
    var appType: String
    var `protected`: Bool
    /// The type in kebab case, for URL paths: `OrderStatus` → `order-status`.
    var path: String
    /// The type in camel case, for locals.
    var variable: String
}

/// What `component/Enum.swift` renders from.
struct EnumComponentValues: Encodable {
    var type: String
    var command: String
    var cases: [ResourceValues.EnumCase]
}

/// What `component/Exception.swift` renders from.
struct ExceptionValues: Encodable {
    var type: String
    var command: String
    var status: Int
    /// The error envelope's `code`: the type in snake case.
    var code: String
    var message: String
}
