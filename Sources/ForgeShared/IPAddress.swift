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
