import Foundation

/// What forge generated: the SHA-256 of every file as forge last wrote it, kept in
/// `.forge/checksums` in `sha256sum`'s format (so `sha256sum -c .forge/checksums` shows drift too).
///
/// A file whose bytes still hash to its record is one forge may refresh; any other existing
/// file is the user's, and forge reports a conflict rather than overwrite it.
public struct Checksums: Equatable, Sendable {
    /// The record's path inside an app.
    public static let path = ".forge/checksums"

    /// Path → hex digest.
    public var digests: [String: String]

    public init(digests: [String: String] = [:]) {
        self.digests = digests
    }

    /// The record in `root`, or an empty one when there is none yet.
    public static func load(root: URL) -> Checksums {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return Checksums() }
        return parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> Checksums {
        var digests: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            // "<64 hex>  <path>", as sha256sum writes it.
            guard line.count > 66, let separator = line.firstIndex(of: " ") else { continue }
            let digest = line[..<separator]
            let path = line[separator...].drop { $0 == " " || $0 == "*" }
            guard digest.count == 64, !path.isEmpty else { continue }
            digests[String(path)] = String(digest)
        }
        return Checksums(digests: digests)
    }

    /// The record as `sha256sum` would print it, sorted by path.
    public var text: String {
        digests.sorted { $0.key < $1.key }.map { "\($0.value)  \($0.key)\n" }.joined()
    }

    /// Whether `contents` is exactly what forge last wrote to `path`.
    public func isPristine(_ path: String, contents: Data) -> Bool {
        digests[path] == SHA256.hex(contents)
    }
}
