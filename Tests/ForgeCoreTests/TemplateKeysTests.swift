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
