import Foundation
import ForgeShared
import Hummingbird

/// Decodes JSON request bodies, reading ISO 8601 dates, and turns a value of the wrong type or
/// format into a 422 naming the field, the same shape every other rule's failure has.
public struct AppRequestDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        do {
            return try await Self.decoder(for: type).decode(type, from: request, context: context)
        } catch let error as DecodingError {
            throw Self.translate(error, snakeCase: type is any SnakeCaseKeys.Type)
        }
    }

    /// Decodes a body the way a request's is decoded (a test checking what a factory makes, say).
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try Self.decoder(for: type).decode(type, from: data)
        } catch let error as DecodingError {
            throw Self.translate(error, snakeCase: type is any SnakeCaseKeys.Type)
        }
    }

    private static func decoder(for type: Any.Type) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom(decodeDate)
        if type is any SnakeCaseKeys.Type {
            decoder.keyDecodingStrategy = .custom(propertyKey)
        }
        return decoder
    }

    /// The property a top-level snake_case key fills (`support_email` → `supportEmail`). A key
    /// with a capital letter fills none (as with `CodingKeys`, `supportEmail` is not a key of the
    /// body); keys below the top level (inside a `json` field's object) stay as they are.
    @Sendable static func propertyKey(_ path: [any CodingKey]) -> any CodingKey {
        let key = path[path.count - 1]
        guard path.count == 1 else { return key }
        if key.stringValue.contains(where: \.isUppercase) { return PropertyKey("") }
        let words = key.stringValue.split(separator: "_", omittingEmptySubsequences: false)
        guard words.count > 1, words.allSatisfy({ !$0.isEmpty }) else { return key }
        return PropertyKey(words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined())
    }

    /// The key `propertyKey` turns into `property`, to name it back to the client.
    static func column(of property: String) -> String {
        property.reduce(into: "") { text, character in
            if character.isUppercase { text += "_" + character.lowercased() } else { text.append(character) }
        }
    }

    private struct PropertyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ stringValue: String) { self.stringValue = stringValue }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// An ISO 8601 date-time, with or without fractional seconds; a bad one names its field.
    @Sendable static func decodeDate(_ decoder: any Decoder) throws -> Date {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let seconds = CalendarText.dateTime(text) { return Date(timeIntervalSince1970: seconds) }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be an ISO 8601 date-time like 2026-01-31T09:30:00Z"))
    }

    /// The 422 (or, for a body that is not JSON at all, the 400) a decoding error is answered with.
    static func translate(_ error: DecodingError, snakeCase: Bool = false) -> AppError {
        let (path, message): ([any CodingKey], String) = switch error {
        case .typeMismatch(let type, let context): (context.codingPath, "must be \(describe(type))")
        case .valueNotFound(let type, let context): (context.codingPath, "must be \(describe(type)), not null")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "is required")
        case .dataCorrupted(let context): (context.codingPath, message(for: context.debugDescription))
        @unknown default: ([], "")
        }
        let keys = path.filter { $0.intValue == nil }.map(\.stringValue)
        let field = keys.enumerated().map { index, key in snakeCase && index == 0 ? column(of: key) : key }.joined(separator: ".")
        guard !field.isEmpty else {
            return AppError.badRequest("the request body is not a JSON object of the expected shape")
        }
        return AppError.validation([ValidationFieldError(field: field, messages: [message])])
    }

    /// Forge's own value types (and `decodeDate`) already say "must be …"; UUID is the one
    /// Foundation type whose message needs rewording.
    private static func message(for description: String) -> String {
        if description.hasPrefix("must ") { return description }
        if description.contains("UUID") { return "must be a UUID" }
        if description.contains("fit") || description.contains("range") { return "is out of range" }
        return "is not a valid value"
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Int32.Type: "a whole number"
        case is Double.Type, is Float.Type, is Decimal.Type: "a number"
        case is Bool.Type: "true or false"
        case is [String: JSONValue].Type: "a JSON object"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "a \(type)"
        }
    }
}
