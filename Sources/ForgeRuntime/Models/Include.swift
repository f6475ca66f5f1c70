import Foundation
import Hummingbird
import SQLKit

/// A response type whose records `?include=` can embed, and what may be embedded in it.
///
/// ```swift
/// extension CommentResponse: IncludableResponse {
///     static let includes = Includes<Comment>(
///         .belongsTo("post", PostResponse.self, through: \.postId),
///     )
/// }
/// ```
public protocol IncludableResponse: Encodable, Sendable {
    associatedtype Record: Model
    init(_ record: Record)
    /// The relations `?include=` may name for this response; none unless declared.
    static var includes: Includes<Record> { get }
}

extension IncludableResponse {
    public static var includes: Includes<Record> { Includes() }
}

/// The relations of one model that `?include=` may embed, by name.
public struct Includes<Record: Model>: Sendable {
    let relations: [Include<Record>]

    public init(_ relations: Include<Record>...) {
        self.relations = relations
    }

    /// The names `?include=` accepts here.
    public var names: [String] { relations.map(\.name) }

    /// A 400 for the first requested name that is not a relation here, or that goes deeper
    /// than ``IncludeRequest/maximumDepth``.
    func check(_ requests: [IncludeRequest], path: String = "", depth: Int = 1) throws {
        for request in requests {
            let written = path + request.name
            guard let relation = relations.first(where: { $0.name == request.name }) else {
                let known = names.isEmpty ? "nothing can be included here" : "it can include \(names.joined(separator: ", "))"
                throw AppError(status: .badRequest, code: .badRequest, message: "include '\(written)' is not a relation; \(known)")
            }
            if !request.children.isEmpty {
                guard depth < IncludeRequest.maximumDepth else {
                    throw AppError(status: .badRequest, code: .badRequest,
                                   message: "include '\(written).\(request.children[0].name)' goes deeper than \(IncludeRequest.maximumDepth) levels")
                }
                try relation.checkNested(request.children, written + ".", depth + 1)
            }
        }
    }

    /// What each of `records` embeds for `requests`, in the records' order: one query per
    /// requested relation (and per nested one), whatever the number of records.
    func load(_ requests: [IncludeRequest], for records: [Record], on database: any SQLDatabase) async throws -> [[(String, IncludedValue)]] {
        var embedded = Array(repeating: [(String, IncludedValue)](), count: records.count)
        guard !records.isEmpty else { return embedded }
        for request in requests {
            guard let relation = relations.first(where: { $0.name == request.name }) else { continue }
            let values = try await relation.load(records, request.children, database)
            for index in records.indices {
                embedded[index].append((request.name, values[index]))
            }
        }
        return embedded
    }

    /// `responses` of `records` with what `requests` asks for embedded in each.
    public func embed<Response: IncludableResponse>(
        _ records: [Record], as response: Response.Type, including requests: [IncludeRequest], on database: any SQLDatabase
    ) async throws -> [Embedded<Response>] where Response.Record == Record {
        // The common case on every list and show: nothing asked, nothing loaded or allocated.
        guard !requests.isEmpty else { return records.map { Embedded(Response($0)) } }
        let included = try await load(requests, for: records, on: database)
        return zip(records, included).map { Embedded(Response($0), included: $1) }
    }
}

/// One relation `?include=` may name.
public struct Include<Owner: Model>: Sendable {
    public let name: String
    let checkNested: @Sendable ([IncludeRequest], String, Int) throws -> Void
    let load: @Sendable ([Owner], [IncludeRequest], any SQLDatabase) async throws -> [IncludedValue]

    /// The row the owner's `key` points at, as `Target`'s response (`null` when the reference
    /// is empty). `column` is the target's key column: `id`, or `public_id` in `--ids dual` apps,
    /// and `targetKey` its property.
    public static func belongsTo<Target: IncludableResponse, Key: Hashable & Sendable & Encodable>(
        _ name: String, _ target: Target.Type, through key: KeyPath<Owner, Key?> & Sendable,
        column: String = "id", matching targetKey: KeyPath<Target.Record, Key> & Sendable
    ) -> Include {
        belongsTo(name, target, key: { $0[keyPath: key] }, column: column, targetKey: targetKey)
    }

    /// ``belongsTo(_:_:through:column:matching:)`` for a reference that is always set.
    public static func belongsTo<Target: IncludableResponse, Key: Hashable & Sendable & Encodable>(
        _ name: String, _ target: Target.Type, through key: KeyPath<Owner, Key> & Sendable,
        column: String = "id", matching targetKey: KeyPath<Target.Record, Key> & Sendable
    ) -> Include {
        belongsTo(name, target, key: { $0[keyPath: key] }, column: column, targetKey: targetKey)
    }

    /// The rows of `Target` whose `column` holds the owner's `key` (`childKey` is that
    /// column's property), oldest first, at most ``IncludeRequest/hasManyLimit`` per owner,
    /// trashed rows left out.
    public static func hasMany<Target: IncludableResponse, Key: Hashable & Sendable & Encodable>(
        _ name: String, _ target: Target.Type, by column: String, _ childKey: KeyPath<Target.Record, Key?> & Sendable,
        matching key: KeyPath<Owner, Key> & Sendable
    ) -> Include {
        hasMany(name, target, by: column, childKey: { $0[keyPath: childKey] }, key: key)
    }

    /// ``hasMany(_:_:by:_:matching:)`` for a child reference that is always set.
    public static func hasMany<Target: IncludableResponse, Key: Hashable & Sendable & Encodable>(
        _ name: String, _ target: Target.Type, by column: String, _ childKey: KeyPath<Target.Record, Key> & Sendable,
        matching key: KeyPath<Owner, Key> & Sendable
    ) -> Include {
        hasMany(name, target, by: column, childKey: { $0[keyPath: childKey] }, key: key)
    }

    /// The `Target` rows linked to the owner through `pivot`, oldest first, at most
    /// ``IncludeRequest/hasManyLimit`` per owner (trashed rows left out); `key` is the owner's
    /// property the pivot's owner column holds.
    public static func manyToMany<Target: IncludableResponse, Key: Hashable & Codable & Sendable>(
        _ name: String, _ target: Target.Type, through pivot: Pivot, matching key: KeyPath<Owner, Key> & Sendable
    ) -> Include {
        Include(name: name, checkNested: { try Target.includes.check($0, path: $1, depth: $2) }) { owners, children, database in
            let keys = Array(Set(owners.map { $0[keyPath: key] }))
            guard !keys.isEmpty else { return owners.map { _ in .many([]) } }
            let binds: [any Encodable & Sendable] = keys
            let live: SQLQueryString = pivot.targetSoftDeletes ? " AND \(ident: "t").\(ident: "deleted_at") IS NULL" : ""
            let owner: SQLQueryString = "\(ident: "p").\(ident: pivot.ownerColumn)"
            let sql: SQLQueryString = """
                SELECT * FROM (SELECT \(ident: "t").*, \(owner) AS \(ident: "forge_owner"), \
                ROW_NUMBER() OVER (PARTITION BY \(owner) ORDER BY \(ident: "t").\(ident: "id")) AS \(ident: "forge_rank") \
                FROM \(ident: pivot.targetTable) AS \(ident: "t") JOIN \(ident: pivot.table) AS \(ident: "p") \
                ON \(ident: "p").\(ident: pivot.targetColumn) = \(ident: "t").\(ident: pivot.targetKey) \
                WHERE \(owner) IN (\(binds: binds))\(live)) AS \(ident: "ranked") \
                WHERE \(ident: "forge_rank") <= \(literal: IncludeRequest.hasManyLimit) ORDER BY \(ident: "id")
                """
            let rows = try await database.raw(sql).all()
            let records = try rows.map { try $0.decode(model: Target.Record.self, keyDecodingStrategy: .columns) }
            let embedded = try await Target.includes.embed(records, as: Target.self, including: children, on: database)
            var byKey: [Key: [any Encodable & Sendable]] = [:]
            for (row, value) in zip(rows, embedded) {
                byKey[try row.decode(column: "forge_owner", as: Key.self), default: []].append(value)
            }
            return owners.map { .many(byKey[$0[keyPath: key]] ?? []) }
        }
    }

    private static func belongsTo<Target: IncludableResponse, Key: Hashable & Sendable & Encodable>(
        _ name: String, _ target: Target.Type, key: @escaping @Sendable (Owner) -> Key?,
        column: String, targetKey: KeyPath<Target.Record, Key> & Sendable
    ) -> Include {
        Include(name: name, checkNested: { try Target.includes.check($0, path: $1, depth: $2) }) { owners, children, database in
            let keys = Array(Set(owners.compactMap(key)))
            let rows: [Target.Record] = keys.isEmpty ? [] : try await fetch(Target.Record.self, where: column, in: keys, on: database)
            let embedded = try await Target.includes.embed(rows, as: Target.self, including: children, on: database)
            var byKey: [Key: Embedded<Target>] = [:]
            for (row, value) in zip(rows, embedded) { byKey[row[keyPath: targetKey]] = value }
            return owners.map { owner in .one(key(owner).flatMap { byKey[$0] }) }
        }
    }

    private static func hasMany<Target: IncludableResponse, Key: Hashable & Sendable & Encodable>(
        _ name: String, _ target: Target.Type, by column: String, childKey: @escaping @Sendable (Target.Record) -> Key?,
        key: KeyPath<Owner, Key> & Sendable
    ) -> Include {
        Include(name: name, checkNested: { try Target.includes.check($0, path: $1, depth: $2) }) { owners, children, database in
            let keys = Array(Set(owners.map { $0[keyPath: key] }))
            let rows = try await fetchChildren(Target.Record.self, where: column, in: keys, on: database)
            let embedded = try await Target.includes.embed(rows, as: Target.self, including: children, on: database)
            var byKey: [Key: [any Encodable & Sendable]] = [:]
            for (row, value) in zip(rows, embedded) {
                if let parent = childKey(row) { byKey[parent, default: []].append(value) }
            }
            return owners.map { .many(byKey[$0[keyPath: key]] ?? []) }
        }
    }

    static func fetch<Row: Model>(_ type: Row.Type, where column: String, in keys: [some Encodable & Sendable], on database: any SQLDatabase) async throws -> [Row] {
        let query = database.select().column("*").from(Row.table)
            .where(SQLIdentifier(column), .in, SQLBind.group(keys.map { $0 as any Encodable & Sendable }))
        if Row.softDeletes { query.where("deleted_at", .is, SQLLiteral.null) }
        return try await query.orderBy("id").all(decoding: Row.self, keyDecodingStrategy: .columns)
    }

    /// The first ``IncludeRequest/hasManyLimit`` rows per key, in one query (a window function,
    /// which SQLite 3.25+ and PostgreSQL both have).
    static func fetchChildren<Row: Model>(_ type: Row.Type, where column: String, in keys: [some Encodable & Sendable], on database: any SQLDatabase) async throws -> [Row] {
        guard !keys.isEmpty else { return [] }
        let live: SQLQueryString = Row.softDeletes ? " AND \(ident: "deleted_at") IS NULL" : ""
        let binds: [any Encodable & Sendable] = keys
        let sql: SQLQueryString = """
            SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY \(ident: column) ORDER BY \(ident: "id")) AS \(ident: "forge_rank") \
            FROM \(ident: Row.table) WHERE \(ident: column) IN (\(binds: binds))\(live)) AS \(ident: "ranked") \
            WHERE \(ident: "forge_rank") <= \(literal: IncludeRequest.hasManyLimit) ORDER BY \(ident: "id")
            """
        return try await database.raw(sql).all(decoding: Row.self, keyDecodingStrategy: .columns)
    }
}

/// One name of `?include=`, with the names nested below it (`comments.author`).
public struct IncludeRequest: Sendable, Equatable {
    public var name: String
    public var children: [IncludeRequest]

    /// How deep `?include=` may nest: `comments.author` (2), not `comments.author.posts`.
    public static let maximumDepth = 2
    /// At most this many rows of a has-many relation are embedded per record, oldest first;
    /// the relation's own route pages through the rest.
    public static let hasManyLimit = 100

    public init(name: String, children: [IncludeRequest] = []) {
        self.name = name
        self.children = children
    }

    /// `include=author,comments.author,tags` as a tree, checked against what `Response`
    /// declares: an unknown name, or one nested too deep, is a 400 naming it.
    public static func parse<Response: IncludableResponse>(_ text: String?, for response: Response.Type) throws -> [IncludeRequest] {
        guard let text, !text.isEmpty else { return [] }
        var roots: [IncludeRequest] = []
        for path in text.split(separator: ",", omittingEmptySubsequences: false) {
            let names = path.split(separator: ".", omittingEmptySubsequences: false).map { String($0.trimmingCharacters(in: .whitespaces)) }
            guard names.allSatisfy({ !$0.isEmpty }) else {
                throw AppError(status: .badRequest, code: .badRequest, message: "include '\(path)' has an empty name; write names separated by commas, nested with dots")
            }
            insert(names[...], into: &roots)
        }
        try Response.includes.check(roots)
        return roots
    }

    /// The `include` query parameter of `request`, parsed for `Response`.
    public static func parse<Response: IncludableResponse>(_ request: Request, for response: Response.Type) throws -> [IncludeRequest] {
        try parse(request.uri.queryParameters.get("include"), for: response)
    }

    private static func insert(_ names: ArraySlice<String>, into nodes: inout [IncludeRequest]) {
        guard let first = names.first else { return }
        if let index = nodes.firstIndex(where: { $0.name == first }) {
            insert(names.dropFirst(), into: &nodes[index].children)
        } else {
            var node = IncludeRequest(name: first)
            insert(names.dropFirst(), into: &node.children)
            nodes.append(node)
        }
    }
}

/// What one relation embeds in one record: a record (or `null`), or a list.
public enum IncludedValue: Sendable {
    case one((any Encodable & Sendable)?)
    case many([any Encodable & Sendable])
}

/// A response with its included relations as extra keys beside its own.
public struct Embedded<Response: Encodable & Sendable>: Encodable, Sendable {
    public var response: Response
    var included: [(String, IncludedValue)]

    public init(_ response: Response, included: [(String, IncludedValue)] = []) {
        self.response = response
        self.included = included
    }

    public func encode(to encoder: any Encoder) throws {
        try response.encode(to: encoder)
        guard !included.isEmpty else { return }
        var container = encoder.container(keyedBy: IncludedKey.self)
        for (name, value) in included {
            switch value {
            case .one(let record?): try container.encode(AnyEncodable(record), forKey: IncludedKey(name))
            case .one(nil): try container.encodeNil(forKey: IncludedKey(name))
            case .many(let records): try container.encode(records.map(AnyEncodable.init), forKey: IncludedKey(name))
            }
        }
    }
}

private struct IncludedKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

private struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable & Sendable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

extension IncludableResponse {
    /// `records` as this response, with what `requests` asks for embedded in each.
    public static func embedding(_ records: [Record], _ requests: [IncludeRequest], on database: Database) async throws -> [Embedded<Self>] {
        try await includes.embed(records, as: Self.self, including: requests, on: database.sql)
    }

    /// `page` as this response, with what `requests` asks for embedded in each item.
    public static func embedding(_ page: Page<Record>, _ requests: [IncludeRequest], on database: Database) async throws -> Page<Embedded<Self>> {
        Page(items: try await embedding(page.items, requests, on: database), request: page.request, total: page.total)
    }
}
