import ForgeCore
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The switch for the slow suite: it builds real generated apps, so everyday runs skip it.
let endToEndEnabled = ProcessInfo.processInfo.environment["FORGE_E2E"] == "1"

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `forge` binary `swift build` left in this checkout.
var forgeBinary: URL {
    get throws {
        let url = repositoryRoot.appendingPathComponent(".build/debug/forge")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw EndToEndError("no forge binary at \(url.path): run `swift build --product forge` first (make test does)")
        }
        return url
    }
}

struct EndToEndError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A finished command.
struct CommandResult {
    var status: Int32
    var output: String
}

/// Runs a command to completion in `directory`, stdout and stderr merged.
@discardableResult
func runCommand(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}

/// A fixed scratch folder for one app shape under `.build-e2e/`, emptied except for the app's
/// `.build`, which is kept so reruns build incrementally.
func prepareScratchApp(shape: String, app: String) throws -> URL {
    let fileManager = FileManager.default
    let folder = repositoryRoot.appendingPathComponent(".build-e2e/\(shape)")
    let appDirectory = folder.appendingPathComponent(app)
    let cache = folder.appendingPathComponent("\(app).build-cache")
    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    if fileManager.fileExists(atPath: appDirectory.appendingPathComponent(".build").path) {
        try? fileManager.removeItem(at: cache)
        try fileManager.moveItem(at: appDirectory.appendingPathComponent(".build"), to: cache)
    }
    try? fileManager.removeItem(at: appDirectory)
    return folder
}

/// Puts a kept `.build` back into a freshly generated app.
func restoreBuildCache(folder: URL, app: String) throws {
    let cache = folder.appendingPathComponent("\(app).build-cache")
    if FileManager.default.fileExists(atPath: cache.path) {
        try FileManager.default.moveItem(at: cache, to: folder.appendingPathComponent("\(app)/.build"))
    }
}

/// A JSON HTTP response from a live server.
struct LiveResponse {
    var status: Int
    var json: Any?
    var headers: [String: String] = [:]

    subscript(path: String...) -> Any? {
        path.reduce(json) { value, key in
            if let index = Int(key) { return (value as? [Any]).flatMap { $0.indices.contains(index) ? $0[index] : nil } }
            return (value as? [String: Any])?[key]
        }
    }
}

/// Sends one request to a server on loopback, with a JSON body or a raw one.
func request(_ method: String, _ url: String, json body: [String: Any]? = nil, raw: String? = nil, bearer: String? = nil) async throws -> LiveResponse {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    if let bearer { request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization") }
    if let body {
        request.httpBody = try JSONSerialization.data(withJSONObject: body)
    } else if let raw {
        request.httpBody = Data(raw.utf8)
    }
    if request.httpBody != nil {
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as? HTTPURLResponse
    var headers: [String: String] = [:]
    for case let (name as String, value as String) in http?.allHeaderFields ?? [:] {
        headers[name] = value
    }
    return LiveResponse(status: http?.statusCode ?? 0, json: data.isEmpty ? nil : try? JSONSerialization.jsonObject(with: data), headers: headers)
}

/// A JSON value as compact, key-sorted text, so numbers, strings and objects compare exactly.
func canonicalJSON(_ value: Any?) -> String {
    guard let value, let data = try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) else { return "nothing" }
    return String(decoding: data, as: UTF8.self)
        .trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        .replacingOccurrences(of: "\\/", with: "/")
}

/// `forge serve` on a free-ish port, running until `stop()`; `base` is its URL.
struct LiveServer {
    let process: Process
    let base: String

    /// Starts the app in `app` and waits (up to 60 s) until `/health/ready` answers 200: `forge serve`
    /// checks the build first, which on 2 cores busy with the suite's other builds can take a while.
    static func start(forge: String, app: URL, environment: [String: String] = [:]) async throws -> LiveServer {
        let port = Int.random(in: 20_000...40_000)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: forge)
        process.arguments = ["serve", "--port", String(port)]
        process.currentDirectoryURL = app
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        // What the server says goes to a file, so a server that never answers can say why.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("forge-e2e-serve-\(port).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let server = LiveServer(process: process, base: "http://127.0.0.1:\(port)")
        for _ in 0..<600 where process.isRunning {
            if (try? await request("GET", "\(server.base)/health/ready"))?.status == 200 { return server }
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning { server.stop() }
        let said = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(3000)) } ?? ""
        throw CommandFailure(message: "the app in \(app.path) did not answer /health/ready within 60 s (\(process.isRunning ? "still running" : "exited")); it printed:\n\(said)")
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// A step of an end-to-end test that did not work.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// `swift build --build-tests` in `app`; returns the build's output and the warnings it printed
/// for the app's own files (dependencies' warnings are not the app's).
///
/// The app links this checkout's prebuilt runtime (`make test` prepares it); a kept `.build` made
/// against an earlier build of the runtime is discarded first, as forge's own commands do.
func buildApp(_ app: URL) throws -> (result: CommandResult, ownWarnings: [Substring]) {
    let builder = AppBuilder(project: try Project.locate(from: app), runtimeRoot: repositoryRoot)
    try builder.prepareRuntime(.debug) { _ in }
    let build = try runCommand(["swift", "build", "--build-tests"], in: app)
    if build.status == 0, let runtime = builder.prebuiltRuntime() { builder.recordRuntime(runtime) }
    let own = build.output.split(separator: "\n").filter {
        $0.contains("warning:") && ($0.contains(app.path + "/Sources") || $0.contains(app.path + "/Tests"))
    }
    return (build, own)
}
