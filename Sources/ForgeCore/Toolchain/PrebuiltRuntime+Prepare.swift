import Foundation

extension PrebuiltRuntime {
    /// The parts of SwiftPM's `description.json` (its build plan) that `prepare()` reads.
    struct BuildPlan: Decodable {
        /// Each target's direct dependencies, by module name (C targets included).
        var targetDependencyMap: [String: [String]]
        /// The full swiftc arguments SwiftPM compiles each Swift target with.
        var swiftTargetScanArgs: [String: [String]]
    }

    /// Writes the files apps link from the build SwiftPM left in ``buildDirectory``.
    public func prepare() throws(ForgeError) {
        let planURL = buildDirectory.appendingPathComponent("description.json")
        guard let data = try? Data(contentsOf: planURL) else {
            throw ForgeError("no build of the runtime at \(buildDirectory.path); run `forge runtime:build`\(configuration == .release ? " --release" : "")")
        }
        let plan: BuildPlan
        do {
            plan = try JSONDecoder().decode(BuildPlan.self, from: data)
        } catch {
            throw ForgeError("cannot read SwiftPM's build plan \(planURL.path): \(error)")
        }
        // Only the modules this checkout has (a module added later appears once it is built).
        let optional = Self.optionalModules.filter { plan.targetDependencyMap[$0] != nil }
        let testModules = { (modules: [String]) in Self.testModules(for: modules).filter { plan.targetDependencyMap[$0] != nil } }
        let everything = Self.closure(of: [Self.coreModule] + optional + testModules(optional), in: plan)
        let manifest = (try? String(contentsOf: root.appendingPathComponent(".build/\(configuration.rawValue).yaml"), encoding: .utf8)) ?? ""
        let planned = Self.plannedObjectFiles(manifest: manifest, buildDirectory: buildDirectory)
        var objects: [String: [String]] = [:]
        for module in everything {
            // `<Module>.swiftmodule.o` wraps the module's AST for the debugger; SwiftPM makes it only
            // when a product it links needs it, so it is linked where it exists and never required.
            let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
            let found = (planned[module] ?? []).filter { !$0.hasSuffix(".swiftmodule.o") || exists($0) }
            guard !found.isEmpty, found.allSatisfy(exists) else {
                throw ForgeError("the runtime module \(module) is not built in \(buildDirectory.path); run `forge runtime:build`\(configuration == .release ? " --release" : "")")
            }
            objects[module] = found
        }

        var files: [(String, String)] = [("compile.rsp", Self.responseFile(compileFlags(plan: plan, modules: everything)))]
        let extraLinkFlags = Self.linkFlags(manifest: manifest)
        for subset in Self.subsets(of: optional) {
            let app = Self.closure(of: [Self.coreModule] + subset, in: plan)
            let tests = Self.closure(of: [Self.coreModule] + subset + testModules(subset), in: plan).subtracting(app)
            let key = Self.key(for: subset)
            files.append(("\(key).link.rsp", Self.responseFile(app.sorted().flatMap { objects[$0] ?? [] } + extraLinkFlags)))
            files.append(("\(key).tests.link.rsp", Self.responseFile(tests.sorted().flatMap { objects[$0] ?? [] })))
        }
        let toolchain = try Toolchain.active()
        files.append(("toolchain", toolchain.version + "\n"))
        files.append(("stamp", Self.stamp(of: objects.values.flatMap { $0 }) + "\n"))

        try write(files, to: linkDirectory)
        // Until a release runtime is built, release builds of apps link the debug one: their
        // Package.swift names the release files unconditionally (its evaluation is cached, so it
        // must not depend on which files exist). `forge serve --release` builds the real one.
        let release = PrebuiltRuntime(root: root, configuration: .release)
        if configuration == .debug, !FileManager.default.fileExists(atPath: release.linkDirectory.appendingPathComponent("toolchain").path) {
            try write(files.filter { $0.0 != "toolchain" } + [("borrowed", "these files link the debug runtime; `forge runtime:build --release` replaces them\n")], to: release.linkDirectory)
        }
    }

    /// Writes `files` into `directory`; unchanged files keep their dates, so a rerun does not
    /// look like a new runtime.
    private func write(_ files: [(String, String)], to directory: URL) throws(ForgeError) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
            for (name, text) in files {
                let url = directory.appendingPathComponent(name)
                if (try? String(contentsOf: url, encoding: .utf8)) != text {
                    try Data(text.utf8).write(to: url, options: .atomic)
                }
            }
            if configuration == .release, fileManager.fileExists(atPath: directory.appendingPathComponent("borrowed").path), files.contains(where: { $0.0 == "toolchain" }) {
                try fileManager.removeItem(at: directory.appendingPathComponent("borrowed"))
            }
        } catch {
            throw ForgeError("cannot write the prebuilt runtime's files in \(directory.path): \(error.localizedDescription)")
        }
    }

    /// `modules` and everything they depend on, transitively.
    static func closure(of modules: [String], in plan: BuildPlan) -> Set<String> {
        var seen = Set<String>()
        var pending = modules
        while let module = pending.popLast() {
            guard seen.insert(module).inserted else { continue }
            pending += plan.targetDependencyMap[module] ?? []
        }
        return seen
    }

    /// Every combination of `modules`, the empty one first.
    static func subsets(of modules: [String]) -> [[String]] {
        modules.reduce([[]]) { subsets, module in subsets + subsets.map { $0 + [module] } }
    }

    /// Each module's object files, as the last build's llbuild manifest (`.build/<configuration>.yaml`)
    /// names them. Not a listing of the build folders: SwiftPM leaves the objects of deleted or
    /// moved sources there, and linking those would define their symbols twice.
    static func plannedObjectFiles(manifest text: String, buildDirectory: URL) -> [String: [String]] {
        let prefix = buildDirectory.path + "/"
        var objects: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("    outputs: [") {
            guard let start = line.firstIndex(of: "["),
                  let paths = try? JSONDecoder().decode([String].self, from: Data(line[start...].utf8))
            else { continue }
            for path in paths where path.hasSuffix(".o") && path.hasPrefix(prefix) {
                let folder = path.dropFirst(prefix.count).prefix { $0 != "/" }
                guard folder.hasSuffix(".build") else { continue }
                objects[String(folder.dropLast(".build".count)), default: []].insert(path)
            }
        }
        return objects.mapValues { $0.sorted() }
    }

    /// How swiftc finds the runtime's modules: the `.swiftmodule` folder, and the module maps and
    /// include folders of the C modules, exactly as SwiftPM passes them to the runtime's own targets.
    func compileFlags(plan: BuildPlan, modules: Set<String>) -> [String] {
        var flags = ["-I", buildDirectory.appendingPathComponent("Modules").path]
        var seen = Set<String>()
        for module in modules.sorted() {
            let arguments = plan.swiftTargetScanArgs[module] ?? []
            // The C flags arrive one `-Xcc` each: `-Xcc -fmodule-map-file=M`, `-Xcc -I -Xcc DIR`.
            let clang = arguments.indices.dropLast().filter { arguments[$0] == "-Xcc" }.map { arguments[$0 + 1] }
            for (index, value) in clang.enumerated() {
                var pair: [String] = []
                if value.hasPrefix("-fmodule-map-file=") {
                    pair = [value]
                } else if value == "-I", index + 1 < clang.count {
                    pair = [value, clang[index + 1]]
                } else if value.hasPrefix("-I"), value.count > 2 {
                    pair = [value]
                }
                guard !pair.isEmpty, seen.insert(pair.joined(separator: " ")).inserted else { continue }
                flags += pair.flatMap { ["-Xcc", $0] }
            }
        }
        return flags
    }

    /// The system libraries the runtime's packages ask SwiftPM to link (`linkerSettings`), read
    /// from the link command of the package's own test product, which links every module.
    static func linkFlags(manifest text: String) -> [String] {
        var flags: [String] = []
        for line in text.split(separator: "\n") where line.contains("\"-emit-executable\"") || line.contains("\"-emit-library\"") {
            guard let start = line.firstIndex(of: "["),
                  let arguments = try? JSONDecoder().decode([String].self, from: Data(line[start...].utf8))
            else { continue }
            for argument in arguments where argument.hasPrefix("-l") && !flags.contains(argument) {
                flags.append(argument)
            }
        }
        return flags
    }

    /// A response file swiftc reads with `@path`: one argument a line, quoted.
    static func responseFile(_ arguments: [String]) -> String {
        arguments.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: "\n") + "\n"
    }

    /// The newest modification time and count of `files`: changes whenever the build does.
    static func stamp(of files: [String]) -> String {
        let newest = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }.max()
        return "\(Int((newest ?? .distantPast).timeIntervalSince1970 * 1000))-\(files.count)"
    }
}
