/// Textual IP address checks, without the C library.
public enum IPAddress {
    /// Four decimal octets of 0 to 255, no leading zeros: `192.168.0.1`.
    public static func isIPv4(_ text: some StringProtocol) -> Bool {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.allSatisfy { octet in
            (1...3).contains(octet.count) && octet.allSatisfy { $0.isASCII && $0.isNumber }
                && (octet.count == 1 || octet.first != "0") && Int(octet)! <= 255
        }
    }

    /// Eight groups of up to four hex digits, one `::` for a run of zero groups, and an IPv4
    /// address in the last 32 bits allowed: `2001:db8::1`, `::ffff:192.0.2.1`.
    public static func isIPv6(_ text: String) -> Bool {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: String) -> [Substring]? {
            part.isEmpty ? [] : part.split(separator: ":", omittingEmptySubsequences: false)
        }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return false }
        var all = head + tail
        var count = 0
        // An embedded IPv4 address can only end the address: never before a closing `::`.
        if let last = all.last, last.contains(".") {
            guard halves.count == 1 || !tail.isEmpty, isIPv4(last) else { return false }
            all.removeLast()
            count = 2
        }
        let isHex: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
        guard all.allSatisfy({ (1...4).contains($0.unicodeScalars.count) && $0.unicodeScalars.allSatisfy(isHex) }) else { return false }
        count += all.count
        return halves.count == 2 ? count < 8 : count == 8
    }

    /// What ``isIPv4(_:)`` accepts, as a regular expression (no anchors).
    public static let ipv4Pattern = "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"

    /// What ``isIPv6(_:)`` accepts, as a regular expression (no anchors): eight groups, or fewer
    /// around one `::`, the last two groups optionally written as an IPv4 address.
    public static let ipv6Pattern: String = {
        let group = "[0-9A-Fa-f]{1,4}"
        func repeated(_ count: Int) -> String { count == 0 ? "" : "(?:\(group):){\(count)}" }
        var forms = ["\(repeated(7))\(group)", "\(repeated(6))\(ipv4Pattern)"]
        for head in 0...7 {
            let before = head == 0 ? "" : "\(repeated(head - 1))\(group)"
            let room = 7 - head
            forms.append(before + "::" + (room == 0 ? "" : "(?:\(group)(?::\(group)){0,\(room - 1)})?"))
            if head <= 5 {
                forms.append(before + "::" + (5 - head == 0 ? "" : "(?:\(group):){0,\(5 - head)}") + ipv4Pattern)
            }
        }
        return "(?:" + forms.joined(separator: "|") + ")"
    }()
}
