import SQLKit

/// One step of the schema, applied once and recorded in `forge_migrations`.
///
/// ```swift
/// struct CreatePosts: Migration {
///     let name = "2026_11_25_120000_create_posts"
///     func prepare(on database: any SQLDatabase) async throws {
///         try await database.create(table: "posts").column("id", type: .bigint, .primaryKey).run()
///     }
///     func revert(on database: any SQLDatabase) async throws {
///         try await database.drop(table: "posts").ifExists().run()
///     }
/// }
/// ```
public protocol Migration: Sendable {
    /// A unique name that sorts in the order migrations must run (forge prefixes a timestamp).
    var name: String { get }
    /// Applies the change.
    func prepare(on database: any SQLDatabase) async throws
    /// Undoes `prepare`.
    func revert(on database: any SQLDatabase) async throws
}
