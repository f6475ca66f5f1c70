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

    /// The prebuilt runtime the app links (see ``PrebuiltRuntime``), or `nil` when its Package.swift
    /// builds the runtime from source: `FORGE_RUNTIME=source`, or no prebuilt runtime to link.
    /// This is the same test the generated Package.swift makes.
    public func prebuiltRuntime(
        _ configuration: PrebuiltRuntime.Configuration = .debug,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> PrebuiltRuntime? {
        guard let runtimeRoot, (environment["FORGE_RUNTIME"] ?? project.runtimeMode) != "source" else { return nil }
        let debug = PrebuiltRuntime(root: runtimeRoot, configuration: .debug)
        guard FileManager.default.fileExists(atPath: debug.linkDirectory.appendingPathComponent("toolchain").path) else { return nil }
        return PrebuiltRuntime(root: runtimeRoot, configuration: configuration)
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
        if let runtimeRoot, prebuiltRuntime() == nil {
            inputs.append(runtimeRoot.appendingPathComponent("Package.swift"))
            inputs += Self.runtimeLibraries.map { runtimeRoot.appendingPathComponent("Sources/\($0)") }
        }
        return inputs.allSatisfy { Self.newestModification(under: $0).map { $0 <= built } ?? true }
    }

    /// Builds the app's executable unless it is up to date, streaming SwiftPM's progress.
    ///
    /// An up-to-date app costs no `swiftc --version`: the toolchain matters only to a build.
    public func buildIfNeeded(log: (String) -> Void) throws(ForgeError) {
        if let runtime = prebuiltRuntime(.debug) { discardBuildIfRuntimeChanged(runtime, log: log) }
        if isUpToDate { return }
        try build(.debug, log: log)
    }

    /// Builds the app's executable in `configuration`, streaming SwiftPM's progress.
    public func build(_ configuration: PrebuiltRuntime.Configuration, log: (String) -> Void) throws(ForgeError) {
        try prepareRuntime(configuration, log: log)
        log("Building \(project.manifest.app.name) (\(configuration.rawValue))…")
        let started = Date()
        let status = try Subprocess.stream(["swift", "build", "-c", configuration.rawValue, "--product", project.manifest.app.name], in: project.root)
        guard status == 0 else {
            throw ForgeError("`swift build` failed in \(project.root.path) (exit \(status)); fix the errors above and run the command again")
        }
        if let runtime = prebuiltRuntime(configuration) { recordRuntime(runtime) }
        log(String(format: "Built in %.1fs.", Date().timeIntervalSince(started)))
    }

    /// Makes sure the prebuilt runtime (if the app links one) suits this toolchain and
    /// configuration, and that the app's build is from that same runtime.
    ///
    /// A runtime from another compiler is refused with its fix; a release runtime is built the
    /// first time a release build needs one; an app built against an earlier build of the runtime
    /// (forge was reinstalled or, in a checkout, rebuilt) has that configuration's build discarded,
    /// because SwiftPM does not see files it links through flags.
    public func prepareRuntime(_ configuration: PrebuiltRuntime.Configuration, log: (String) -> Void) throws(ForgeError) {
        guard let runtime = prebuiltRuntime(configuration) else { return }
        let active = try PrebuiltRuntime.Toolchain.active()
        switch runtime.status(active: active) {
        case .ready:
            break
        case .missing:
            try runtime.build(log: log)
        case let .otherToolchain(built, active):
            throw ForgeError("the prebuilt runtime in \(runtime.root.path) was built with \(built.version), but `swift` is \(active.version); run `forge runtime:build`\(configuration == .release ? " --release" : "") to rebuild it, or set FORGE_RUNTIME=source")
        }
        discardBuildIfRuntimeChanged(runtime, log: log)
    }

    /// Discards the app's build in `runtime`'s configuration when it links an earlier build of it.
    func discardBuildIfRuntimeChanged(_ runtime: PrebuiltRuntime, log: (String) -> Void) {
        guard builtAgainstAnotherRuntime(runtime) else { return }
        log("The runtime changed since \(project.manifest.app.name) was built; rebuilding the app's own files.")
        try? FileManager.default.removeItem(at: project.root.appendingPathComponent(".build/\(runtime.configuration.rawValue)").resolvingSymlinksInPath())
        try? FileManager.default.removeItem(at: stampFile(runtime.configuration))
    }

    /// Whether the app's `configuration` build links an earlier build of `runtime`: its recorded
    /// stamp differs, or (built without forge) its executable is older than the runtime.
    func builtAgainstAnotherRuntime(_ runtime: PrebuiltRuntime) -> Bool {
        if let recorded = try? String(contentsOf: stampFile(runtime.configuration), encoding: .utf8) {
            return recorded != runtime.stamp
        }
        let executable = project.root.appendingPathComponent(".build/\(runtime.configuration.rawValue)/\(project.manifest.app.name)")
        let modified = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date }
        guard let built = modified(executable), let stamped = modified(runtime.linkDirectory.appendingPathComponent("stamp")) else { return false }
        return built < stamped
    }

    /// Notes which build of the runtime the app's `configuration` build links.
    public func recordRuntime(_ runtime: PrebuiltRuntime) {
        try? Data(runtime.stamp.utf8).write(to: stampFile(runtime.configuration), options: .atomic)
    }

    private func stampFile(_ configuration: PrebuiltRuntime.Configuration) -> URL {
        project.root.appendingPathComponent(".build/forge-runtime-\(configuration.rawValue).stamp")
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
