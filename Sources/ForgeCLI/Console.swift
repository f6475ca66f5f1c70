import Foundation
import ForgeCore

/// Writes to the terminal: results to stdout, progress and errors to stderr, colour only on
/// a TTY and never with `NO_COLOR`.
///
/// Tests run commands in process with ``capturing(in:_:)``: output then goes to a ``Capture``
/// and the command works in the folder it names, not the process's current directory.
enum Console {
    static let useColor: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Where the current task's output goes when a test captures it.
    @TaskLocal static var capture: Capture?

    /// The folder commands work in: the capture's, else the process's current directory.
    static var directory: URL {
        capture?.directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Prints a result line (or text, with `terminator: ""`) to stdout.
    static func out(_ text: String, terminator: String = "\n") {
        if let capture {
            capture.append(text + terminator, error: false)
        } else {
            print(text, terminator: terminator)
        }
    }

    static func progress(_ message: String) {
        if let capture {
            capture.append(message + "\n", error: true)
        } else {
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
    }

    static func success(_ message: String) -> String { paint(message, code: "32") }

    /// Prints what a `make:*` command created and updated, or `upToDate` when it changed nothing.
    static func report(_ outcome: FileChangeSet.Outcome, dryRun: Bool, upToDate: String) {
        guard outcome.changedAnything || !outcome.conflicts.isEmpty else {
            out(upToDate)
            return
        }
        let verb = dryRun ? "would " : ""
        for path in outcome.created { out("  \(success("\(verb)create")) \(path)") }
        for path in outcome.updated { out("  \(success("\(verb)update")) \(path)") }
        for path in outcome.merged { out("  \(success("\(verb)merge")) \(path) (your edits kept)") }
        for path in outcome.deleted { out("  \(success("\(verb)delete")) \(path)") }
        for path in outcome.conflicts {
            let hunks = outcome.hunks[path] ?? []
            let lines = hunks.map { "line \($0.line)" }.joined(separator: ", ")
            out("  \(failure("conflict")) \(path) (" + (hunks.isEmpty ? "edited since forge wrote it, with nothing to merge it with; --force overwrites or deletes it" : "your edits and forge's change collide at \(lines)") + ")")
            for hunk in hunks { out(hunk.text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")) }
        }
    }
    static func failure(_ message: String) -> String { paint(message, code: "31") }
    static func dim(_ message: String) -> String { paint(message, code: "2") }

    private static func paint(_ message: String, code: String) -> String {
        capture == nil && useColor && isatty(STDOUT_FILENO) == 1 ? "\u{1B}[\(code)m\(message)\u{1B}[0m" : message
    }

    /// The current project, or a one-line error saying the command needs one.
    static func project() throws -> Project {
        try Project.locate(from: directory)
    }

    /// Runs `body` with its output captured and `directory` as its working folder.
    static func capturing<T>(in directory: URL, _ body: () async throws -> T) async rethrows -> (T, Capture) {
        let capture = Capture(directory: directory)
        let result = try await $capture.withValue(capture) { try await body() }
        return (result, capture)
    }
}
