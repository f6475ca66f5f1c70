import SQLKit

/// The columns one PATCH changes on a `Record`: what ``ModelRepository/update(_:with:)`` takes,
/// so no HTTP type reaches the data layer.
///
/// It is made from a value whose non-`nil` properties are the changes (an update request, once
/// validated), with each property spelled as its snake_case column, and can be extended with
/// columns a service computes.
public struct ChangeSet<Record: Model>: Sendable {
    /// The changed columns and their new values, in the order they were given.
    public private(set) var columns: [(name: String, value: any SQLExpression)]

    /// The non-`nil` properties of `values`, as columns of `Record`.
    public init(_ values: some Encodable) throws {
        columns = try SQLQueryEncoder.columns().encode(values).map { (name: $0.0, value: $0.1) }
    }

    /// The same, leaving out `excluded` properties that are no columns (a many-to-many
    /// relation's `tag_ids`, which the service writes to its pivot).
    public init(_ values: some Encodable, excluding excluded: Set<String>) throws {
        columns = try SQLQueryEncoder.columns().encode(values).filter { !excluded.contains($0.0) }.map { (name: $0.0, value: $0.1) }
    }

    /// No change at all (a PATCH with an empty body only touches `updated_at`).
    public var isEmpty: Bool { columns.isEmpty }

    /// Whether `column` is among the changes.
    public func changes(_ column: String) -> Bool {
        columns.contains { $0.name == column }
    }

    /// Sets `column` to `value`, replacing an earlier change of the same column.
    public mutating func set(_ column: String, to value: some Encodable & Sendable) {
        columns.removeAll { $0.name == column }
        columns.append((name: column, value: SQLBind(value)))
    }
}
