import Foundation

/// Where this forge's runtime package and templates live.
///
/// Looked up in order: `FORGE_HOME`; `../share/forge` beside the executable (an installed
/// forge); the checkout the executable was built in (a development build). Each candidate
/// must hold `Package.swift`, `Sources/ForgeRuntime` and `Templates`.
public struct Installation: Sendable {
    /// The forge package root that generated apps depend on.
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    /// The built-in templates.
    public var templatesDirectory: URL { root.appendingPathComponent("Templates") }

    /// Whether `url` holds a usable forge package.
    public static func isValid(_ url: URL) -> Bool {
        let fileManager = FileManager.default
        return fileManager.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
            && fileManager.fileExists(atPath: url.appendingPathComponent("Sources/ForgeRuntime").path)
            && fileManager.fileExists(atPath: url.appendingPathComponent("Templates").path)
    }

    /// Finds the installation for the running executable.
    public static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: URL = Installation.runningExecutable
    ) throws(ForgeError) -> Installation {
        if let home = environment["FORGE_HOME"], !home.isEmpty {
            let url = URL(fileURLWithPath: home).standardizedFileURL
            guard isValid(url) else {
                throw ForgeError("FORGE_HOME=\(home) is not a forge package (it needs Package.swift, Sources/ForgeRuntime and Templates)")
            }
            return Installation(root: url)
        }
        let binDirectory = executable.deletingLastPathComponent()
        let shared = binDirectory.deletingLastPathComponent().appendingPathComponent("share/forge")
        if isValid(shared) { return Installation(root: shared.standardizedFileURL) }
        var current = binDirectory
        while current.path != "/" {
            if isValid(current) { return Installation(root: current.standardizedFileURL) }
            current = current.deletingLastPathComponent()
        }
        throw ForgeError("cannot find forge's runtime and templates next to \(executable.path); reinstall forge (`make install`) or set FORGE_HOME to a forge checkout")
    }

    /// The absolute path of the running `forge`, whatever `argv[0]` says (`forge` found on
    /// `PATH` has no directory in it).
    public static var runningExecutable: URL {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        #endif
        return (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).resolvingSymlinksInPath()
    }

    /// The template library for a project: its published templates first, then the built-in ones.
    public func templates(projectRoot: URL? = nil) -> TemplateLibrary {
        var directories: [URL] = []
        if let projectRoot { directories.append(projectRoot.appendingPathComponent(TemplateLibrary.publishedFolder)) }
        directories.append(templatesDirectory)
        return TemplateLibrary(directories: directories)
    }
}
