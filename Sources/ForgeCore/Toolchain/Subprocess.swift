import Foundation

/// Runs other programs: `swift`, and the app's own executable.
public enum Subprocess {
    /// The captured result of a finished program.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments` (resolved on `PATH`) in `directory` and captures its output.
    public static func capture(_ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws(ForgeError) -> Output {
        let process = makeProcess(arguments, in: directory, environment: environment)
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw ForgeError("cannot run \(arguments[0]): \(error.localizedDescription)")
        }
        // Read both pipes concurrently so neither fills up and blocks the child.
        let errorData = LockedData()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) {
            errorData.set(stderr.fileHandleForReading.readDataToEndOfFile())
        }
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        reader.wait()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.value, as: UTF8.self)
        )
    }

    /// Runs `arguments` with this process's terminal, so its progress shows as it happens.
    public static func stream(_ arguments: [String], in directory: URL? = nil) throws(ForgeError) -> Int32 {
        let process = makeProcess(arguments, in: directory, environment: nil)
        do {
            try process.run()
        } catch {
            throw ForgeError("cannot run \(arguments[0]): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Replaces this process with `arguments` (so signals reach the app directly).
    public static func exec(_ arguments: [String], in directory: URL) throws(ForgeError) -> Never {
        guard FileManager.default.changeCurrentDirectoryPath(directory.path) else {
            throw ForgeError("cannot enter \(directory.path)")
        }
        let argv = arguments.map { strdup($0) } + [nil]
        execv(arguments[0], argv)
        throw ForgeError("cannot run \(arguments[0]): \(String(cString: strerror(errno)))")
    }

    private static func makeProcess(_ arguments: [String], in directory: URL?, environment: [String: String]?) -> Process {
        let process = Process()
        if arguments[0].hasPrefix("/") {
            process.executableURL = URL(fileURLWithPath: arguments[0])
            process.arguments = Array(arguments.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        return process
    }
}

/// Data handed from a reader thread, guarded by a lock.
private final class LockedData: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var data: Data?

    func set(_ value: Data) { lock.withLock { data = value } }
    var value: Data { lock.withLock { data ?? Data() } }
}
