import ForgeCore
import Foundation
import Testing

/// One spec string fastpy accepts, with the field forge must read from it.
struct FastpyCorpusEntry: Decodable, Sendable, CustomTestStringConvertible {
    var spec: String
    var field: Field
    /// The fastpy file the spec was taken from (`path@commit` for older revisions).
    var source: String

    var testDescription: String { spec }

    /// The rule names as written in the spec (`gte`, not `ge`), lowercased.
    var writtenRuleNames: [String] {
        let parts = spec.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return [] }
        return parts[2].split(separator: ",").map { String($0.prefix { $0 != ":" }).lowercased() }
    }

    /// `Fixtures/fastpy/corpus.json`: field specs collected from fastpy's docs, README and CLI.
    static func load() throws -> [FastpyCorpusEntry] {
        let url = repositoryRoot.appendingPathComponent("Fixtures/fastpy/corpus.json")
        return try JSONDecoder().decode([FastpyCorpusEntry].self, from: Data(contentsOf: url))
    }
}

/// forge's promise: every field spec fastpy accepts means the same in forge.
@Suite struct FastpyCorpusTests {
    @Test func corpusIsLargeAndCoversTheWholeFastpyGrammar() throws {
        let corpus = try FastpyCorpusEntry.load()
        #expect(corpus.count >= 60)

        let specs = corpus.map(\.spec)
        #expect(Set(specs).count == specs.count, "every spec appears once")

        // enum, references and many are forge's own payload types.
        let fastpyTypes = Set(FieldType.allCases).subtracting([.enumeration, .reference, .many])
        let coveredTypes = Set(corpus.map(\.field.type))
        #expect(coveredTypes == fastpyTypes, "types missing from the corpus: \(fastpyTypes.subtracting(coveredTypes).map(\.rawValue).sorted())")

        let coveredRules = Set(corpus.flatMap(\.writtenRuleNames))
        // on_delete is forge's own, for the references fastpy does not have.
        let missingRules = Set(SpecRule.names).subtracting(coveredRules).subtracting(["on_delete"])
        #expect(missingRules.isEmpty, "rules missing from the corpus: \(missingRules.sorted())")

        // fastpy has neither enums nor references, so no entry may expect their payloads.
        #expect(corpus.allSatisfy { $0.field.values == nil && $0.field.target == nil })
        #expect(corpus.allSatisfy { !$0.source.isEmpty })
    }

    /// Examples quoted in fastpy's docs and README (current or earlier revisions) that must stay in the corpus.
    @Test(arguments: [
        "title:string:required,max:200",
        "price:float:required,ge:0,le:9999.99",
        "user_id:integer:required,foreign:users.id",
        "is_active:boolean:default:true",
        "role:string:nullable,default:user",
        "quantity:integer:default:0,min:0",
        "rate:decimal:required,ge:0,le:1",
        "metadata:json:nullable",
        "email:email:required,unique,max:255",
        "age:integer:gt:0",
        "discount:float:lt:100",
        "rating:integer:le:5",
        "price:float:ge:0",
    ])
    func corpusKeepsDocumentedExample(spec: String) throws {
        #expect(try FastpyCorpusEntry.load().contains { $0.spec == spec })
    }

    @Test(arguments: try FastpyCorpusEntry.load())
    func forgeReadsFastpySpecTheSameWay(entry: FastpyCorpusEntry) throws {
        let field = try FieldSpecParser.parse(entry.spec)
        #expect(field == entry.field, "'\(entry.spec)' (from \(entry.source)) parsed as \(field)")
        // The rules round-trip through their spec text, as forge.yaml stores them.
        #expect(field.rules.map(\.description) == entry.field.rules.map(\.description))
    }

    /// Strings from fastpy's docs that forge rejects on purpose: fastpy accepts them but generates
    /// code that clashes or silently ignores the rule. Kept here so a change in either direction is seen.
    @Test(arguments: [
        ("created_at:datetime:default:now", FieldSpecError.Code.reservedName),
        ("deleted_at:datetime:nullable", .reservedName),
        ("tags:json:default:[]", .ruleNotApplicable),
        ("scopes:json:default:[]", .ruleNotApplicable),
        ("email:email:required,unique:contacts", .unexpectedValue),
    ])
    func rejectsFastpyExampleOnPurpose(spec: String, code: FieldSpecError.Code) {
        do throws(FieldSpecError) {
            let field = try FieldSpecParser.parse(spec)
            Issue.record("'\(spec)' was accepted as \(field); move it into Fixtures/fastpy/corpus.json")
        } catch {
            #expect(error.code == code, "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }
}
