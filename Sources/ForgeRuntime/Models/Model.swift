/// A row of one table, as a plain `Codable` struct whose coding keys are the column names.
///
/// ```swift
/// struct Post: Model {
///     static let table = "posts"
///     var id: Int
///     var title: String
///     var createdAt: Date
///     var updatedAt: Date
/// }
/// ```
public protocol Model: Codable, Sendable {
    /// The table the rows live in (plural snake_case by forge's convention).
    static var table: String { get }
    /// The integer primary key the database assigned.
    var id: Int { get }
}
