import ForgeCore
import Foundation
import Testing

/// `PrebuiltRuntime.prepare()` over a small fake build: the link files name each module of a
/// combination's closure exactly once (and only the objects SwiftPM's plan names, never a stale
/// one left in a build folder), the test files only what tests add, and the compile flags come
/// from SwiftPM's own arguments.
@Suite(.serialized) struct PrebuiltRuntimeTests {
    /// A forge root whose `.build/debug` holds a build plan and one object file per module.
    func fakeBuild(missing: Set<String> = []) throws -> URL {
        let root = try makeScratchDirectory()
        let build = root.appendingPathComponent(".build/debug")
        let graph: [String: [String]] = [
            "ForgeRuntime": ["NIOCore", "CSQLite"],
            "ForgeAuth": ["ForgeRuntime", "NIOCore", "CSQLite", "Crypto"],
            "ForgeRuntimePostgres": ["ForgeRuntime", "NIOCore", "CSQLite", "Crypto", "PostgresNIO"],
            "ForgeTesting": ["ForgeRuntime", "NIOCore", "CSQLite", "NIOEmbedded"],
            "ForgeAuthTesting": ["ForgeAuth", "ForgeTesting", "ForgeRuntime", "NIOCore", "CSQLite", "Crypto", "NIOEmbedded"],
            "NIOCore": [], "CSQLite": [], "Crypto": [], "PostgresNIO": ["NIOCore", "Crypto"], "NIOEmbedded": ["NIOCore"],
        ]
        let scan = ["swiftc", "-module-name", "ForgeRuntime", "-Xcc", "-fmodule-map-file=/x/CSQLite/module.modulemap", "-Xcc", "-I", "-Xcc", "/x/CSQLite/include", "-DDEBUG"]
        let plan: [String: Any] = ["targetDependencyMap": graph, "swiftTargetScanArgs": ["ForgeRuntime": scan, "ForgeTesting": scan]]
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: plan).write(to: build.appendingPathComponent("description.json"))
        // The llbuild manifest names every planned object; a module in `missing` was never built.
        var manifest = "commands:\n"
        for module in graph.keys.sorted() {
            let folder = build.appendingPathComponent("\(module).build")
            let object = folder.appendingPathComponent("\(module).swift.o")
            manifest += "  \"C.\(module)\":\n    outputs: [\"\(object.path)\",\"\(build.path)/Modules/\(module).swiftmodule\"]\n"
            // The debugger's AST wrapper: planned, but made only when a linked product needs it.
            manifest += "  \"C.\(module).wrap\":\n    outputs: [\"\(folder.path)/\(module).swiftmodule.o\"]\n"
            guard !missing.contains(module) else { continue }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data().write(to: object)
        }
        try Data(manifest.utf8).write(to: root.appendingPathComponent(".build/debug.yaml"))
        // What a source that was moved away leaves behind: SwiftPM does not delete it.
        try Data().write(to: build.appendingPathComponent("ForgeRuntime.build/Moved.swift.o"))
        return root
    }

    func objects(_ file: URL) throws -> [String] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            .filter { $0.hasSuffix(".o\"") }
            .map { String($0.split(separator: "/").last!.dropLast(1)) }
    }

    @Test func everyCombinationLinksItsClosureOnce() throws {
        let root = try fakeBuild()
        let runtime = PrebuiltRuntime(root: root)
        try runtime.prepare()
        let links = runtime.linkDirectory
        #expect(try objects(links.appendingPathComponent("ForgeRuntime.link.rsp")) == ["CSQLite.swift.o", "ForgeRuntime.swift.o", "NIOCore.swift.o"])
        // Auth and PostgreSQL both need Crypto: the combined file lists it once.
        let both = try objects(links.appendingPathComponent("ForgeAuth+ForgeRuntime+ForgeRuntimePostgres.link.rsp"))
        #expect(both.filter { $0 == "Crypto.swift.o" }.count == 1)
        #expect(Set(both) == ["CSQLite.swift.o", "Crypto.swift.o", "ForgeAuth.swift.o", "ForgeRuntime.swift.o", "ForgeRuntimePostgres.swift.o", "NIOCore.swift.o", "PostgresNIO.swift.o"])
        // The test target adds only what the app does not link already.
        #expect(try objects(links.appendingPathComponent("ForgeRuntime.tests.link.rsp")) == ["ForgeTesting.swift.o", "NIOEmbedded.swift.o"])
        #expect(try objects(links.appendingPathComponent("ForgeAuth+ForgeRuntime.tests.link.rsp")) == ["ForgeAuthTesting.swift.o", "ForgeTesting.swift.o", "NIOEmbedded.swift.o"])
    }

    @Test func compileFlagsAreSwiftPMsOwnForTheCModules() throws {
        let root = try fakeBuild()
        let runtime = PrebuiltRuntime(root: root)
        try runtime.prepare()
        let flags = try String(contentsOf: runtime.linkDirectory.appendingPathComponent("compile.rsp"), encoding: .utf8)
            .split(separator: "\n").map { String($0.dropFirst().dropLast()) }
        #expect(flags == [
            "-I", runtime.buildDirectory.appendingPathComponent("Modules").path,
            "-Xcc", "-fmodule-map-file=/x/CSQLite/module.modulemap",
            "-Xcc", "-I", "-Xcc", "/x/CSQLite/include",
        ])
    }

    @Test func recordsTheCompilerAndRefusesAnother() throws {
        let runtime = PrebuiltRuntime(root: try fakeBuild())
        let active = try PrebuiltRuntime.Toolchain.active()
        #expect(runtime.status(active: active) == .missing)
        try runtime.prepare()
        #expect(runtime.status(active: active) == .ready(active))
        let other = PrebuiltRuntime.Toolchain(version: "Swift version 9.9 (swift-9.9-RELEASE)")
        #expect(runtime.status(active: other) == .otherToolchain(built: active, active: other))
    }

    @Test func releaseBuildsBorrowTheDebugRuntimeUntilOneIsBuilt() throws {
        let root = try fakeBuild()
        try PrebuiltRuntime(root: root).prepare()
        let release = PrebuiltRuntime(root: root, configuration: .release)
        #expect(FileManager.default.fileExists(atPath: release.linkDirectory.appendingPathComponent("ForgeRuntime.link.rsp").path))
        #expect(FileManager.default.fileExists(atPath: release.linkDirectory.appendingPathComponent("borrowed").path))
        // Borrowed files are no release runtime: forge builds one when a release build needs it.
        #expect(release.status(active: try .active()) == .missing)
    }

    @Test func aRerunKeepsTheStampAndAMissingModuleIsNamed() throws {
        let root = try fakeBuild()
        let runtime = PrebuiltRuntime(root: root)
        try runtime.prepare()
        let stamp = runtime.stamp
        try runtime.prepare()
        #expect(!stamp.isEmpty && runtime.stamp == stamp)

        let unbuilt = PrebuiltRuntime(root: try fakeBuild(missing: ["Crypto"]))
        #expect(throws: ForgeError("the runtime module Crypto is not built in \(unbuilt.buildDirectory.path); run `forge runtime:build`")) {
            try unbuilt.prepare()
        }
    }

    @Test func theManifestAndForgeNameLinkFilesAlike() {
        #expect(PrebuiltRuntime.key(for: ["ForgeRuntimePostgres", "ForgeAuth"]) == "ForgeAuth+ForgeRuntime+ForgeRuntimePostgres")
        #expect(PrebuiltRuntime.key(for: []) == "ForgeRuntime")
        #expect(PrebuiltRuntime.testModules(for: ["ForgeRuntime", "ForgeAuth"]) == ["ForgeTesting", "ForgeAuthTesting"])
    }
}
