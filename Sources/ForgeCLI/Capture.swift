import Foundation
import ForgeCore

/// The output of commands run in process: what they would have printed to stdout and stderr.
final class Capture: @unchecked Sendable {
    let directory: URL
    private let lock = NSLock()
    private var outText = ""
    private var errorText = ""

    init(directory: URL) {
        self.directory = directory
    }

    var stdout: String { lock.withLock { outText } }
    var stderr: String { lock.withLock { errorText } }

    func append(_ text: String, error: Bool) {
        lock.withLock {
            if error { errorText += text } else { outText += text }
        }
    }
}
