import Foundation

/// A text format a field type requires, checked the same way in two places: by the runtime on
/// every request value, and by forge on a `default:` literal at generation time, so forge never
/// writes a default the API would refuse.
public enum TextFormat: String, Sendable, CaseIterable {
    case email, url, slug, hexColor, phone, ipAddress, uuid, date, time, filePath, imagePath

    /// `nil` when `text` has the format, else the message the API answers with.
    public func problem(_ text: String) -> String? {
        switch self {
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return "must be an email address" }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy({ !$0.isEmpty }) ? nil : "must be an email address"
        case .url:
            let lower = text.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), !text.contains(where: \.isWhitespace) else {
                return "must be an http or https URL"
            }
            let rest = lower.drop(while: { $0 != "/" }).dropFirst(2)
            let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
            return host.isEmpty ? "must be an http or https URL" : nil
        case .slug:
            let words = text.split(separator: "-", omittingEmptySubsequences: false)
            let valid = words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
            return valid ? nil : "must be a slug: lowercase letters and digits joined by hyphens"
        case .hexColor:
            return text.count == 7 && text.first == "#" && text.dropFirst().allSatisfy(\.isHexDigit) ? nil : "must be a colour like #1a2b3c"
        case .phone:
            let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
            let digits = body.filter(\.isNumber).count
            let allowed = body.allSatisfy { ($0.isASCII && $0.isNumber) || " .-()".contains($0) }
            return allowed && (7...15).contains(digits) && body.first.map({ $0.isNumber || $0 == "(" }) == true
                ? nil : "must be a phone number of 7 to 15 digits"
        case .ipAddress:
            return IPAddress.isIPv4(text) || IPAddress.isIPv6(text) ? nil : "must be an IPv4 or IPv6 address"
        case .uuid:
            return UUID(uuidString: text) == nil ? "must be a UUID" : nil
        case .date:
            return CalendarText.date(text) == nil ? "must be a date like 2026-01-31" : nil
        case .time:
            return CalendarText.time(text) == nil ? "must be a time like 09:30 or 09:30:15" : nil
        case .filePath:
            return !text.allSatisfy(\.isWhitespace) && !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                ? nil : "must be a file path or URL"
        case .imagePath:
            if TextFormat.filePath.problem(text) != nil { return "must be an image path or URL" }
            let path = text.prefix { $0 != "?" && $0 != "#" }.lowercased()
            return Self.imageExtensions.contains(where: path.hasSuffix)
                ? nil : "must be an image path or URL ending in \(Self.imageExtensions.joined(separator: ", "))"
        }
    }

    /// The endings an `image` path may have.
    public static let imageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]
}
