import Foundation
import ForgeRuntime
import PostgresKit

// The runtime's field values bind themselves as text cast to their PostgreSQL type (see
// `DialectCast`). Reading them back, PostgreSQL sends NUMERIC, DATE, TIME and JSONB cells,
// which these conformances turn into the same values SQLite's text gives.

extension ExactDecimal: PostgresDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        self.init(try Decimal(from: &buffer, type: type, format: format, context: context))
    }
}

extension CalendarDate: PostgresDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        let date = try Date(from: &buffer, type: type, format: format, context: context)
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
              let value = CalendarDate(String(format: "%04d-%02d-%02d", year, month, day))
        else { throw PostgresDecodingError.Code.failure }
        self = value
    }
}

extension TimeOfDay: PostgresDecodable {
    /// TIME arrives in binary as microseconds since midnight.
    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        switch (type, format) {
        case (.time, .binary):
            guard let micros = buffer.readInteger(as: Int64.self) else { throw PostgresDecodingError.Code.failure }
            let seconds = Int(micros / 1_000_000)
            guard let value = TimeOfDay(String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)) else {
                throw PostgresDecodingError.Code.failure
            }
            self = value
        default:
            guard let value = TimeOfDay(try String(from: &buffer, type: type, format: format, context: context)) else {
                throw PostgresDecodingError.Code.failure
            }
            self = value
        }
    }
}

extension JSONObject: PostgresDecodable {
    public init<JSONDecoder: PostgresJSONDecoder>(from buffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
                                                  context: PostgresDecodingContext<JSONDecoder>) throws {
        switch type {
        case .jsonb, .json:
            if type == .jsonb, format == .binary {
                guard buffer.readInteger(as: UInt8.self) == 1 else { throw PostgresDecodingError.Code.failure }
            }
            let members = try Foundation.JSONDecoder().decode([String: JSONValue].self, from: Data(buffer.readableBytesView))
            self.init(members)
        default:
            let text = try String(from: &buffer, type: type, format: format, context: context)
            self.init(try Foundation.JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)))
        }
    }
}
