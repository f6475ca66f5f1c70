@testable import ForgeCore
import Foundation
import Testing

/// Generated tests send what factories make; a value that breaks its own field's rules would
/// make a freshly generated test fail (each generated app also checks 200 of its drafts).
@Suite struct FactoryValueTests {
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
    func fakeRangesObeyTheirBounds(spec: String) throws {
        let field = try FieldSpecParser.parse(spec)
        let context = try Self.context(for: [field])
        switch field.type.traits.measure {
        case .value:
            let (low, high) = context.fakeRange(field)
            #expect(low <= high && Self.accepts(low, field) && Self.accepts(high, field), "\(spec) → \(low)...\(high)")
        case .length:
            // `fake.text(length: A...B)`: every length drawn keeps the field's min and max.
            let fake = context.fakeExpression(field)
            let range = try #require(fake.split(separator: "length: ").last?.prefix { $0 != ")" && $0 != "," })
            let bounds = range.split(separator: ".").compactMap { Int($0) }
            #expect(bounds.count == 2 && bounds[0] <= bounds[1], "\(spec) → \(fake)")
            #expect(bounds[0] >= field.minLength ?? 0 && bounds[1] <= field.maxLength ?? .max, "\(spec) → \(fake)")
        case .none:
            break
        }
    }

    @Test func everyTypeHasAFake() throws {
        for type in FieldType.allCases where type != .reference && type != .many {
            let spec = type == .enumeration ? "value:enum/a/b" : "value:\(type.rawValue)"
            let field = try FieldSpecParser.parse(spec)
            let context = try Self.context(for: [field])
            #expect(context.fakeExpression(field).hasPrefix("fake."), "\(spec)")
        }
    }
}
