@testable import ForgeCore
import Foundation
import Mustache
import Testing

/// Templates are parsed in pieces (swift-mustache's parser is quadratic in a template's length);
/// the pieces must render exactly as the whole would.
@Suite struct TemplateChunksTests {
    func renderWhole(_ text: String, _ values: [String: Any]) throws -> String {
        try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text).render(values)
    }

    func renderPieces(_ text: String, _ values: [String: Any]) throws -> String {
        try TemplateChunks.split(text).map { try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + $0).render(values) }.joined()
    }

    @Test func everyBuiltInTemplateIsCutIntoPiecesThatRejoinToIt() throws {
        let root = try #require(builtInTemplates.builtIn)
        var cut = 0
        for name in builtInTemplates.builtInNames() {
            let text = try String(contentsOf: root.appendingPathComponent(name + ".mustache"), encoding: .utf8)
            let pieces = TemplateChunks.split(text)
            #expect(pieces.joined() == text, "\(name)")
            if pieces.count > 1 { cut += 1 }
        }
        #expect(cut > 3, "the long templates are the point of cutting")
    }

    @Test func sectionsStandaloneTagsAndCommentsRenderAsTheWholeDoes() throws {
        let line = String(repeating: "let x = { a in a } // filler\n", count: 40)
        let text = line + "{{#items}}\n    {{name}} {\n{{/items}}\n" + line + "  {{^empty}}\n  none\n  {{/empty}}\n"
            + line + "{{! a comment\n spanning lines }}\nstruct {{type}} {}\n" + line + "{{#flag}}yes{{/flag}}\nend\n"
        let values: [String: Any] = ["items": [["name": "a"], ["name": "b"]], "empty": false, "type": "Post", "flag": true]
        #expect(TemplateChunks.split(text).count > 3)
        #expect(try renderPieces(text, values) == renderWhole(text, values))
    }

    @Test func noPieceOpensWithAStandaloneTag() throws {
        // The first good place for a cut is just before an indented standalone section.
        let text = String(repeating: "x", count: TemplateChunks.pieceLength - 1) + "\n  {{#flag}}\n  yes\n  {{/flag}}\n"
            + String(repeating: "y", count: TemplateChunks.pieceLength) + "\n{{#flag}}\nno cut before me\n{{/flag}}\n"
        #expect(try renderPieces(text, ["flag": true]) == renderWhole(text, ["flag": true]))
    }

    @Test func aTemplateThatChangesDelimitersStaysWhole() {
        let text = String(repeating: "filler line\n", count: 200) + "{{=<% %>=}}\n<%name%>\n"
        #expect(TemplateChunks.split(text) == [text])
    }
}
