@testable import ForgeCore
import Foundation
import Testing

@Suite struct ManifestTests {
    @Test func roundTripsThroughYAML() throws {
        var manifest = Manifest(appName: "blog")
        manifest.resources.append(Manifest.Resource(
            name: "Post", table: "posts", migration: "2026_01_01_000000_create_posts",
            fields: try FieldSpecParser.parse(["title:string:required,max:200", "views:integer:min:0"])
        ))
        let text = try manifest.yaml()
        #expect(text.contains("- max:200"))
        #expect(try Manifest.parse(text, path: "forge.yaml") == manifest)
    }

    @Test func refusesANewerFormat() {
        #expect(throws: ForgeError.self) {
            try Manifest.parse("version: 99\napp: {name: x, database: sqlite}\nresources: []\n", path: "forge.yaml")
        }
    }

    @Test func namesABadRuleInTheFile() {
        #expect {
            try Manifest.parse("""
            version: 1
            app: {name: x, database: sqlite}
            resources:
            - {name: Post, table: posts, migration: m, fields: [{name: title, type: string, rules: [requird]}]}
            """, path: "forge.yaml")
        } throws: { error in
            (error as? ForgeError)?.message.contains("requird") == true
        }
    }

    @Test func locatesTheProjectFromASubfolder() throws {
        let root = try makeScratchDirectory()
        try Manifest(appName: "shop").yaml().write(to: root.appendingPathComponent("forge.yaml"), atomically: true, encoding: .utf8)
        let nested = root.appendingPathComponent("Sources/App")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        #expect(try Project.locate(from: nested).manifest.app.name == "shop")
        #expect(throws: ForgeError.self) { try Project.locate(from: FileManager.default.temporaryDirectory) }
    }
}

@Suite struct ManifestWriterTests {
    @Test func quotesWhatYAMLWouldMisread() throws {
        var manifest = Manifest(appName: "shop", ids: .dual)
        manifest.inflections = ["cactus": "cactuses"]
        manifest.resources.append(Manifest.Resource(
            name: "Post", table: "posts", migration: "2026_01_01_000000_create_posts",
            fields: [
                Field(name: "status", type: .string, rules: [.defaultValue("yes: \"quoted\" # not a comment")]),
                Field(name: "flag", type: .boolean, rules: [.defaultValue("true")]),
                Field(name: "note", type: .text, rules: []),
            ],
            softDeletes: true
        ))
        let text = try manifest.yaml()
        #expect(try Manifest.parse(text, path: "forge.yaml") == manifest)
    }
}

@Suite struct ManifestReaderTests {
    @Test func readsWhatTheWriterWritesLikeYamsDoes() throws {
        var manifest = Manifest(appName: "shop", ids: .dual)
        manifest.inflections = ["cactus": "cactuses", "octopus": "octopodes"]
        for index in 1...3 {
            manifest.resources.append(Manifest.Resource(
                name: "Thing\(index)", table: "thing\(index)s", migration: "2026_01_0\(index)_000000_create_thing\(index)s",
                fields: try FieldSpecParser.parse(["name:string:required,max:80,default:a \"b\": c", "count:integer:min:0", "flag:boolean"]),
                softDeletes: index == 2
            ))
        }
        let text = try manifest.yaml()
        let fast = try #require(ManifestReader.read(text))
        #expect(fast == manifest)
        #expect(try Manifest.parseWithYams(text, path: "forge.yaml") == manifest)
    }

    /// The manifest has one schema, the Codable `Manifest`, and two fast paths: the hand writer
    /// and the line reader. On every forge.yaml among the golden files, all three agree: Yams
    /// and the reader read the same manifest, and the writer writes the file back byte for byte.
    @Test func theWriterTheReaderAndYamsAgreeOnEveryFixture() throws {
        let golden = repositoryRoot.appendingPathComponent("Fixtures/golden")
        let manifests = try FileManager.default.contentsOfDirectory(atPath: golden.path).sorted()
            .map { golden.appendingPathComponent("\($0)/forge.yaml.golden") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        #expect(manifests.count >= 6)
        for url in manifests {
            let text = try String(contentsOf: url, encoding: .utf8)
            let yams = try Manifest.parseWithYams(text, path: url.path)
            let fast = try #require(ManifestReader.read(text), "the line reader gave up on \(url.path)")
            #expect(fast == yams, "\(url.path)")
            #expect(try yams.yaml() == text, "\(url.path) is not what the writer writes")
        }
    }

    @Test func leavesOtherLayoutsToYams() throws {
        let flow = "version: 1\napp: {name: shop, database: sqlite}\nresources: []\n"
        #expect(ManifestReader.read(flow) == nil)
        #expect(try Manifest.parse(flow, path: "forge.yaml").app.name == "shop")
    }
}

@Suite struct StoredResourceCheckTests {
    @Test func aHandEditedResourceIsCheckedBeforeAnythingIsGenerated() throws {
        var manifest = Manifest(appName: "shop")
        manifest.resources = [
            Manifest.Resource(name: "Empty", table: "empties", migration: "2026_01_01_000000_create_empties", fields: []),
            Manifest.Resource(name: "Odd", table: "odds", migration: "2026_01_01_000001_create_odds",
                              fields: [Field(name: "status", type: .enumeration, values: [])]),
        ]
        let generator = ResourceGenerator(manifest: manifest, templates: builtInTemplates)
        #expect(throws: ForgeError.self) { try generator.plan(layer: .test, name: "Empty") }
        do {
            _ = try generator.plan(layer: .factory, name: "Odd")
            Issue.record("an enum without values was rendered")
        } catch {
            #expect(error.message.contains("forge.yaml: resource 'Odd'"), "\(error.message)")
        }
    }
}
