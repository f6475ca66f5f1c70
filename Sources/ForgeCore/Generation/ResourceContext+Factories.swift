import Foundation

/// Values generated code makes up: the factory's `Fake` calls and what the generated tests change.
extension ResourceContext {
    /// The `Fake` call that makes a valid value of `field` in a factory.
    func fakeExpression(_ field: Field) -> String {
        let unique = field.isUnique ? "unique: index" : nil
        func call(_ name: String, _ arguments: String?...) -> String {
            "fake.\(name)(\(arguments.compactMap { $0 }.joined(separator: ", ")))"
        }
        if field.foreignKey != nil {
            return call(field.isNotNull ? "pick" : "pickIfAny", "\(field.relation)Ids", unique)
        }
        switch field.type {
        case .string, .text:
            let low = max(field.minLength ?? 1, 1)
            let high = field.maxLength ?? field.type.traits.defaultLength ?? 2000
            return call(field.type == .text ? "paragraph" : "text", "length: \(low)...\(max(low, high))", unique)
        case .float:
            return call(field.type.traits.fake, fakeRangeArgument(field))
        case .integer, .bigint:
            return call(field.type.traits.fake, fakeRangeArgument(field), unique)
        case .decimal, .money, .percent:
            let scale = SpecValue.scale(of: field)
            return call(field.type.traits.fake, fakeRangeArgument(field), scale == 2 ? nil : "scale: \(scale)", unique)
        case .enumeration:
            return call("pick", "\(swiftType(field)).allCases", unique)
        case .boolean, .datetime, .uuid, .reference, .json, .many:
            return call(field.type.traits.fake)
        case .date, .time, .color:
            return call(field.type.traits.fake, unique)
        case .email, .url, .phone, .slug, .ip, .file, .image:
            return call(field.type.traits.fake, unique, field.maxLength.map { "maxLength: \($0)" })
        }
    }

    /// `in: low...high`, the values a number field's factory draws from.
    private func fakeRangeArgument(_ field: Field) -> String {
        let (low, high) = fakeRange(field)
        return "in: \(numberLiteral(low, for: field))...\(numberLiteral(high, for: field))"
    }

    /// A closed range of values a number field accepts (see ``SpecValue/fittingRange(_:)``).
    func fakeRange(_ field: Field) -> (Double, Double) {
        SpecValue.fittingRange(field) ?? (0, 0)
    }

    /// The field a generated test changes with PATCH: the first text-like one, else the first.
    var updateField: Field {
        columns.first { $0.type == .string || $0.type == .text } ?? columns.first { $0.foreignKey == nil } ?? columns[0]
    }

    /// The rows a generated test creates first, in order: one of every resource this one refers
    /// to (and of the ones those refer to), each made by its own factory, whose references
    /// point at rows of earlier steps.
    var referenceSetup: [ResourceValues.SetupStep] {
        var steps: [ResourceValues.SetupStep] = []
        var done: Set<String> = [resource.table]
        var made: Set<String> = []
        func visit(_ owner: Manifest.Resource) {
            for field in owner.fields {
                guard let target = manifest.target(of: field, owner: owner),
                      !done.contains(target.table) else { continue }
                done.insert(target.table)
                visit(target)
                guard let names = try? ResourceName(target.name, inflector: manifest.inflector) else { continue }
                var arguments = target.fields.compactMap { field -> ResourceValues.SetupArgument? in
                    guard let key = field.foreignKey, let reference = manifest.target(of: field, owner: target),
                          let referenced = try? ResourceName(reference.name, inflector: manifest.inflector) else { return nil }
                    return .init(idsProperty: field.relation + "Ids", tableIds: made.contains(key.table) ? referenced.variable + "Ids" : "[]", last: false)
                }
                if !arguments.isEmpty { arguments[arguments.count - 1].last = true }
                made.insert(target.table)
                steps.append(.init(targetType: target.name, path: names.path, tableIds: names.variable + "Ids",
                                   idType: referenceIDType, arguments: arguments))
            }
        }
        visit(resource)
        return steps
    }
}
