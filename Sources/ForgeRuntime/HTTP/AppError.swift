import Hummingbird

/// An error that knows its HTTP status and renders the app's error envelope.
///
/// ```swift
/// throw AppError.notFound("post 42 does not exist")
/// ```
public struct AppError: Error, HTTPResponseError, Sendable, Equatable {
    /// A stable machine-readable code: one of the runtime's, or an app's own
    /// (`AppError.Code("payment_required")` in an exception made by `forge make:exception`).
    public struct Code: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(_ rawValue: String) { self.rawValue = rawValue }

        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }

        public var description: String { rawValue }

        public static let badRequest = Code("bad_request")
        public static let validationFailed = Code("validation_failed")
        public static let notFound = Code("not_found")
        public static let conflict = Code("conflict")
        public static let unauthorized = Code("unauthorized")
        public static let forbidden = Code("forbidden")
        public static let payloadTooLarge = Code("payload_too_large")
        public static let methodNotAllowed = Code("method_not_allowed")
        public static let rateLimited = Code("rate_limited")
        public static let internalError = Code("internal_error")
        public static let httpError = Code("http_error")
    }

    public var status: HTTPResponse.Status
    public var code: Code
    public var message: String
    public var fields: [ValidationFieldError]

    public init(status: HTTPResponse.Status, code: Code, message: String, fields: [ValidationFieldError] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.fields = fields
    }

    /// 404 with `message`.
    public static func notFound(_ message: String) -> AppError {
        AppError(status: .notFound, code: .notFound, message: message)
    }

    /// 409 naming the field whose value is taken.
    public static func conflict(field: String, message: String? = nil) -> AppError {
        AppError(
            status: .conflict,
            code: .conflict,
            message: message ?? "\(field) is already taken",
            fields: [ValidationFieldError(field: field, messages: ["has already been taken"])]
        )
    }

    /// 400 with `message`.
    /// A write that would break a foreign key: the row is still referred to, or refers to none.
    public static var foreignKeyConflict: AppError {
        AppError(status: .conflict, code: .conflict, message: "other rows still refer to this one, or it refers to a row that does not exist")
    }

    public static func badRequest(_ message: String) -> AppError {
        AppError(status: .badRequest, code: .badRequest, message: message)
    }

    /// 422 naming every failing field.
    public static func validation(_ fields: [ValidationFieldError]) -> AppError {
        let names = fields.map(\.field).joined(separator: ", ")
        return AppError(status: .unprocessableContent, code: .validationFailed, message: "invalid fields: \(names)", fields: fields)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try ErrorEnvelope(self, requestID: context.id).response(from: request, context: context)
    }
}

/// The one error shape of the API: `{"error": {"code", "message", "fields", "request_id"}}`.
public struct ErrorEnvelope: ResponseEncodable, Sendable {
    /// The body inside `error`.
    public struct Body: Codable, Sendable {
        public var code: AppError.Code
        public var message: String
        /// Messages per field; empty unless the request had bad fields.
        public var fields: [String: [String]]
        public var requestID: String

        enum CodingKeys: String, CodingKey {
            case code, message, fields
            case requestID = "request_id"
        }
    }

    public var error: Body
    let status: HTTPResponse.Status

    public init(_ error: AppError, requestID: String) {
        self.status = error.status
        self.error = Body(
            code: error.code,
            message: error.message,
            fields: Dictionary(error.fields.map { ($0.field, $0.messages) }, uniquingKeysWith: +),
            requestID: requestID
        )
    }

    enum CodingKeys: String, CodingKey { case error }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try context.responseEncoder.encode(self, from: request, context: context)
        response.status = status
        return response
    }
}

/// An app's own error that answers with the app's error envelope: `ErrorMiddleware` renders
/// ``appError`` instead of an opaque 500. `forge make:exception NAME -s STATUS` writes one.
///
/// ```swift
/// struct PaymentRequiredError: AppErrorConvertible {
///     var message = "payment required"
///     var appError: AppError { AppError(status: .init(code: 402), code: AppError.Code("payment_required"), message: message) }
/// }
/// ```
public protocol AppErrorConvertible: Error, Sendable {
    /// The status, code and message the client sees.
    var appError: AppError { get }
}
