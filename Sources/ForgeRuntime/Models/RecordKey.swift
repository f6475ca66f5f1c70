import Foundation
import Hummingbird
import SQLKit

/// How a request names one row: by integer primary key, or by public UUID for models that
/// keep their integer key internal (the dual-ID pattern, `forge new --ids dual`).
public enum RecordKey: Sendable, Equatable, CustomStringConvertible, ExpressibleByIntegerLiteral {
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
