@testable import ForgeCore
import Foundation
import Testing

/// A tag its values cannot fill is an error, never empty text in a generated file.
@Suite struct TemplateKeysTests {
    @Test func aMisspeltKeyIsFound() {
        #expect(TemplateKeys.missing(in: "struct {{tpye}} {}", ["type": "Post"]) == ["tpye"])
        #expect(TemplateKeys.missing(in: "struct {{{type}}} {}", ["type": "Post"]) == [])
    }

    @Test func sectionsScopeTheirItemsAndSeeTheScopesAround() {
        let values: [String: Any] = ["type": "Post", "fields": [["column": "title"], ["column": "body", "optional": true]]]
        #expect(TemplateKeys.missing(in: "{{#fields}}{{column}} of {{type}}{{#optional}}?{{/optional}}{{/fields}}", values) == [])
        #expect(TemplateKeys.missing(in: "{{#fields}}{{colum}}{{/fields}}", values) == ["colum"])
        #expect(TemplateKeys.missing(in: "{{column}}", values) == ["column"], "an item's key is not visible outside its section")
    }

    @Test func aSectionThatDoesNotRenderIsNotLookedInto() {
        let values: [String: Any] = ["references": [[String: Any]](), "dualIDs": false]
        #expect(TemplateKeys.missing(in: "{{#references}}{{targetType}}{{/references}}", values) == [])
        #expect(TemplateKeys.missing(in: "{{#dualIDs}}{{publicId}}{{/dualIDs}}{{^dualIDs}}{{id}}{{/dualIDs}}", values) == ["id"])
        #expect(TemplateKeys.missing(in: "{{#softDeletes}}x{{/softDeletes}}", values) == ["softDeletes"])
    }

    @Test func aPublishedTemplateWithATypoStopsTheCommandNamingTheKey() throws {
        let root = try makeScratchDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let published = root.appendingPathComponent(".forge/templates/resource")
        try FileManager.default.createDirectory(at: published, withIntermediateDirectories: true)
        try Data("{{! forge-template 9 }}\nstruct {{tpye}}Response {}\n".utf8).write(to: published.appendingPathComponent("Response.swift.mustache"))
        let library = TemplateLibrary(directories: [root.appendingPathComponent(".forge/templates")] + builtInTemplates.directories)
        do {
            _ = try ResourceGenerator(manifest: Manifest(appName: "blog"), templates: library)
                .plan(name: "Post", specs: ["title:string:required"], date: Date(timeIntervalSince1970: 1_764_072_000))
            Issue.record("a template with an unknown key rendered")
        } catch {
            #expect(error.message.contains("uses {{tpye}}"), "\(error.message)")
            #expect(error.message.contains("did you mean 'type'?"), "\(error.message)")
        }
    }
}

/// Every tag of every built-in template names a value its typed context has, even inside a
/// section the golden files never render (a misspelt key there would otherwise ship).
@Suite struct TemplateContextTests {
    /// The keys, at any depth, of contexts with every list filled and every option on.
    static func keys(for template: String) throws -> Set<String> {
        let tree: [String: Any]
        switch template {
        case "resource/AlterMigration.swift":
            let resource = try ResourceValues.sample()
            let step = AlterMigrationValues.Step(.addColumn, table: "posts", column: "phone", type: ".text", constraints: [".notNull"])
            let direction = AlterResourceValues.Direction(
                function: "prepare", fills: [.init(column: "phone", value: "literal: 0")], inPlace: true, additions: [step],
                renames: [.init(from: "a", to: "b", last: true)], hasRenames: true, dualIDs: true, softDeletes: true, owned: true,
                fields: resource.fields, indexes: resource.indexes, postgres: [.init(column: "phone")],
                dropLinks: resource.links, changesTable: true, addsOwner: true, createLinks: resource.links)
            tree = try TemplateTree.of(AlterResourceValues(command: "forge", summary: "Alters.", migrationName: "m", migrationType: "M",
                                                           table: "posts", directions: [direction]))
        case let name where name.hasPrefix("resource/") || name == "component/DropTableMigration.swift":
            tree = try TemplateTree.of(try ResourceValues.sample())
        case "app/OpenAPI.swift":
            tree = try TemplateTree.of(OpenAPIValues(document: "{}"))
        case "app/Registry.swift":
            tree = try TemplateTree.of(RegistryValues(migrations: ["CreatePosts"], seeders: ["PostSeeder"], middleware: ["AuditMiddleware"],
                                                      registrations: [.init(type: "PostController", resource: true, service: "PostService", protected: true)],
                                                      hasProtected: true))
        case let name where name.hasPrefix("app/"):
            tree = try TemplateTree.of(AppValues(name: "shop", appType: "ShopApp", runtimePath: "/opt/forge", appSecret: "0", jwtSecret: "1",
                                                 postgres: true, auth: true, databaseURL: "postgres://", databaseName: "shop",
                                                 runtimeMode: "prebuilt", runtimeModules: AppValues.Module.list(["ForgeRuntime"]),
                                                 testModules: AppValues.Module.list(["ForgeTesting"])))
        case "component/AlterMigration.swift":
            let step = AlterMigrationValues.Step(.addColumn, table: "posts", column: "phone", type: ".text", constraints: [".notNull"])
            tree = try TemplateTree.of(AlterMigrationValues(command: "forge", summary: "Adds.", migrationName: "m", migrationType: "M",
                                                            prepare: [step], revert: [step]))
        case "component/Enum.swift":
            tree = try TemplateTree.of(EnumComponentValues(type: "Status", command: "forge", cases: [.init(name: "on", renamed: false, value: "on")]))
        case "component/Exception.swift":
            tree = try TemplateTree.of(ExceptionValues(type: "Gone", command: "forge", status: 410, code: "gone", message: "Gone"))
        default:
            tree = try TemplateTree.of(ComponentValues(type: "Audit", command: "forge", appType: "ShopApp", protected: true, path: "audit", variable: "audit"))
        }
        return TemplateKeys.allKeys(tree)
    }
    @Test(arguments: builtInTemplates.builtInNames())
    func everyTagNamesAValueOfItsContext(template: String) throws {
        let url = try #require(builtInTemplates.builtIn).appendingPathComponent(template + ".mustache")
        let unknown = TemplateKeys.names(in: try String(contentsOf: url, encoding: .utf8)).subtracting(try Self.keys(for: template))
        #expect(unknown.isEmpty, "\(template) uses \(unknown.sorted()), which its context does not have")
    }
}

extension ResourceValues {
    /// The every-type resource, protected, owned, soft-deleting, with dual ids: every option on.
    static func sample() throws -> ResourceValues {
        var manifest = Manifest(appName: "shop", auth: true)
        manifest = try ResourceGenerator(manifest: manifest, templates: builtInTemplates)
            .plan(name: "Category", specs: ["title:string:required", "parent_id:references/Category"], date: .now).manifest
        let specs = try String(contentsOf: repositoryRoot.appendingPathComponent("Fixtures/every-type.specs"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        let product = try ResourceGenerator(manifest: manifest, templates: builtInTemplates)
            .plan(name: "Product", specs: specs, softDeletes: true, protected: true, owned: true, date: .now).manifest
        let resource = try #require(product.resources.last)
        var values = try ResourceContext(resource: resource, manifest: product, command: "forge make:resource Product").values
        values.dualIDs = true
        // Nothing points at Product; a has-many side puts those sections' keys in view too.
        values.children = [.init(relation: "reviews", childType: "Review", childPluralVariable: "reviews", column: "product_id", key: "publicId",
                                childProperty: "productId", includeName: "reviews", hasResponse: true, childOwned: true)]
        values.includedChildren = values.children
        values.userReferences = [.init(column: "owner_id", property: "ownerId", idsProperty: "ownerIds", optional: false)]
        values.hasUserReferences = true
        values.hasIncludes = true
        return values
    }
}
