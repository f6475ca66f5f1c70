import Foundation
import Hummingbird
import SQLKit

/// How a request names one row: by integer primary key, or by public UUID for models that
/// keep their integer key internal (the dual-ID pattern, `forge new --ids dual`).
///
/// It encodes as the value itself, so a key taken from a path binds straight into SQL (a pivot
/// row of `/api/posts/{id}/tags/{tag_id}`).
public enum RecordKey: Sendable, Hashable, Encodable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    case id(Int)
    case publicID(UUID)

    public init(integerLiteral value: Int) {
        self = .id(value)
    }

    public var description: String {
        switch self {
        case .id(let id): String(id)
        case .publicID(let id): id.uuidString.lowercased()
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .id(let id): try container.encode(id)
        case .publicID(let id): try container.encode(id)
        }
    }

    /// The column and value a `WHERE` clause matches.
    var column: String {
        switch self {
        case .id: "id"
        case .publicID: "public_id"
        }
    }

    var bind: SQLBind {
        switch self {
        case .id(let id): SQLBind(id)
        case .publicID(let id): SQLBind(id)
        }
    }
}

extension RequestContext {
    /// The path parameter `name` as the key `M` is addressed by; 404 when it cannot name a row.
    public func key<M: Model>(for model: M.Type, _ name: String = "id") throws(AppError) -> RecordKey {
        let text = parameters.get(name) ?? ""
        if M.publicIDs {
            guard let id = UUID(uuidString: text) else { throw AppError.notFound("no record with id '\(text)'") }
            return .publicID(id)
        }
        guard let id = Int(text) else { throw AppError.notFound("no record with id '\(text)'") }
        return .id(id)
    }
}
