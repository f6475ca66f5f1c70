import Foundation
import ForgeRuntime

/// Keeps every log line a ``TestApp`` writes (message and metadata), so a test can check what
/// reached the log: that no password or token ever does, for instance.
///
/// ```swift
/// let logs = LogCapture()
/// try await TestApp(ShopApp.definition).capturingLogs(in: logs).run { client in ... }
/// #expect(!logs.text.contains(password))
/// ```
// @unchecked: the lines are only touched under `lock`.
public final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    public init() {}

    /// Everything logged so far, one entry a line.
    public var text: String {
        lock.withLock { lines.joined(separator: "\n") }
    }

    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    /// A logger whose every level, trace included, lands here.
    func logger(label: String) -> Logger {
        Logger(label: label) { _ in CapturingLogHandler(capture: self) }
    }
}

private struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { $1 }
        capture.append("\(event.level) \(event.message) \(all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
    }
}
