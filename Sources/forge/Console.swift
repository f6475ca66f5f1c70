import Foundation
import ForgeCore

/// Writes to the terminal: results to stdout, progress and errors to stderr, colour only on
/// a TTY and never with `NO_COLOR`.
enum Console {
    static let useColor: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    static func progress(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    static func success(_ message: String) -> String { paint(message, code: "32") }

    /// Prints what a `make:*` command created and updated, or `upToDate` when it changed nothing.
    static func report(_ outcome: FileChangeSet.Outcome, dryRun: Bool, upToDate: String) {
        guard outcome.changedAnything || !outcome.conflicts.isEmpty else {
            print(upToDate)
            return
        }
        let verb = dryRun ? "would " : ""
        for path in outcome.created { print("  \(success("\(verb)create")) \(path)") }
        for path in outcome.updated { print("  \(success("\(verb)update")) \(path)") }
        for path in outcome.conflicts { print("  \(failure("conflict")) \(path) (edited since forge wrote it; --force overwrites it)") }
    }
    static func failure(_ message: String) -> String { paint(message, code: "31") }
    static func dim(_ message: String) -> String { paint(message, code: "2") }

    private static func paint(_ message: String, code: String) -> String {
        useColor && isatty(STDOUT_FILENO) == 1 ? "\u{1B}[\(code)m\(message)\u{1B}[0m" : message
    }

    /// The current project, or a one-line error saying the command needs one.
    static func project() throws -> Project {
        try Project.locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
}

extension ForgeError: LocalizedError {
    public var errorDescription: String? { message }
}

/// With `FORGE_TRACE=1`, prints how long each phase of a command took, to stderr.
struct PhaseTrace {
    private let enabled = ProcessInfo.processInfo.environment["FORGE_TRACE"] == "1"
    private var last = ContinuousClock.now

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        Console.progress("trace: \(phase) \((now - last).formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
        last = now
    }
}
