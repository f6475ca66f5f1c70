import Foundation

/// A forge app on disk: its root folder and its manifest.
public struct Project {
    public let root: URL
    public let manifest: Manifest

    /// The app containing `directory` (searching upward for `forge.yaml`).
    public static func locate(from directory: URL) throws(ForgeError) -> Project {
        var current = directory.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(Manifest.fileName)
            if FileManager.default.fileExists(atPath: candidate.path) {
                return Project(root: current, manifest: try Manifest.load(from: candidate))
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path {
                throw ForgeError("not inside a forge app: no \(Manifest.fileName) in \(directory.path) or any folder above it; run `forge new NAME` first, or cd into an app")
            }
            current = parent
        }
    }

    public init(root: URL, manifest: Manifest) {
        self.root = root
        self.manifest = manifest
    }

    /// The app's debug executable, as `swift build` leaves it.
    public var executable: URL {
        root.appendingPathComponent(".build/debug/\(manifest.app.name)")
    }
}

extension Project {
    /// The runtime link the app builds with: `FORGE_RUNTIME_PATH` when set, else the path written
    /// into Package.swift; `nil` when Package.swift is missing or names none.
    public func runtimeLink(environment: [String: String] = ProcessInfo.processInfo.environment) -> RuntimeLink? {
        if let path = environment["FORGE_RUNTIME_PATH"], !path.isEmpty {
            return RuntimeLink(path: path, fromEnvironment: true)
        }
        guard let text = try? String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8),
              let match = text.firstMatch(of: /FORGE_RUNTIME_PATH"\] \?\? "([^"]+)"/)
        else { return nil }
        return RuntimeLink(path: String(match.1), fromEnvironment: false)
    }

    /// The runtime mode Package.swift defaults to (`prebuilt` or `source`; `FORGE_RUNTIME` overrides it).
    public var runtimeMode: String {
        guard let text = try? String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8),
              let match = text.firstMatch(of: /FORGE_RUNTIME"\] \?\? "([a-z]+)"/)
        else { return "source" }
        return String(match.1)
    }
}
