/// Pretty JSON, written as UTF-8 bytes: the document of an app of 100 resources is megabytes,
/// written after every `make:*`, so this is the one hot loop of the OpenAPI document.
extension JSONNode {
    /// Two-space indents, `"key": value`, a final newline; a `$ref` (an object of one scalar)
    /// and a short list of scalars (`"required": ["id", "title"]`) on one line.
    public var json: String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        writeJSON(into: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeJSON(into out: inout [UInt8], indent: Int) {
        switch self {
        case .array(let items) where !items.isEmpty:
            if items.count <= 8, items.allSatisfy(\.isScalar) {
                let start = out.count
                out.append(0x5B)
                for (index, item) in items.enumerated() {
                    if index > 0 { out.append(contentsOf: [0x2C, 0x20]) }
                    item.writeScalar(into: &out)
                }
                out.append(0x5D)
                if out.count - start <= 100 { return }
                out.removeSubrange(start...)
            }
            out.append(contentsOf: [0x5B, 0x0A])
            for (index, item) in items.enumerated() {
                Self.indent(indent + 2, into: &out)
                item.writeJSON(into: &out, indent: indent + 2)
                if index < items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            Self.indent(indent, into: &out)
            out.append(0x5D)
        case .object(let pairs) where !pairs.isEmpty:
            if pairs.count == 1, pairs[0].value.isScalar {
                out.append(0x7B)
                Self.quote(pairs[0].key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                pairs[0].value.writeScalar(into: &out)
                out.append(0x7D)
                return
            }
            out.append(contentsOf: [0x7B, 0x0A])
            for (index, pair) in pairs.enumerated() {
                Self.indent(indent + 2, into: &out)
                Self.quote(pair.key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                pair.value.writeJSON(into: &out, indent: indent + 2)
                if index < pairs.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            Self.indent(indent, into: &out)
            out.append(0x7D)
        default:
            writeScalar(into: &out)
        }
    }

    private func writeScalar(into out: inout [UInt8]) {
        if case .string(let text) = self {
            Self.quote(text, into: &out)
        } else {
            out.append(contentsOf: scalarText.utf8)
        }
    }

    private static func indent(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: count))
    }

    /// The same escapes as ``quote(_:into:)`` on `String`: quotes, backslashes, control
    /// characters, and U+0085, U+2028, U+2029 (line breaks to some readers).
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        var utf8 = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let byte = pending.isEmpty ? utf8.next() : pending.removeFirst() {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x00..<0x20, 0x7F: escape(UInt32(byte), into: &out)
            case 0xC2:
                guard let next = utf8.next() else { out.append(byte); continue }
                if next == 0x85 { escape(0x85, into: &out) } else { out.append(byte); pending.append(next) }
            case 0xE2:
                guard let second = utf8.next() else { out.append(byte); continue }
                guard second == 0x80, let third = utf8.next() else { out.append(byte); pending.append(second); continue }
                if third == 0xA8 || third == 0xA9 {
                    escape(third == 0xA8 ? 0x2028 : 0x2029, into: &out)
                } else {
                    out.append(contentsOf: [byte, second])
                    pending.append(third)
                }
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    private static func escape(_ value: UInt32, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(contentsOf: [0x5C, 0x75, hex[Int(value >> 12 & 0xF)], hex[Int(value >> 8 & 0xF)], hex[Int(value >> 4 & 0xF)], hex[Int(value & 0xF)]])
    }
}
