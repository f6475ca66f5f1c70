@testable import ForgeCore
import Foundation
import Testing

/// Generated tests send sample values and factories make fake ones; a value that breaks its
/// own field's rules would make a freshly generated test fail.
@Suite struct SampleValueTests {
    static func context(for fields: [Field]) throws -> ResourceContext {
        let resource = Manifest.Resource(name: "Thing", table: "things", migration: "2026_01_01_000000_create_things", fields: fields)
        return try ResourceContext(resource: resource, manifest: Manifest(appName: "shop"), command: "test")
    }

    static func accepts(_ value: Double, _ field: Field) -> Bool {
        let low = field.lowerBound.map { $0.inclusive ? value >= $0.value : value > $0.value } ?? true
        let high = field.upperBound.map { $0.inclusive ? value <= $0.value : value < $0.value } ?? true
        return low && high && (field.type.traits.range?.contains(value) ?? true)
    }

    @Test(arguments: [
        "priority:integer:min:1,max:5", "score:integer:max:3", "level:integer:min:100",
        "ratio:float:min:0,max:1", "code:string:max:3", "name:string:min:20,max:40", "slug:string:max:1",
        "body:text:min:80", "count:bigint:min:-5,max:-1", "weight:float:gt:0,lt:1", "price:money:gt:0,le:0.5",
        "share:percent:ge:99.5", "delta:decimal:lt:-10", "odd:integer:gt:4,lt:6",
    ])
    func samplesAndFakeRangesObeyTheirBounds(spec: String) throws {
        let field = try FieldSpecParser.parse(spec)
        let context = try Self.context(for: [field])
        for variant in 1...2 {
            let literal = context.sample(field, variant: variant)
            switch field.type.traits.measure {
            case .value:
                let value = try #require(Double(literal))
                #expect(Self.accepts(value, field), "\(spec) → \(literal)")
            case .length:
                let length = literal.count - 2
                #expect(length >= field.minLength ?? 0 && length <= field.maxLength ?? .max, "\(spec) → \(literal)")
            case .none:
                break
            }
        }
        if field.type.traits.measure == .value {
            let (low, high) = context.fakeRange(field)
            #expect(low <= high && Self.accepts(low, field) && Self.accepts(high, field), "\(spec) → \(low)...\(high)")
        }
    }

    @Test func variantsDifferWhereTheBoundsAllow() throws {
        let field = try FieldSpecParser.parse("priority:integer:min:1,max:5")
        let context = try Self.context(for: [field])
        #expect(context.sample(field, variant: 1) != context.sample(field, variant: 2))
    }

    @Test func everyTypeHasASampleAndAFake() throws {
        for type in FieldType.allCases where type != .reference {
            let spec = type == .enumeration ? "value:enum/a/b" : "value:\(type.rawValue)"
            let field = try FieldSpecParser.parse(spec)
            let context = try Self.context(for: [field])
            #expect(!context.sample(field, variant: 1).isEmpty, "\(spec)")
            #expect(context.fakeExpression(field).hasPrefix("fake."), "\(spec)")
        }
    }
}
