import Foundation

/// The runtime an installation builds once and every generated app links, so a new app compiles
/// only its own files (docs/architecture.md, "The prebuilt runtime").
///
/// `prepare()` reads the build plan SwiftPM left in the installation's `.build` and writes, under
/// `.build/forge-runtime/<configuration>/`:
/// - `toolchain`: the compiler that built it (an app's Package.swift refuses a different one);
/// - `compile.rsp`: the flags that let swiftc import the runtime's modules (their `.swiftmodule`
///   folder and the module maps of the C modules beneath them);
/// - `<modules>.link.rsp`: every object file of those modules' closure, for each combination of
///   opt-in modules, and `<modules>.tests.link.rsp`: what the test products add to it;
/// - `stamp`: changes whenever any of those files changes, so forge can tell an app built
///   against an older runtime.
///
/// The generated Package.swift points its targets' `unsafeFlags` at these files.
public struct PrebuiltRuntime: Sendable {
    /// The forge package root.
    public let root: URL
    public let configuration: Configuration

    /// A SwiftPM build configuration.
    public enum Configuration: String, Sendable, CaseIterable {
        case debug, release
    }

    /// The module every app links.
    public static let coreModule = "ForgeRuntime"
    /// Modules an app opts into; every combination gets its own link files.
    public static let optionalModules = ["ForgeAuth", "ForgeRuntimePostgres"]

    /// The modules a test target adds for an app made of `modules`.
    public static func testModules(for modules: [String]) -> [String] {
        ["ForgeTesting"] + (modules.contains("ForgeAuth") ? ["ForgeAuthTesting"] : [])
    }

    /// The file name stem shared by forge and the generated Package.swift: the app's modules,
    /// sorted, joined by `+` (`ForgeAuth+ForgeRuntime`).
    public static func key(for modules: [String]) -> String {
        Set(modules + [coreModule]).sorted().joined(separator: "+")
    }

    public init(root: URL, configuration: Configuration = .debug) {
        self.root = root
        self.configuration = configuration
    }

    /// SwiftPM's build folder for the configuration (`.build/debug` is a link to it).
    public var buildDirectory: URL {
        root.appendingPathComponent(".build/\(configuration.rawValue)").resolvingSymlinksInPath()
    }

    /// Where the files apps read live.
    public var linkDirectory: URL {
        root.appendingPathComponent(".build/forge-runtime/\(configuration.rawValue)")
    }

    /// The compiler that built the runtime, as the first line of `swiftc --version` names it
    /// (`Swift version 6.3.1 (swift-6.3.1-RELEASE)`). The generated Package.swift compares the
    /// same line, so both sides agree on what "the same toolchain" means.
    public struct Toolchain: Equatable, Sendable {
        public var version: String

        public init(version: String) {
            self.version = version
        }

        /// The toolchain whose `swiftc` is on `PATH`, the one `swift build` will use.
        public static func active() throws(ForgeError) -> Toolchain {
            let output = try Subprocess.capture(["swiftc", "--version"])
            guard output.status == 0, let line = output.stdout.split(separator: "\n").first, line.contains("Swift version") else {
                throw ForgeError("cannot read the Swift version from `swiftc --version`; is Swift on PATH?")
            }
            return Toolchain(version: String(line))
        }
    }

    /// Whether apps can link this runtime with the active toolchain.
    public enum Status: Equatable, Sendable {
        case ready(Toolchain)
        /// Never built (or never prepared) for this configuration.
        case missing
        /// Built by another compiler: its modules cannot be imported.
        case otherToolchain(built: Toolchain, active: Toolchain)
    }

    /// The runtime's state against `active`.
    public func status(active: Toolchain) -> Status {
        guard let text = try? String(contentsOf: linkDirectory.appendingPathComponent("toolchain"), encoding: .utf8),
              let line = text.split(separator: "\n").first
        else { return .missing }
        let built = Toolchain(version: String(line))
        return built == active ? .ready(built) : .otherToolchain(built: built, active: active)
    }

    /// What identifies this build of the runtime; empty when it was never prepared.
    public var stamp: String {
        (try? String(contentsOf: linkDirectory.appendingPathComponent("stamp"), encoding: .utf8)) ?? ""
    }

    /// Builds the runtime's products with SwiftPM, streaming its progress, then prepares them.
    public func build(log: (String) -> Void) throws(ForgeError) {
        log("Building ForgeRuntime and its modules (\(configuration.rawValue)) in \(root.path), once for every app of this installation…")
        let started = Date()
        // Every non-test target of the package: the runtime's modules, and the (small) CLI.
        let status = try Subprocess.stream(["swift", "build", "-c", configuration.rawValue], in: root)
        guard status == 0 else {
            throw ForgeError("`swift build -c \(configuration.rawValue)` failed in \(root.path) (exit \(status)); fix what it reports, then run `forge runtime:build` again")
        }
        try prepare()
        log(String(format: "Built the runtime in %.0fs.", Date().timeIntervalSince(started)))
    }
}
