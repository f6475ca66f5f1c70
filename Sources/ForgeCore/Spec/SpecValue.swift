import Foundation

/// Checks literal values written in specs (`default:VALUE`) against their field's type.
///
/// These mirror ForgeRuntime's validators closely enough to catch a default the app would
/// refuse; the runtime stays the authority for request values.
enum SpecValue {
    /// The number `text` stands for, when it is a valid literal of numeric `type`.
    static func number(_ text: String, of type: FieldType) -> Double? {
        switch type {
        case .integer, .bigint:
            return Int64(text).map(Double.init)
        case .float:
            return Double(text).flatMap { $0.isFinite ? $0 : nil }
        case .decimal, .money, .percent:
            let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
            if type != .decimal, parts.count == 2, parts[1].count > 4 { return nil }
            return Double(text)
        default:
            return nil
        }
    }

    /// Why `text` is not a valid value of `type`'s format, or `nil` when it is.
    static func formatProblem(_ text: String, of type: FieldType) -> String? {
        switch type {
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") ? nil : "is not an email address"
        case .url:
            return text.hasPrefix("http://") || text.hasPrefix("https://") ? nil : "is not an http or https URL"
        case .slug:
            let words = text.split(separator: "-", omittingEmptySubsequences: false)
            return words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }) ? nil : "is not a slug"
        case .color:
            return text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit) ? nil : "is not a #rrggbb colour"
        case .uuid:
            return UUID(uuidString: text) == nil ? "is not a UUID" : nil
        case .date:
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            let valid = parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
                && (1...12).contains(Int(parts[1]) ?? 0) && (1...31).contains(Int(parts[2]) ?? 0)
            return valid ? nil : "is not a date like 2026-01-31"
        case .time:
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            let numbers = parts.compactMap { $0.count == 2 ? Int($0) : nil }
            let valid = (2...3).contains(parts.count) && numbers.count == parts.count
                && numbers[0] < 24 && numbers[1] < 60 && (numbers.count < 3 || numbers[2] < 60)
            return valid ? nil : "is not a time like 09:30"
        case .phone:
            let digits = text.filter(\.isNumber).count
            return (7...15).contains(digits) ? nil : "is not a phone number"
        case .ip:
            return text.contains(".") || text.contains(":") ? nil : "is not an IP address"
        default:
            return nil
        }
    }
}
