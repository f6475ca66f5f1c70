import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The OpenAPI document of an app with every field type, references, a many-to-many link and a
/// protected owned resource: `forge openapi` writes it, openapi-spec-validator accepts it, the
/// app serves the same bytes and a reference page, its paths are exactly the app's routes, and
/// schemathesis — every check on, a token it obtains through the API — finds nothing, and
/// swift-openapi-generator makes a client of it that works against the running app.
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct OpenAPIAppTests {
    /// The folder holding `st` and `openapi-spec-validator` (scripts/python-tools.sh makes it).
    static func pythonTools() throws -> URL {
        if let folder = ProcessInfo.processInfo.environment["FORGE_PYTHON_TOOLS"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        let made = try runCommand(["bash", "scripts/python-tools.sh"], in: repositoryRoot)
        guard made.status == 0, let line = made.output.split(separator: "\n").last else {
            throw CommandFailure(message: "scripts/python-tools.sh failed: \(made.output.suffix(2000))")
        }
        return URL(fileURLWithPath: String(line))
    }

    @Test func theDocumentIsValidServedExactlyAndSurvivesSchemathesis() async throws {
        let forge = try forgeBinary.path
        let tools = try Self.pythonTools()
        let folder = try prepareScratchApp(shape: "openapi", app: "shop")
        let app = folder.appendingPathComponent("shop")

        // Outside an app: the usual one-line error.
        let outside = try runCommand([forge, "openapi"], in: folder)
        #expect(outside.status != 0 && outside.output.contains("not inside a forge app"), "\(outside.output)")

        #expect(try runCommand([forge, "new", "shop"], in: folder).status == 0)
        try restoreBuildCache(folder: folder, app: "shop")
        let specs = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/every-type.specs"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        for command in [
            ["make:resource", "Category", "-f", "title:string:required,max:80"],
            ["make:resource", "Product"] + specs.flatMap { ["-f", $0] },
            ["make:resource", "Note", "-p", "--owned", "-f", "body:text:required", "-f", "pinned:boolean:default:false", "-f", "tags:many/Category"],
        ] {
            let made = try runCommand([forge] + command, in: app)
            #expect(made.status == 0, "\(command): \(made.output)")
        }

        // Written and validated, as JSON and as YAML.
        let json = try runCommand([forge, "openapi", "--output", "openapi.json"], in: app)
        #expect(json.status == 0 && json.output.contains("wrote openapi.json"), "\(json.output)")
        let yaml = try runCommand([forge, "openapi", "--output", "openapi.yaml"], in: app)
        #expect(yaml.status == 0, "\(yaml.output)")
        for file in ["openapi.json", "openapi.yaml"] {
            let valid = try runCommand([tools.appendingPathComponent("openapi-spec-validator").path, file], in: app)
            #expect(valid.status == 0 && valid.output.contains("OK"), "\(file): \(valid.output)")
        }
        let document = try Data(contentsOf: app.appendingPathComponent("openapi.json"))
        let printed = try runCommand([forge, "openapi"], in: app)
        #expect(printed.output == String(decoding: document, as: UTF8.self), "stdout and --output differ")

        // An output that cannot be written: one line, a failure, nothing left behind.
        let unwritable = try runCommand([forge, "openapi", "--output", "missing/folder/openapi.json"], in: app)
        #expect(unwritable.status == 1 && unwritable.output.split(separator: "\n").count == 1, "\(unwritable.output)")
        #expect(unwritable.output.contains("cannot write missing/folder/openapi.json"), "\(unwritable.output)")
        #expect(!FileManager.default.fileExists(atPath: app.appendingPathComponent("missing").path))

        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        #expect(try runCommand([forge, "db:migrate"], in: app).status == 0)

        // The document's paths are the app's routes, method for method.
        let routes = try runCommand([forge, "route:list", "--json"], in: app)
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(routes.output.utf8)) as? [[String: Any]])
        let routed = Set(listed.map { "\(($0["method"] as? String ?? "").lowercased()) \($0["path"] as? String ?? "")" })
        let parsed = try #require(try JSONSerialization.jsonObject(with: document) as? [String: Any])
        let paths = try #require(parsed["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, item in item.keys.filter { $0 != "parameters" }.map { "\($0) \(path)" } })
        #expect(routed == described, "routes not described: \(routed.subtracting(described).sorted()); described but not routed: \(described.subtracting(routed).sorted())")

        let server = try await LiveServer.start(forge: forge, app: app, environment: [
            "RATE_LIMIT": "off", "BCRYPT_COST": "4", "LOGIN_LIMIT": "100000/60",
        ])
        defer { server.stop() }

        // Served byte for byte; the reference is one page with nothing fetched from elsewhere.
        let (served, response) = try await URLSession.shared.data(from: try #require(URL(string: "\(server.base)/openapi.json")))
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(served == document, "GET /openapi.json differs from forge openapi")
        let (page, pageResponse) = try await URLSession.shared.data(from: try #require(URL(string: "\(server.base)/docs")))
        let html = String(decoding: page, as: UTF8.self)
        #expect((pageResponse as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/html") == true)
        #expect(html.contains("createProduct") && html.contains("<code>/api/notes/{id}/tags/{tag_id}</code>") && html.contains("NoteCreate"))
        #expect(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"), "the reference loads nothing from elsewhere")

        // schemathesis: every check, every phase, a bounded number of examples per operation.
        // The config names its hooks relative to the folder schemathesis runs in: the scratch folder,
        // so its caches stay out of the repository.
        let setup = repositoryRoot.appendingPathComponent("Tests/ForgeEndToEndTests/Schemathesis")
        for file in ["schemathesis.toml", "hooks.py"] {
            let copy = folder.appendingPathComponent(file)
            try? FileManager.default.removeItem(at: copy)
            try FileManager.default.copyItem(at: setup.appendingPathComponent(file), to: copy)
        }
        let config = folder.appendingPathComponent("schemathesis.toml")
        let started = Date()
        let attack = try runCommand([
            "timeout", "300", tools.appendingPathComponent("st").path, "--config-file", config.path,
            "run", "\(server.base)/openapi.json", "--checks", "all", "--max-examples", "20",
            "--workers", "1", "--seed", "20261204", "--continue-on-failure", "--no-shrink", "--request-timeout", "10",
        ], in: folder)
        let summary = attack.output.split(separator: "\n").suffix(30).joined(separator: "\n")
        print("schemathesis in \(Int(Date().timeIntervalSince(started))) s:\n\(summary)")
        #expect(attack.status == 0, "\(attack.output.suffix(12000))")
        #expect(attack.output.contains("No issues found") || !attack.output.contains("Failures:"), "\(summary)")

        try consumeWithSwiftOpenAPIGenerator(document: document, server: server.base)
    }

    /// swift-openapi-generator makes a client from the document with no diagnostics; the client
    /// compiles without warnings in Swift 6 mode and creates, lists and fetches a row of the
    /// running app (Fixtures/openapi-client).
    func consumeWithSwiftOpenAPIGenerator(document: Data, server: String) throws {
        let generatorPackage = try Self.scratchPackage("openapi-generator")
        let generatorBuild = try runCommand(["swift", "build", "-c", "release", "--product", "swift-openapi-generator"], in: generatorPackage)
        try #require(generatorBuild.status == 0, "\(generatorBuild.output.suffix(4000))")
        let generator = generatorPackage.appendingPathComponent(".build/release/swift-openapi-generator").path

        let client = try Self.scratchPackage("openapi-client")
        try document.write(to: client.appendingPathComponent("openapi.json"))
        let generated = client.appendingPathComponent("Sources/Client/Generated")
        try? FileManager.default.removeItem(at: generated)
        try FileManager.default.createDirectory(at: generated, withIntermediateDirectories: true)
        let generation = try runCommand([
            generator, "generate", "--config", "openapi-generator-config.yaml", "--output-directory", generated.path,
            "--diagnostics-output-path", "diagnostics.yaml", "openapi.json",
        ], in: client)
        try #require(generation.status == 0, "\(generation.output.suffix(4000))")
        let diagnostics = try String(contentsOf: client.appendingPathComponent("diagnostics.yaml"), encoding: .utf8)
        #expect(diagnostics.hasPrefix("diagnostics: []"), "swift-openapi-generator reported:\n\(diagnostics.prefix(4000))")

        let build = try runCommand(["swift", "build"], in: client)
        try #require(build.status == 0, "\(build.output.suffix(4000))")
        let warnings = build.output.split(separator: "\n").filter { $0.contains("warning:") && $0.contains(client.path + "/Sources") }
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
        let run = try runCommand([client.appendingPathComponent(".build/debug/Client").path, server], in: client)
        #expect(run.status == 0 && run.output.contains("created, listed and fetched category"), "\(run.output)")
    }

    /// `.build-e2e/NAME` holding exactly Fixtures/NAME's files, its `.build` kept between runs.
    static func scratchPackage(_ name: String) throws -> URL {
        let fileManager = FileManager.default
        let source = repositoryRoot.appendingPathComponent("Fixtures/\(name)")
        let destination = repositoryRoot.appendingPathComponent(".build-e2e/\(name)")
        try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
        for entry in try fileManager.contentsOfDirectory(atPath: destination.path) where entry != ".build" {
            try fileManager.removeItem(at: destination.appendingPathComponent(entry))
        }
        for entry in try fileManager.contentsOfDirectory(atPath: source.path) {
            try fileManager.copyItem(at: source.appendingPathComponent(entry), to: destination.appendingPathComponent(entry))
        }
        return destination
    }
}
