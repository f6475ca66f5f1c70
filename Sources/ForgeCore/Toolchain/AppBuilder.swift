import Foundation

/// Builds a generated app with SwiftPM and runs its executable's own commands.
public struct AppBuilder {
    public let project: Project
    /// The forge package the app links (its sources count toward staleness).
    public let runtimeRoot: URL?

    public init(project: Project, runtimeRoot: URL?) {
        self.project = project
        self.runtimeRoot = runtimeRoot
    }

    /// The forge libraries an app's executable may link (an app links ForgeAuth only with auth,
    /// ForgeRuntimePostgres only with `--db postgres`; a folder it does not link only costs a look).
    static let runtimeLibraries = ["ForgeRuntime", "ForgeAuth", "ForgeRuntimePostgres"]

    /// Whether the executable exists and is newer than every source it is built from.
    public var isUpToDate: Bool {
        let fileManager = FileManager.default
        guard let attributes = try? fileManager.attributesOfItem(atPath: project.executable.path),
              let built = attributes[.modificationDate] as? Date
        else { return false }
        var inputs = [project.root.appendingPathComponent("Package.swift"), project.root.appendingPathComponent("Sources")]
        if let runtimeRoot {
            inputs.append(runtimeRoot.appendingPathComponent("Package.swift"))
            inputs += Self.runtimeLibraries.map { runtimeRoot.appendingPathComponent("Sources/\($0)") }
        }
        return inputs.allSatisfy { Self.newestModification(under: $0).map { $0 <= built } ?? true }
    }

    /// Builds the app's executable unless it is up to date, streaming SwiftPM's progress.
    public func buildIfNeeded(log: (String) -> Void) throws(ForgeError) {
        if isUpToDate { return }
        log("Building \(project.manifest.app.name) (debug)…")
        let started = Date()
        let status = try Subprocess.stream(["swift", "build", "--product", project.manifest.app.name], in: project.root)
        guard status == 0 else {
            throw ForgeError("`swift build` failed in \(project.root.path) (exit \(status)); fix the errors above and run the command again")
        }
        log(String(format: "Built in %.1fs.", Date().timeIntervalSince(started)))
    }

    /// Runs `arguments` on the built executable in the app's folder, output captured.
    public func run(_ arguments: [String]) throws(ForgeError) -> Subprocess.Output {
        try Subprocess.capture([project.executable.path] + arguments, in: project.root)
    }

    /// The newest modification date of `url` or any file below it.
    static func newestModification(under url: URL) -> Date? {
        let fileManager = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey, .isDirectoryKey]
        var newest = (try? url.resourceValues(forKeys: Set(keys)))?.contentModificationDate
        guard let enumerator = fileManager.enumerator(at: url, includingPropertiesForKeys: keys) else { return newest }
        for case let file as URL in enumerator {
            if let date = (try? file.resourceValues(forKeys: Set(keys)))?.contentModificationDate, date > (newest ?? .distantPast) {
                newest = date
            }
        }
        return newest
    }
}
