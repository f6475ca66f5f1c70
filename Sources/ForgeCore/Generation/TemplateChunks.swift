/// Cuts a template's text into pieces that parse and render independently, so that parsing
/// stays linear in the template's length.
///
/// swift-mustache 2.1.1's parser measures the distance from its position to the end of the text
/// (an O(n) walk over a `String`) each time it meets a `{`, so one parse costs the number of
/// braces times the length. Cut into pieces, a resource's templates parse in 15 ms instead of
/// 18 (release build; the rest is the parser's cost per character, which only parsing fewer
/// times saves: see ``TemplateLibrary/prepare(_:)``). Rendering the pieces one after the other
/// gives the same text as rendering the whole, provided that each cut
///
/// - falls after a newline that is outside every tag and every section (`{{#…}}`/`{{^…}}`), and
/// - comes before a line whose first character after its indentation is neither `{` nor the
///   line's end, so the line is not a standalone tag, whose whitespace rules would change once
///   it opened a piece.
///
/// A template that changes its delimiters (`{{=…=}}`) is kept whole.
enum TemplateChunks {
    /// The smallest piece worth cutting off; pieces end at the first good cut past it.
    static let pieceLength = 1024

    /// The pieces of `text`, in order; joined, they are `text`.
    static func split(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{"), closing = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        guard bytes.count > pieceLength else { return [text] }
        var pieces: [String] = []
        var pieceStart = 0, depth = 0, index = 0
        while index < bytes.count {
            if bytes[index] == brace, index + 1 < bytes.count, bytes[index + 1] == brace {
                let triple = index + 2 < bytes.count && bytes[index + 2] == brace
                var end = index + (triple ? 3 : 2)
                while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
                let sigil = end < bytes.count ? bytes[end] : 0
                while end + 1 < bytes.count, !(bytes[end] == closing && bytes[end + 1] == closing) { end += 1 }
                if sigil == UInt8(ascii: "=") { return [text] }
                if sigil == UInt8(ascii: "#") || sigil == UInt8(ascii: "^") { depth += 1 }
                if sigil == UInt8(ascii: "/") { depth -= 1 }
                index = end + (triple ? 3 : 2)
                continue
            }
            if bytes[index] == newline, depth == 0, index + 1 - pieceStart >= pieceLength, opensWithText(bytes, at: index + 1) {
                pieces.append(String(decoding: bytes[pieceStart...index], as: UTF8.self))
                pieceStart = index + 1
            }
            index += 1
        }
        if pieceStart < bytes.count { pieces.append(String(decoding: bytes[pieceStart...], as: UTF8.self)) }
        return pieces
    }

    /// Whether the line starting at `start` has text, not a tag or nothing, after its indentation.
    private static func opensWithText(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count else { return false }
        return ![UInt8(ascii: "{"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[index])
    }
}
