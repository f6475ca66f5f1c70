/// An optional response property that is written as `null` when it has no value, where
/// synthesized `Encodable` would leave its key out: clients then always see the same keys.
///
/// ```swift
/// struct PostResponse: Encodable {
///     var title: String
///     @Nullable var summary: String?   // "summary": null
/// }
/// ```
@propertyWrapper
public struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
