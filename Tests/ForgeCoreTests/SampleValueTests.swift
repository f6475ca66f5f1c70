@testable import ForgeCore
import Testing

/// Generated tests send sample values; a value that breaks its own field's rules would make a
/// freshly generated test fail.
@Suite struct SampleValueTests {
    @Test(arguments: [
        "priority:integer:min:1,max:5", "score:integer:max:3", "level:integer:min:100",
        "ratio:float:min:0,max:1", "code:string:max:3", "name:string:min:20,max:40", "slug:string:max:1",
        "body:text:min:80", "count:bigint:min:-5,max:-1",
    ])
    func samplesObeyTheirBounds(spec: String) throws {
        let field = try FieldSpecParser.parse(spec)
        for variant in 1...2 {
            let literal = ResourceContext.sample(field, variant: variant)
            switch field.type.measure {
            case .value:
                let value = try #require(Double(literal))
                #expect(value >= field.minBound ?? -.infinity && value <= field.maxBound ?? .infinity, "\(spec) → \(literal)")
            case .length:
                let length = literal.count - 2
                #expect(Double(length) >= field.minBound ?? 0 && Double(length) <= field.maxBound ?? .infinity, "\(spec) → \(literal)")
            case .none:
                break
            }
        }
    }

    @Test func variantsDifferWhereTheBoundsAllow() throws {
        let field = try FieldSpecParser.parse("priority:integer:min:1,max:5")
        #expect(ResourceContext.sample(field, variant: 1) != ResourceContext.sample(field, variant: 2))
    }
}
