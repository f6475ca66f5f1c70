import ForgeCore
import Foundation
import Testing

/// The every-generator golden files, in a new app, compiled by the everyday test run (the
/// end-to-end suite, behind FORGE_E2E=1, also runs apps; this one only has to build).
///
/// The app lives in a fixed folder, `.build-e2e/golden-app/shop`, so a rerun builds only what
/// changed; it links this checkout's prebuilt runtime, which `make test` prepares.
@Suite struct GoldenAppBuildTests {
    @Test func theEveryGeneratorAppCompilesWithoutWarnings() throws {
        let app = repositoryRoot.appendingPathComponent(".build-e2e/golden-app/shop")
        let appFiles = try AppGenerator(name: "shop", runtimePath: repositoryRoot.path, templates: builtInTemplates)
            .files(secret: String(repeating: "0", count: 64), jwtSecret: String(repeating: "1", count: 64))
        var files = Dictionary(appFiles.map { ($0.path, $0) }, uniquingKeysWith: { $1 })
        for file in try GoldenFileTests.everyGeneratorFiles() { files[file.path] = file }
        try Self.write(Array(files.values), to: app)

        let builder = AppBuilder(project: try Project.locate(from: app), runtimeRoot: repositoryRoot)
        try builder.prepareRuntime(.debug) { _ in }
        let build = try Subprocess.capture(["swift", "build", "--build-tests"], in: app)
        let (status, output) = (build.status, build.stdout + build.stderr)
        #expect(status == 0, "the golden app does not build:\n\(output.suffix(4000))")
        if status == 0, let runtime = builder.prebuiltRuntime() { builder.recordRuntime(runtime) }
        let warnings = output.split(separator: "\n").filter {
            $0.contains("warning:") && ($0.contains(app.path + "/Sources") || $0.contains(app.path + "/Tests"))
        }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
    }

    /// Writes `files` into `app`, leaving unchanged files (and their dates) alone and removing
    /// sources no longer generated, so SwiftPM rebuilds only what changed.
    static func write(_ files: [GeneratedFile], to app: URL) throws {
        let fileManager = FileManager.default
        let wanted = Set(files.map(\.path))
        for folder in ["Sources", "Tests"] {
            let root = app.appendingPathComponent(folder)
            let enumerator = fileManager.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                let path = folder + String(url.path.dropFirst(root.path.count))
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true, !wanted.contains(path) {
                    try fileManager.removeItem(at: url)
                }
            }
        }
        for file in files {
            let url = app.appendingPathComponent(file.path)
            if fileManager.contents(atPath: url.path) == Data(file.contents.utf8) { continue }
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url, options: .atomic)
        }
    }
}
