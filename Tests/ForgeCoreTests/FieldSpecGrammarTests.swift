import ForgeCore
import Testing

/// The grammar beyond fastpy's: enums, references, value bounds, foreign keys, and the errors
/// every bad spec must give (code, offending token, its column, a suggestion, one line).
@Suite struct FieldSpecGrammarTests {
    // MARK: - Enums

    @Test(arguments: [
        ("status:enum/draft/published", Field(name: "status", type: .enumeration, values: ["draft", "published"])),
        ("status:ENUM/draft/published", Field(name: "status", type: .enumeration, values: ["draft", "published"])),
        ("status:enum/draft/published:required,default:draft",
         Field(name: "status", type: .enumeration, rules: [.required, .defaultValue("draft")], values: ["draft", "published"])),
        ("priority:enum/low/normal/high:index", Field(name: "priority", type: .enumeration, rules: [.index], values: ["low", "normal", "high"])),
        ("level:enum/a1/b_2/c", Field(name: "level", type: .enumeration, values: ["a1", "b_2", "c"])),
        ("state:enum/on:nullable,unique", Field(name: "state", type: .enumeration, rules: [.nullable, .unique], values: ["on"])),
    ])
    func parsesEnums(spec: String, expected: Field) throws {
        #expect(try FieldSpecParser.parse(spec) == expected)
    }

    // MARK: - References

    @Test(arguments: [
        ("author:references/User", Field(name: "author_id", type: .reference, target: "User")),
        ("author_id:references/User", Field(name: "author_id", type: .reference, target: "User")),
        ("user_id:references", Field(name: "user_id", type: .reference, target: "User")),
        ("owner:references", Field(name: "owner_id", type: .reference, target: "Owner")),
        ("blog_post:references", Field(name: "blog_post_id", type: .reference, target: "BlogPost")),
        ("author:belongs_to/User", Field(name: "author_id", type: .reference, target: "User")),
        ("author:References/User:required,index", Field(name: "author_id", type: .reference, rules: [.required, .index], target: "User")),
        ("reviewer:references/User:nullable", Field(name: "reviewer_id", type: .reference, rules: [.nullable], target: "User")),
        ("category:references/BlogCategory", Field(name: "category_id", type: .reference, target: "BlogCategory")),
    ])
    func parsesReferences(spec: String, expected: Field) throws {
        let field = try FieldSpecParser.parse(spec)
        #expect(field == expected)
        #expect(field.relation == String(expected.name.dropLast(3)).camelCased)
    }

    /// `user` alone is an SQL keyword, but the column a reference makes is `user_id`.
    @Test func userReferenceBecomesUserId() throws {
        let field = try FieldSpecParser.parse("user:references")
        #expect(field == Field(name: "user_id", type: .reference, target: "User"))
    }

    // MARK: - Bounds and foreign keys

    @Test(arguments: [
        ("price:float:gt:0", [SpecRule.gt(0)], ["gt:0"]),
        ("price:float:ge:0", [.ge(0)], ["ge:0"]),
        ("price:float:gte:0", [.ge(0)], ["ge:0"]),
        ("price:float:lt:10", [.lt(10)], ["lt:10"]),
        ("price:float:le:10", [.le(10)], ["le:10"]),
        ("price:float:lte:10", [.le(10)], ["le:10"]),
        ("price:float:GTE:1,LTE:2", [.ge(1), .le(2)], ["ge:1", "le:2"]),
        ("price:money:gt:0,lte:9999.99", [.gt(0), .le(9999.99)], ["gt:0", "le:9999.99"]),
        ("ratio:decimal:ge:-1.5,le:1.5", [.ge(-1.5), .le(1.5)], ["ge:-1.5", "le:1.5"]),
        ("temp:float:gt:-273.15", [.gt(-273.15)], ["gt:-273.15"]),
        ("views:integer:gte:0,ge:0", [.ge(0)], ["ge:0"]),
        ("rank:bigint:lt:1000000,min:1", [.lt(1_000_000), .min(1)], ["lt:1000000", "min:1"]),
        ("user_id:integer:foreign:users.id", [.foreign(table: "users", column: "id")], ["foreign:users.id"]),
        ("owner_id:bigint:required,foreign:users.id", [.required, .foreign(table: "users", column: "id")], ["required", "foreign:users.id"]),
        ("category_id:integer:nullable,foreign:blog_categories.id",
         [.nullable, .foreign(table: "blog_categories", column: "id")], ["nullable", "foreign:blog_categories.id"]),
    ] as [(String, [SpecRule], [String])])
    func parsesBoundsAndForeignKeys(spec: String, rules: [SpecRule], written: [String]) throws {
        let field = try FieldSpecParser.parse(spec)
        #expect(field.rules == rules)
        #expect(field.rules.map(\.description) == written)
    }

    @Test func boundsCombineIntoTheTightestRange() throws {
        let field = try FieldSpecParser.parse("score:float:gt:0,ge:0,min:-5,lt:10,le:10,max:20")
        #expect(field.lowerBound?.value == 0 && field.lowerBound?.inclusive == false)
        #expect(field.upperBound?.value == 10 && field.upperBound?.inclusive == false)
        let foreign = try FieldSpecParser.parse("user_id:integer:foreign:users.id")
        #expect(foreign.foreignKey?.table == "users" && foreign.foreignKey?.column == "id")
        #expect(foreign.isIndexed)
    }

    // MARK: - Rejections

    /// One spec forge must refuse, and how.
    struct Rejection: Sendable, CustomTestStringConvertible {
        var spec: String
        var code: FieldSpecError.Code
        var token: String?
        var column: Int?
        var suggestion: String?
        var message: String?

        init(_ spec: String, _ code: FieldSpecError.Code, token: String? = nil, column: Int? = nil,
             suggestion: String? = nil, message: String? = nil) {
            self.spec = spec
            self.code = code
            self.token = token
            self.column = column
            self.suggestion = suggestion
            self.message = message
        }

        var testDescription: String { "'\(spec)' → .\(code.rawValue)" }
    }

    @Test(arguments: [
        // Enums.
        Rejection("status:enum/Draft", .invalidName, token: "Draft", column: 13, suggestion: "draft"),
        Rejection("status:enum/draft/Published", .invalidName, token: "Published", column: 19, suggestion: "published"),
        Rejection("status:enum/in-review", .invalidName, token: "in-review", column: 13, suggestion: "in_review"),
        Rejection("status:enum/9lives", .invalidName, token: "9lives", column: 13),
        Rejection("status:enum/draft/draft", .duplicateField, token: "draft", column: 19),
        Rejection("status:enum", .missingValue, token: "enum", column: 8),
        Rejection("status:enum/", .invalidName, token: "", column: 13),
        Rejection("status:enum//x", .invalidName, token: "", column: 13),
        Rejection("status:enum/draft/published:default:archived", .contradiction, token: "default:archived", column: 29,
                  message: "default 'archived' is not one of draft, published in 'status:enum/draft/published:default:archived' (column 29)"),
        Rejection("status:enum/draft:max:3", .ruleNotApplicable, token: "max:3", column: 19),
        // References.
        Rejection("x:references/a/b", .unexpectedValue, token: "references/a/b", column: 3),
        Rejection("author:references/user", .invalidReference, token: "user", column: 19, suggestion: "User"),
        Rejection("author:references/User/Post", .unexpectedValue, token: "references/User/Post", column: 8),
        Rejection("author:references/User:default:1", .ruleNotApplicable, token: "default:1", column: 24),
        Rejection("title:string/x", .unexpectedValue, column: 13),
        // Unknown names, with the token, its column and a suggestion.
        Rejection("price:mony", .unknownType, token: "mony", column: 7, suggestion: "money",
                  message: "unknown type 'mony' in 'price:mony' (column 7) — did you mean 'money'?"),
        Rejection("title:strng:required", .unknownType, token: "strng", column: 7, suggestion: "string"),
        Rejection("at:datetme", .unknownType, token: "datetme", column: 4, suggestion: "datetime"),
        Rejection("title:string:requird", .unknownRule, token: "requird", column: 14, suggestion: "required"),
        Rejection("title:string:required,uniqe", .unknownRule, token: "uniqe", column: 23, suggestion: "unique"),
        Rejection("title:string:required,", .unknownRule, token: "", column: 23),
        // Numbers.
        Rejection("title:string:max:abc", .badNumber, token: "abc", column: 18,
                  message: "'abc' is not a number in rule 'max:abc' in 'title:string:max:abc' (column 18)"),
        Rejection("price:money:required,max:abc", .badNumber, token: "abc", column: 26),
        Rejection("price:float:ge:", .missingValue, token: "ge:", column: 13),
        Rejection("price:money:ge", .missingValue, token: "ge", column: 13),
        Rejection("views:integer:max:1.5", .badNumber, token: "max:1.5", column: 15),
        Rejection("views:integer:gt:1.5", .badNumber, token: "gt:1.5", column: 15),
        Rejection("title:string:max:-1", .badNumber, token: "max:-1", column: 14),
        Rejection("title:string:max:nan", .badNumber, token: "nan", column: 18),
        // Contradictions.
        Rejection("title:string:required,nullable", .contradiction, token: "nullable", column: 23),
        Rejection("bio:text:nullable,required", .contradiction, token: "nullable", column: 10),
        Rejection("title:string:min:10,max:5", .contradiction, token: "min:10", column: 14,
                  message: "min 10 is greater than max 5 in 'title:string:min:10,max:5' (column 14)"),
        Rejection("views:integer:min:10,max:5", .contradiction, token: "max:5", column: 22),
        Rejection("views:integer:gt:5,lt:5", .contradiction, token: "lt:5", column: 20),
        Rejection("views:integer:ge:6,le:5", .contradiction, token: "le:5", column: 20),
        Rejection("views:integer:min:1,default:0", .contradiction, token: "default:0", column: 21,
                  message: "default 0 must be at least 1 in 'views:integer:min:1,default:0' (column 21)"),
        Rejection("views:integer:gt:0,default:0", .contradiction, token: "default:0", column: 20),
        Rejection("share:percent:default:101", .contradiction, token: "default:101", column: 15),
        Rejection("views:integer:default:2147483648", .contradiction, token: "default:2147483648", column: 15),
        Rejection("code:string:max:3,default:abcd", .contradiction, token: "default:abcd", column: 19,
                  message: "default 'abcd' must be at most 3 characters in 'code:string:max:3,default:abcd' (column 19)"),
        Rejection("views:integer:lt:10,default:10", .contradiction, token: "default:10", column: 21,
                  message: "default 10 must be less than 10 in 'views:integer:lt:10,default:10' (column 21)"),
        // Rules on the wrong type.
        Rejection("title:string:gt:5", .ruleNotApplicable, token: "gt:5", column: 14),
        Rejection("title:string:lt:5", .ruleNotApplicable, token: "lt:5", column: 14),
        Rejection("done:boolean:le:1", .ruleNotApplicable, token: "le:1", column: 14),
        Rejection("done:boolean:max:3", .ruleNotApplicable, token: "max:3", column: 14),
        Rejection("title:string:foreign:users.id", .ruleNotApplicable, token: "foreign:users.id", column: 14),
        Rejection("price:float:foreign:users.id", .ruleNotApplicable, token: "foreign:users.id", column: 13),
        Rejection("user_id:integer:foreign:users.email", .ruleNotApplicable, token: "foreign:users.email", column: 17),
        Rejection("user_id:integer:foreign:users", .missingValue, token: "foreign:users", column: 17),
        Rejection("user_id:integer:foreign:Users.id", .missingValue, token: "foreign:Users.id", column: 17),
        Rejection("body:text:unique", .ruleNotApplicable, token: "unique", column: 11),
        Rejection("data:json:unique", .ruleNotApplicable, token: "unique", column: 11),
        Rejection("data:json:index", .ruleNotApplicable, token: "index", column: 11),
        Rejection("published_at:datetime:default:now", .ruleNotApplicable, token: "default:now", column: 23),
        Rejection("title:string:unique:yes", .unexpectedValue, token: "unique:yes", column: 14),
        // Reserved words.
        Rejection("class:string", .reservedName, token: "class", column: 1),
        Rejection("select:string", .reservedName, token: "select", column: 1),
        Rejection("id:integer", .reservedName, token: "id", column: 1),
        Rejection("created_at:datetime", .reservedName, token: "created_at", column: 1),
        Rejection("updated_at:datetime:nullable", .reservedName, token: "updated_at", column: 1),
        Rejection("func:string", .reservedName, token: "func", column: 1),
        Rejection("order:integer", .reservedName, token: "order", column: 1),
        // Defaults that break the type's own format.
        Rejection("price:money:default:1.23456", .badNumber, token: "default:1.23456", column: 13),
        Rejection("due:date:default:2026-13-01", .badNumber, token: "default:2026-13-01", column: 10,
                  message: "default '2026-13-01' must be a date like 2026-01-31 in 'due:date:default:2026-13-01' (column 10)"),
        // The runtime's own format checks (ForgeShared), with its messages: a default the API
        // would refuse is refused here.
        Rejection("origin:ip:default:999.1.1.1", .badNumber, token: "default:999.1.1.1", column: 11,
                  message: "default '999.1.1.1' must be an IPv4 or IPv6 address in 'origin:ip:default:999.1.1.1' (column 11)"),
        Rejection("contact:email:default:a@b", .badNumber, token: "default:a@b", column: 15,
                  message: "default 'a@b' must be an email address in 'contact:email:default:a@b' (column 15)"),
        Rejection("site:url:default:https://", .badNumber, token: "default:https://", column: 10),
        Rejection("phone:phone:default:12-ab-3456", .badNumber, token: "default:12-ab-3456", column: 13),
        Rejection("handle:slug:default:My-Post", .badNumber, token: "default:My-Post", column: 13),
        Rejection("cover:image:default:cover.txt", .badNumber, token: "default:cover.txt", column: 13),
        Rejection("due:date:default:2026-01-32", .badNumber, token: "default:2026-01-32", column: 10),
        Rejection("opens:time:default:25:00", .badNumber, token: "default:25:00", column: 12),
        Rejection("done:boolean:default:yes", .badNumber, token: "default:yes", column: 14),
        Rejection("views:integer:default:many", .badNumber, token: "default:many", column: 15),
        Rejection("site:url:default:ftp://x", .badNumber, token: "default:ftp://x", column: 10),
        Rejection("tint:color:default:red", .badNumber, token: "default:red", column: 12),
        // Names and shape.
        Rejection("", .emptySpec, column: 1),
        Rejection("title", .missingType, token: "title", column: 6),
        Rejection("title:", .missingType, token: "title", column: 6),
        Rejection("Title:string", .invalidName, token: "Title", column: 1, suggestion: "title"),
        Rejection("1title:string", .invalidName, token: "1title", column: 1),
        Rejection("blog-post:string", .invalidName, token: "blog-post", column: 1, suggestion: "blog_post"),
    ])
    func rejects(_ expected: Rejection) {
        do throws(FieldSpecError) {
            let field = try FieldSpecParser.parse(expected.spec)
            Issue.record("'\(expected.spec)' was accepted as \(field)")
        } catch {
            #expect(error.code == expected.code, "\(error.description)")
            #expect(error.spec == expected.spec)
            if let token = expected.token { #expect(error.token == token, "\(error.description)") }
            if let column = expected.column { #expect(error.column == column, "\(error.description)") }
            #expect(error.suggestion == expected.suggestion, "\(error.description)")
            if let message = expected.message { #expect(error.description == message) }
            #expect(!error.description.isEmpty)
            #expect(!error.description.contains("\n"), "not one line: \(error.description)")
            if let suggestion = error.suggestion { #expect(error.description.hasSuffix("did you mean '\(suggestion)'?")) }
        }
    }

    // MARK: - Randomized

    /// Valid pieces to build specs from, some of them deliberately wrong, before mutation.
    static let names = ["title", "status", "author", "author_id", "price", "x", "a1", "user_id", "class", "id", "Bad-Name", "created_at", ""]
    static let types = FieldType.names + FieldType.names.map { $0.uppercased() } + [
        "enum/a/b", "enum/draft/published", "enum/Draft", "enum", "enum/", "enum/a/a", "references/User", "references",
        "references/user", "references/a/b", "belongs_to/User", "mony", "str", "string/x", "",
    ]
    static let arguments = ["0", "1", "-1", "1.5", "200", "9999.99", "abc", "", "1e400", "nan", "inf", "0x10", "+5", ".5",
                            "users.id", "users.email", "users", "true", "draft", "a", "2026-01-31", "2026-13-01", "09:30", "#ff0000"]

    static func randomSpec(using generator: inout GrammarRandom) -> String {
        var spec = names.randomElement(using: &generator)! + ":" + types.randomElement(using: &generator)!
        let ruleCount = Int.random(in: 0...4, using: &generator)
        if ruleCount > 0 {
            let rules = (0..<ruleCount).map { _ in
                let name = SpecRule.names.randomElement(using: &generator)!
                return Bool.random(using: &generator) ? name : name + ":" + arguments.randomElement(using: &generator)!
            }
            spec += ":" + rules.joined(separator: ",")
        }
        return spec
    }

    static func mutate(_ spec: String, using generator: inout GrammarRandom) -> String {
        let alphabet = Array(":,/#[]{}.-_ \t0123456789aZzé😀\u{301}")
        var characters = Array(spec)
        for _ in 0..<Int.random(in: 0...3, using: &generator) {
            let index = Int.random(in: 0...characters.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0:
                characters.insert(alphabet.randomElement(using: &generator)!, at: index)
            case 1 where index < characters.count:
                characters.remove(at: index)
            case 2 where index + 1 < characters.count:
                characters.swapAt(index, index + 1)
            default:
                if index < characters.count { characters[index] = alphabet.randomElement(using: &generator)! }
            }
        }
        return String(characters)
    }

    /// The spec text of a parsed field, as forge.yaml would store it.
    static func respell(_ field: Field) -> String {
        var type = field.type.rawValue
        if let values = field.values { type += "/" + values.joined(separator: "/") }
        if let target = field.target { type += "/" + target }
        let rules = field.rules.map(\.description).joined(separator: ",")
        return rules.isEmpty ? "\(field.name):\(type)" : "\(field.name):\(type):\(rules)"
    }

    @Test func neverCrashesAndExplainsEveryRejectionOnOneLine() {
        var generator = GrammarRandom(seed: 0x5EED_F0E6)
        var accepted = 0, rejected = 0
        for _ in 0..<10_000 {
            let spec = Self.mutate(Self.randomSpec(using: &generator), using: &generator)
            do throws(FieldSpecError) {
                let field = try FieldSpecParser.parse(spec)
                accepted += 1
                #expect(!field.name.isEmpty && field.name == field.name.snakeCased, "\(spec)")
                #expect(!(field.isRequired && field.isNullable), "\(spec)")
                #expect(field.rules.count == Set(field.rules.map(\.description)).count, "duplicate rules from \(spec)")
                switch field.type {
                case .enumeration: #expect(field.values?.isEmpty == false && field.target == nil, "\(spec)")
                case .reference: #expect(field.target != nil && field.values == nil && field.name.hasSuffix("_id"), "\(spec)")
                case .many: #expect(field.target != nil && field.values == nil && field.rules.isEmpty, "\(spec)")
                default: #expect(field.values == nil && field.target == nil, "\(spec)")
                }
                // What forge writes back must read as the same field.
                #expect((try? FieldSpecParser.parse(Self.respell(field))) == field, "'\(spec)' respelled as '\(Self.respell(field))'")
            } catch {
                rejected += 1
                #expect(error.spec == spec)
                #expect(!error.reason.isEmpty && !error.description.isEmpty, "\(spec)")
                #expect(!error.description.contains("\n") && !error.description.contains("\r"), "not one line: \(error.description)")
                #expect(error.column >= 1 && error.column <= spec.count + 1, "column \(error.column) outside '\(spec)'")
            }
        }
        #expect(accepted > 250, "the generator should reach valid specs too")
        #expect(rejected > 500)
    }

    /// A spec pasted with a line break (a YAML block, a shell continuation) is refused with a
    /// one-line message that shows the break escaped.
    @Test(arguments: ["title:str\ning", "title:string:required,\nmax:200", "status:enum/draft/\npublished", "ti\ntle:string"])
    func rejectsSpecsWithLineBreaksOnOneLine(spec: String) {
        do throws(FieldSpecError) {
            let field = try FieldSpecParser.parse(spec)
            Issue.record("'\(spec)' was accepted as \(field)")
        } catch {
            #expect(!error.description.contains("\n"), "not one line: \(error.description)")
            #expect(error.column <= spec.count, "\(error.description)")
        }
    }
}

/// SplitMix64: a deterministic generator so the randomized test is repeatable.
struct GrammarRandom: RandomNumberGenerator {
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
