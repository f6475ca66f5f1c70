@testable import ForgeCore
import Testing

/// Specs at the edges of what a type holds: each is refused with a one-line error, or accepted
/// and rendered into literals, ranges and names that compile.
@Suite struct SpecEdgeTests {
    @Test(arguments: [
        ("title:string:max:1e19", FieldSpecError.Code.badNumber),
        ("title:string:max:0", .contradiction),
        ("contact:email:max:5", .contradiction),
        ("price:money:le:9999999999999.9999", .badNumber),
        ("ratio:float:default:.5", .badNumber),
        ("ratio:float:default:1e3", .badNumber),
        ("day:date:default:2026-02-31", .badNumber),
        ("opens:time:default:-1:30", .badNumber),
        ("count:integer:gt:1,lt:2", .contradiction),
        ("count:integer:min:3000000000", .contradiction),
        ("share:percent:min:150", .contradiction),
        ("done:boolean:unique", .ruleNotApplicable),
        ("class:references/Classroom", .reservedName),
    ])
    func refuses(spec: String, code: FieldSpecError.Code) {
        do throws(FieldSpecError) {
            let field = try FieldSpecParser.parse(spec)
            Issue.record("'\(spec)' was accepted as \(field)")
        } catch {
            #expect(error.code == code, "\(error.description)")
            #expect(!error.description.contains("\n"))
        }
    }

    static func context(_ specs: [String]) throws -> ResourceContext {
        let fields = try FieldSpecParser.parse(specs)
        let resource = Manifest.Resource(name: "Thing", table: "things", migration: "2026_01_01_000000_create_things", fields: fields)
        return try ResourceContext(resource: resource, manifest: Manifest(appName: "shop"), command: "test")
    }

    @Test func largeAndFineBoundsBecomePlainLiterals() throws {
        let context = try Self.context(["big:bigint:max:1000000000000000", "tiny:decimal:ge:0.071,le:0.079", "wide:bigint:min:2000000000000"])
        let fields = context.resource.fields
        #expect(context.valueRules(fields[0]) == [".max(1000000000000000)"])
        #expect(context.fakeExpression(fields[1]) == #"fake.decimal(in: "0.071"..."0.079", scale: 3)"#)
        #expect(context.fakeExpression(fields[2]) == "fake.bigint(in: 2000000000000...2000000001000)")
    }

    @Test func generatedNamesNeverShadowTypes() throws {
        let context = try Self.context(["type:enum/a/b", "date:enum/early/late", "status:enum/on/off"])
        #expect(context.resource.fields.map(ResourceContext.enumTypeName) == ["TypeValue", "DateValue", "Status"])
    }

    @Test func factoriesKeepFormatValuesShortAndUniqueValuesDistinct() throws {
        let context = try Self.context(["contact:email:max:20,unique", "opens:time:unique", "tone:color:unique", "level:enum/a/b:unique"])
        let fakes = context.resource.fields.map(context.fakeExpression)
        #expect(fakes == ["fake.email(unique: index, maxLength: 20)", "fake.time(unique: index)", "fake.color(unique: index)",
                          "fake.pick(Thing.Level.allCases, unique: index)"])
    }

    /// Every spec the randomized grammar test accepts renders literals without exponents and a
    /// non-empty factory range.
    @Test func acceptedNumberSpecsRenderCompilableLiterals() throws {
        for type in ["integer", "bigint", "float", "decimal", "money", "percent"] {
            for rules in ["gt:0", "ge:-5,lt:5", "le:0.5", "min:10,max:10", "gt:0.001,lt:0.002", "ge:99.99"] {
                guard let field = try? FieldSpecParser.parse("value:\(type):\(rules)") else { continue }
                let context = try Self.context([field.spec])
                let fake = context.fakeExpression(field)
                #expect(!fake.contains("e+") && !fake.contains("e-"), "\(field.spec) → \(fake)")
                let range = try #require(SpecValue.fittingRange(field), "\(field.spec)")
                #expect(range.low <= range.high, "\(field.spec)")
            }
        }
    }
}
