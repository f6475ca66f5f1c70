import SQLKit

/// Whose rows a repository of an owned model (``Model/ownerColumn``) reads and writes.
///
/// A resource made with `forge make:resource NAME -p --owned` stores its owner in `user_id`.
/// Its repository is always made with a scope, so no query can forget it:
///
/// ```swift
/// PostRepository(database: db, owner: .user(caller.id))   // the caller's rows; inserts stamped with them
/// PostRepository(database: db, owner: .everyone)          // maintenance reads and writes across owners
/// ```
///
/// Another user's row is simply not there: `find` answers `nil`, `update` and `delete` change
/// nothing, so the API answers 404 exactly as for a missing row. Repositories of models without
/// an owner ignore the scope.
public enum OwnerScope: Sendable, Equatable {
    /// The rows of user `id`; new rows belong to them.
    case user(Int)
    /// Every row, whoever owns it; a new row must carry its `user_id` itself (generated drafts do
    /// not, so inserts use `.user`).
    case everyone
    /// No caller is known: every query on an owned model is refused with a 401. A service that
    /// was never given its caller fails closed instead of showing everyone's rows.
    case nobody

    /// The `users.id` of the user the oldest account belongs to, or `nil` without users: the
    /// owner seeders give the rows they make, so rows that point at each other share an owner.
    public static func firstUser(on database: any SQLDatabase) async throws -> Int? {
        try await AuthUser.ids(on: database, limit: 1).first
    }
}

extension ModelRepository {
    /// The `WHERE owner = id` this repository's queries add, `nil` when they add none; a 401
    /// for an owned model read or written with no known caller.
    func ownerCondition() throws(AppError) -> (column: String, id: Int)? {
        guard let column = Record.ownerColumn else { return nil }
        switch owner {
        case .user(let id): return (column, id)
        case .everyone: return nil
        case .nobody: throw AppError.unauthorized("sign in first: these records belong to their users")
        }
    }

    /// `query` narrowed to this repository's owner.
    func scoped<Query: SQLPredicateBuilder>(_ query: Query) throws(AppError) -> Query {
        if let (column, id) = try ownerCondition() {
            query.where(SQLColumn(column, table: Record.table), .equal, SQLBind(id))
        }
        return query
    }
}
