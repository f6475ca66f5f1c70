import Foundation

/// A text format a field type requires, checked the same way in two places: by the runtime on
/// every request value, and by forge on a `default:` literal at generation time, so forge never
/// writes a default the API would refuse.
///
/// Every check reads Unicode scalars, not characters, and each has a ``pattern`` that accepts
/// exactly the same strings: the OpenAPI document promises that pattern, and a client (or a
/// fuzzer) that follows it is never surprised by the server.
public enum TextFormat: String, Sendable, CaseIterable {
    case email, url, slug, hexColor, phone, ipAddress, uuid, date, time, filePath, imagePath

    /// `nil` when `text` has the format, else the message the API answers with.
    public func problem(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        switch self {
        case .email:
            let parts = scalars.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !scalars.contains(where: Self.isWhitespace) else { return "must be an email address" }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            return labels.count >= 2 && labels.allSatisfy({ !$0.isEmpty }) ? nil : "must be an email address"
        case .url:
            let lower = String(String.UnicodeScalarView(scalars.prefix(8).map { Self.asciiLowercase($0) }))
            let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
            guard scheme > 0, !scalars.contains(where: Self.isWhitespace),
                  let first = scalars.dropFirst(scheme).first, !"/?#".unicodeScalars.contains(first)
            else { return "must be an http or https URL" }
            return nil
        case .slug:
            let words = scalars.split(separator: "-", omittingEmptySubsequences: false)
            let valid = words.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }
            return valid ? nil : "must be a slug: lowercase letters and digits joined by hyphens"
        case .hexColor:
            return scalars.count == 7 && scalars.first == "#" && scalars.dropFirst().allSatisfy(Self.isHexDigit) ? nil : "must be a colour like #1a2b3c"
        case .phone:
            let body = scalars.first == "+" ? scalars.dropFirst() : scalars[...]
            let digits = body.filter(Self.isDigit).count
            let allowed = body.allSatisfy { Self.isDigit($0) || " .-()".unicodeScalars.contains($0) }
            return allowed && (7...15).contains(digits) && body.first.map({ Self.isDigit($0) || $0 == "(" }) == true
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
            return !scalars.allSatisfy(Self.isWhitespace) && !scalars.contains(where: { $0.properties.generalCategory == .control })
                ? nil : "must be a file path or URL"
        case .imagePath:
            if TextFormat.filePath.problem(text) != nil { return "must be an image path or URL" }
            let path = String(String.UnicodeScalarView(scalars.prefix { $0 != "?" && $0 != "#" }.map(Self.asciiLowercase)))
            return Self.imageExtensions.contains(where: path.hasSuffix)
                ? nil : "must be an image path or URL ending in \(Self.imageExtensions.joined(separator: ", "))"
        }
    }

    /// The ECMA-262 regular expression (as JSON Schema's `pattern`) that matches exactly the
    /// strings ``problem(_:)`` accepts; for `date`, the shape (the calendar check is `format: date`).
    public var pattern: String {
        let space = Self.whitespaceClass
        switch self {
        case .email:
            return "^[^@\(space)]+@[^@.\(space)]+(?:\\.[^@.\(space)]+)+$"
        case .url:
            return "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#\(space)][^\(space)]*$"
        case .slug:
            return "^[a-z0-9]+(?:-[a-z0-9]+)*$"
        case .hexColor:
            return "^#[0-9A-Fa-f]{6}$"
        case .phone:
            return "^\\+?(?:[0-9](?:[ .()-]*[0-9]){6,14}|\\((?:[ .()-]*[0-9]){7,15})[ .()-]*$"
        case .ipAddress:
            return "^(?:\(IPAddress.ipv4Pattern)|\(IPAddress.ipv6Pattern))$"
        case .uuid:
            return "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
        case .date:
            return "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"
        case .time:
            return "^(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?$"
        case .filePath:
            return "^[^\(Self.controlClass)]*[^\(Self.controlClass)\(space)][^\(Self.controlClass)]*$"
        case .imagePath:
            let endings = Self.imageExtensions.map { ending in
                ending.dropFirst().map { "[\($0.uppercased())\($0)]" }.joined()
            }.joined(separator: "|")
            return "^[^?#\(Self.controlClass)]*\\.(?:\(endings))(?:[?#][^\(Self.controlClass)]*)?$"
        }
    }

    /// Matches text that is not blank: at least one scalar outside Unicode's White_Space set
    /// (what `required` asks of text; the runtime's blank check reads the same set).
    public static var notBlankPattern: String { "[^\(whitespaceClass)]" }

    /// The endings an `image` path may have.
    public static let imageExtensions = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]

    /// Unicode's White_Space property, the blank of `required` and of every format here.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// The White_Space set as the inside of a regular expression's character class.
    static let whitespaceClass = "\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"

    /// Unicode's control characters (general category Cc), which no file path may hold.
    static let controlClass = "\\u0000-\\u001f\\u007f-\\u009f"

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
}

extension String {
    /// Whether the text is empty or only Unicode White_Space: what `required` refuses.
    public var isBlank: Bool { unicodeScalars.allSatisfy(TextFormat.isWhitespace) }

    /// The length JSON Schema's `maxLength` and PostgreSQL's `VARCHAR(n)` measure: Unicode scalars.
    public var scalarCount: Int { unicodeScalars.count }
}
