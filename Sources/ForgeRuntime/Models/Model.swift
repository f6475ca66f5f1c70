/// A row of one table, as a plain `Codable` struct whose coding keys are the column names.
///
/// ```swift
/// struct Post: Model {
///     static let table = "posts"
///     static let listing = ListingRules(columns: ["title": .text, "views": .integer])
///     var id: Int
///     var title: String
///     var createdAt: Date
///     var updatedAt: Date
/// }
/// ```
public protocol Model: Codable, Sendable {
    /// The table the rows live in (plural snake_case by forge's convention).
    static var table: String { get }
    /// The columns clients may sort and filter lists by.
    static var listing: ListingRules { get }
    /// Whether `delete` stamps `deleted_at` instead of removing the row.
    static var softDeletes: Bool { get }
    /// Whether rows carry a `public_id` UUID that the API uses instead of the integer key.
    static var publicIDs: Bool { get }
    /// The column holding the `users.id` each row belongs to (`user_id` for `--owned`
    /// resources), or `nil` for rows nobody owns. Repositories then see only their
    /// ``OwnerScope``'s rows.
    static var ownerColumn: String? { get }
    /// The integer primary key the database assigned.
    var id: Int { get }
}

extension Model {
    public static var listing: ListingRules { ListingRules(columns: [:]) }
    public static var softDeletes: Bool { false }
    public static var publicIDs: Bool { false }
    public static var ownerColumn: String? { nil }
}
