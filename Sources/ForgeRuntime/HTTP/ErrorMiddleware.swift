import Hummingbird

/// Translates every error once, at the boundary, into the app's error envelope.
///
/// Known errors keep their status; the database backend names its constraint failures (unique
/// → 409 naming the field, foreign key → 409); anything else is logged with the request id and
/// answered with an opaque 500 (no SQL, no stack trace).
public struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let databaseErrors: @Sendable (any Error) -> AppError?

    /// `databaseErrors` is the backend's ``DatabaseBackend/translate(_:)``.
    public init(databaseErrors: @escaping @Sendable (any Error) -> AppError? = { _ in nil }) {
        self.databaseErrors = databaseErrors
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try translate(error, context: context).response(from: request, context: context)
        }
    }

    /// The `AppError` an arbitrary error is answered with.
    func translate(_ error: any Error, context: Context) -> AppError {
        switch error {
        case let error as AppError:
            return error
        case let error as any AppErrorConvertible:
            return error.appError
        case let error as HTTPError:
            return AppError(status: error.status, code: Self.code(for: error.status), message: error.body ?? error.status.reasonPhrase)
        default:
            if let known = databaseErrors(error) { return known }
            context.logger.error("unhandled error", metadata: ["error": "\(String(reflecting: error))"])
            return Self.internalError
        }
    }

    private static var internalError: AppError {
        AppError(status: .internalServerError, code: .internalError, message: "something went wrong; quote the request id when reporting it")
    }

    private static func code(for status: HTTPResponse.Status) -> AppError.Code {
        switch status.code {
        case 400: .badRequest
        case 401: .unauthorized
        case 403: .forbidden
        case 404: .notFound
        case 409: .conflict
        case 413: .payloadTooLarge
        case 429: .rateLimited
        case 422: .validationFailed
        case 500...: .internalError
        default: .httpError
        }
    }
}
