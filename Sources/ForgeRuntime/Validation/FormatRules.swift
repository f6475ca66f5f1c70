import Foundation

extension FieldRule where Value: Comparable & Sendable & CustomStringConvertible {
    /// Greater than `bound` (`gt:N`).
    public static func greaterThan(_ bound: Value) -> FieldRule {
        FieldRule { $0 > bound ? nil : "must be greater than \(describe(bound))" }
    }

    /// Less than `bound` (`lt:N`).
    public static func lessThan(_ bound: Value) -> FieldRule {
        FieldRule { $0 < bound ? nil : "must be less than \(describe(bound))" }
    }
}

extension FieldRule where Value == Int {
    /// Fits an `integer` column on every database (32 bits).
    public static var int32: FieldRule {
        FieldRule { Int(exactly: Int32(clamping: $0)) == $0 ? nil : "must be between \(Int32.min) and \(Int32.max)" }
    }
}

extension FieldRule where Value == ExactDecimal {
    /// An amount of money: at most 4 decimal places and 15 whole digits (`NUMERIC(19,4)`).
    public static var money: FieldRule {
        FieldRule { value in
            if value.scale > 4 { return "must have at most 4 decimal places" }
            return abs(value.value) >= 1_000_000_000_000_000 ? "must be less than 10^15 in size" : nil
        }
    }

    /// A percentage: 0 to 100, at most 4 decimal places.
    public static var percent: FieldRule {
        FieldRule { value in
            if value.value < 0 || value.value > 100 { return "must be between 0 and 100" }
            return value.scale > 4 ? "must have at most 4 decimal places" : nil
        }
    }
}

extension FieldRule where Value == String {
    /// Lowercase letters and digits in words joined by single hyphens: `my-first-post`.
    public static var slug: FieldRule {
        FieldRule { value in
            let words = value.split(separator: "-", omittingEmptySubsequences: false)
            let valid = words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
            return valid ? nil : "must be a slug: lowercase letters and digits joined by hyphens"
        }
    }

    /// A `#rrggbb` colour.
    public static var hexColor: FieldRule {
        FieldRule { value in
            value.count == 7 && value.first == "#" && value.dropFirst().allSatisfy(\.isHexDigit) ? nil : "must be a colour like #1a2b3c"
        }
    }

    /// A phone number: 7 to 15 digits (E.164), an optional leading `+`, and spaces, dots,
    /// hyphens or parentheses between digits.
    public static var phone: FieldRule {
        FieldRule { value in
            let body = value.hasPrefix("+") ? value.dropFirst() : Substring(value)
            let digits = body.filter(\.isNumber).count
            let allowed = body.allSatisfy { ($0.isASCII && $0.isNumber) || " .-()".contains($0) }
            return allowed && (7...15).contains(digits) && body.first.map({ $0.isNumber || $0 == "(" }) == true
                ? nil : "must be a phone number of 7 to 15 digits"
        }
    }

    /// An IPv4 address in dotted-decimal form, or an IPv6 address.
    public static var ipAddress: FieldRule {
        FieldRule { IPAddress.isIPv4($0) || IPAddress.isIPv6($0) ? nil : "must be an IPv4 or IPv6 address" }
    }

    /// A file path or URL: no control characters, no blank.
    public static var filePath: FieldRule {
        FieldRule { value in
            !value.allSatisfy(\.isWhitespace) && !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                ? nil : "must be a file path or URL"
        }
    }

    /// A file path or URL ending in an image extension.
    public static var imagePath: FieldRule {
        FieldRule { value in
            if FieldRule.filePath.test(value) != nil { return "must be an image path or URL" }
            let path = value.prefix { $0 != "?" && $0 != "#" }.lowercased()
            let known = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"]
            return known.contains(where: path.hasSuffix) ? nil : "must be an image path or URL ending in \(known.joined(separator: ", "))"
        }
    }
}

/// Textual IP address checks, without the C library.
enum IPAddress {
    static func isIPv4(_ text: some StringProtocol) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy { $0.isASCII && $0.isNumber }
                && (octet.count == 1 || octet.first != "0") && Int(octet)! <= 255
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            part.isEmpty ? [] : part.split(separator: ":", omittingEmptySubsequences: false)
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return false }
        var all = head + tail
        var count = 0
        if let last = all.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            all.removeLast()
            count = 2
        }
        guard all.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }) else { return false }
        count += all.count
        return halves.count == 2 ? count < 8 : count == 8
    }
}
