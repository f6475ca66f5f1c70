import Hummingbird
import SQLiteNIO

/// Translates every error once, at the boundary, into the app's error envelope.
///
/// Known errors keep their status; unique-constraint violations become 409; anything else is
/// logged with the request id and answered with an opaque 500 (no SQL, no stack trace).
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try Self.translate(error, context: context).response(from: request, context: context)
        }
    }

    /// The `AppError` an arbitrary error is answered with.
    static func translate(_ error: any Error, context: Context) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as HTTPError:
            return AppError(status: error.status, code: code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        case let error as SQLiteError:
            if let field = uniqueViolationField(error) {
                return .conflict(field: field)
            }
            if error.message.contains("FOREIGN KEY constraint failed") {
                return AppError(status: .conflict, code: .conflict, message: "other rows still refer to this one, or it refers to a row that does not exist")
            }
            context.logger.error("database error", metadata: ["error": "\(error)"])
            return internalError
        default:
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return internalError
        }
    }

    private static var internalError: AppError {
        AppError(status: .internalServerError, code: .internalError, message: "something went wrong; quote the request id when reporting it")
    }

    private static func code(for status: HTTPResponse.Status) -> AppError.Code {
        switch status.code {
        case 400: .badRequest
        case 404: .notFound
        case 409: .conflict
        case 413: .payloadTooLarge
        case 429: .rateLimited
        case 422: .validationFailed
        case 500...: .internalError
        default: .httpError
        }
    }

    /// The column named by SQLite's `UNIQUE constraint failed: table.column` message.
    static func uniqueViolationField(_ error: SQLiteError) -> String? {
        let marker = "UNIQUE constraint failed: "
        guard let range = error.message.range(of: marker) else { return nil }
        let columns = error.message[range.upperBound...].split(separator: ",")
        guard let first = columns.first else { return "value" }
        return first.split(separator: ".").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "value"
    }
}
