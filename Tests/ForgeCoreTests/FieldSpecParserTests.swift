import ForgeCore
import Testing

@Suite struct FieldSpecParserTests {
    @Test(arguments: [
        ("title:string:required,max:200", Field(name: "title", type: .string, rules: [.required, .max(200)])),
        ("body:text:required", Field(name: "body", type: .text, rules: [.required])),
        ("views:integer:nullable", Field(name: "views", type: .integer, rules: [.nullable])),
        ("published:boolean", Field(name: "published", type: .boolean, rules: [])),
        ("published_at:datetime", Field(name: "published_at", type: .datetime, rules: [])),
        ("email:email:required,unique", Field(name: "email", type: .email, rules: [.required, .unique])),
        ("price:float:min:0,max:99.5", Field(name: "price", type: .float, rules: [.min(0), .max(99.5)])),
        ("status:string:default:draft,max:20", Field(name: "status", type: .string, rules: [.defaultValue("draft"), .max(20)])),
        ("rank:bigint:index", Field(name: "rank", type: .bigint, rules: [.index])),
        ("title:STRING:Required", Field(name: "title", type: .string, rules: [.required])),
        ("post:references/Post:on_delete:cascade", Field(name: "post_id", type: .reference, rules: [.onDelete(.cascade)], target: "Post")),
        ("editor:references/User:on_delete:set_null", Field(name: "editor_id", type: .reference, rules: [.onDelete(.setNull)], target: "User")),
    ])
    func parsesValidSpecs(spec: String, expected: Field) throws {
        #expect(try FieldSpecParser.parse(spec) == expected)
    }

    @Test(arguments: [
        ("price:flaot", .unknownType, "unknown type 'flaot' in 'price:flaot' (column 7) — did you mean 'float'?"),
        ("title:strng", .unknownType, "unknown type 'strng' in 'title:strng' (column 7) — did you mean 'string'?"),
        ("title:string:requird", .unknownRule, "unknown rule 'requird' in 'title:string:requird' (column 14) — did you mean 'required'?"),
        ("title:string:max:abc", .badNumber, "'abc' is not a number in rule 'max:abc' in 'title:string:max:abc' (column 18)"),
        ("title", .missingType, nil),
        ("title:string:required,nullable", .contradiction, nil),
        ("views:integer:min:10,max:5", .contradiction, nil),
        ("id:integer", .reservedName, nil),
        ("created_at:datetime", .reservedName, nil),
        ("class:string", .reservedName, nil),
        ("select:string", .reservedName, nil),
        ("1title:string", .invalidName, nil),
        ("Title:string", .invalidName, nil),
        ("done:boolean:max:3", .ruleNotApplicable, nil),
        ("views:integer:default:many", .badNumber, nil),
        ("views:integer:max:10,default:11", .contradiction, nil),
        ("title:string:required,", .unknownRule, nil),
        ("title:string:unique:yes", .unexpectedValue, nil),
        ("", .emptySpec, nil),
        ("post:references/Post:on_delete:cascde", .unknownRule,
         "rule 'on_delete' takes restrict, cascade, set_null, as in on_delete:cascade in 'post:references/Post:on_delete:cascde' (column 32) — did you mean 'cascade'?"),
        ("post:references/Post:required,on_delete:set_null", .contradiction, nil),
        ("title:string:on_delete:cascade", .ruleNotApplicable, nil),
    ] as [(String, FieldSpecError.Code, String?)])
    func rejectsBadSpecs(spec: String, code: FieldSpecError.Code, message: String?) {
        #expect {
            try FieldSpecParser.parse(spec)
        } throws: { error in
            guard let error = error as? FieldSpecError, error.code == code else { return false }
            return message.map { $0 == error.description } ?? !error.description.isEmpty
        }
    }

    @Test func rejectsDuplicateFieldNames() {
        #expect(throws: FieldSpecError.self) {
            try FieldSpecParser.parse(["title:string", "body:text", "title:text"])
        }
    }

    @Test func storesRulesAsTheyAreWritten() {
        let rules: [SpecRule] = [.required, .max(200), .min(0.5), .defaultValue("a:b")]
        #expect(rules.map(\.description) == ["required", "max:200", "min:0.5", "default:a:b"])
    }

    @Test func neverCrashesOnMutatedSpecs() {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("abcxyz_:,0123456789-.STRINGrequiredmaxmin ")
        let seeds = ["title:string:required,max:200", "views:integer:min:0", "email:email:unique", "a:boolean"]
        var rejected = 0
        for _ in 0..<5_000 {
            var characters = Array(seeds.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0...characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters.insert(alphabet.randomElement(using: &generator)!, at: index)
                case 1 where index < characters.count: characters.remove(at: index)
                default: if index < characters.count { characters[index] = alphabet.randomElement(using: &generator)! }
                }
            }
            do {
                _ = try FieldSpecParser.parse(String(characters))
            } catch {
                rejected += 1
                #expect(!error.description.isEmpty && !error.description.contains("\n"))
            }
        }
        #expect(rejected > 0)
    }
}

/// A deterministic generator so the randomized test is repeatable.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
