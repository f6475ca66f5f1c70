/// The Swift enum generated for an `enum` field: its raw values are what the API and the
/// column hold, and an unknown value is answered with the list of valid ones.
///
/// ```swift
/// enum Status: String, FieldEnum { case draft, published }
/// ```
public protocol FieldEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension FieldEnum {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) else {
            let valid = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "must be one of \(valid)"))
        }
        self = value
    }
}
