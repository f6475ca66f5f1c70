import ForgeCore
import Foundation
import Testing

/// How a generated Package.swift gets the runtime, evaluated by the real SwiftPM: the prebuilt
/// runtime by default, the forge package as a source dependency on request, and a prebuilt
/// runtime from another compiler refused with one line naming both versions and the fix.
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to evaluate generated manifests with SwiftPM"))
struct RuntimeLinkTests {
    /// A new app (no build) in a fixed scratch folder.
    func newApp(_ name: String, _ arguments: [String] = []) throws -> URL {
        let folder = try prepareScratchApp(shape: "runtime-link", app: name)
        let created = try runCommand([try forgeBinary.path, "new", name] + arguments, in: folder)
        #expect(created.status == 0, "\(created.output)")
        return folder.appendingPathComponent(name)
    }

    /// The package dependencies SwiftPM sees in `app`.
    func dependencies(_ app: URL, environment: [String: String] = [:]) throws -> (status: Int32, names: [String], output: String) {
        let described = try runCommand(["swift", "package", "dump-package"], in: app, environment: environment)
        let json = described.output.firstIndex(of: "{").map { String(described.output[$0...]) } ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        let names = (object?["dependencies"] as? [[String: Any]] ?? []).compactMap { dependency in
            ((dependency["fileSystem"] as? [[String: Any]])?.first?["identity"] as? String)
        }
        return (described.status, names, described.output)
    }

    @Test func linksThePrebuiltRuntimeOrBuildsItFromSource() throws {
        let app = try newApp("linked")
        let prebuilt = try dependencies(app)
        #expect(prebuilt.status == 0, "\(prebuilt.output)")
        #expect(prebuilt.names.isEmpty, "a prebuilt app has no package dependency: \(prebuilt.output)")

        let source = try dependencies(app, environment: ["FORGE_RUNTIME": "source"])
        #expect(source.names.count == 1, "the forge package is the one dependency: \(source.output)")

        let sourceApp = try newApp("sourced", ["--runtime-source"])
        #expect(try dependencies(sourceApp).names.count == 1)
        #expect(try dependencies(sourceApp, environment: ["FORGE_RUNTIME": "prebuilt"]).names.isEmpty)
    }

    @Test func refusesARuntimeFromAnotherCompilerInOneLine() throws {
        let app = try newApp("othercompiler")
        // A forge path whose prebuilt runtime was made by a compiler that is not this one.
        let other = app.deletingLastPathComponent().appendingPathComponent("other-forge")
        try FileManager.default.createDirectory(at: other.appendingPathComponent(".build/forge-runtime/debug"), withIntermediateDirectories: true)
        try Data("Swift version 5.9 (swift-5.9-RELEASE)\n".utf8).write(to: other.appendingPathComponent(".build/forge-runtime/debug/toolchain"))
        let refused = try runCommand(["swift", "build"], in: app, environment: ["FORGE_RUNTIME_PATH": other.path])
        #expect(refused.status != 0)
        let line = refused.output.split(separator: "\n").first { $0.hasPrefix("forge: the prebuilt runtime") }
        let active = try PrebuiltRuntime.Toolchain.active().version
        #expect(line?.contains("was built with Swift version 5.9 (swift-5.9-RELEASE), but this build uses \(active)") == true, "\(refused.output)")
        #expect(line?.contains("run `forge runtime:build`") == true)
        #expect(!refused.output.contains("cannot be imported"), "no raw module-format error: \(refused.output)")
    }

    @Test func aNoAuthAppCompilesAndLinksNoCryptography() throws {
        // Source mode: ForgeRuntime's closure in SwiftPM's own build plan has none of auth's packages.
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: repositoryRoot.appendingPathComponent(".build/debug/description.json"))) as? [String: Any]
        let closure = Set((plan?["targetDependencyMap"] as? [String: [String]])?["ForgeRuntime"] ?? [])
        #expect(!closure.isEmpty)
        #expect(closure.isDisjoint(with: ["JWTKit", "Crypto", "X509", "SwiftASN1", "CCryptoBoringSSL", "HummingbirdBcrypt"]), "\(closure.sorted())")

        // Prebuilt mode: the app links ForgeRuntime's objects only, and builds and passes its tests.
        let app = try newApp("plain", ["--no-auth"])
        let manifest = try String(contentsOf: app.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains(#"let runtimeModules = ["ForgeRuntime"]"#))
        let linked = try String(contentsOf: repositoryRoot.appendingPathComponent(".build/forge-runtime/debug/ForgeRuntime.link.rsp"), encoding: .utf8)
        for module in ["JWTKit", "Crypto", "X509", "SwiftASN1", "CCryptoBoringSSL"] {
            #expect(!linked.contains("/\(module).build/"), "ForgeRuntime.link.rsp links \(module)")
        }
        try restoreBuildCache(folder: app.deletingLastPathComponent(), app: "plain")
        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(3000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(3000))")
    }
}
