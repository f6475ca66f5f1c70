import Foundation

/// Turns a typed template context into the tree of dictionaries, lists, strings, numbers and
/// booleans that swift-mustache renders and ``TemplateKeys`` checks.
///
/// Contexts are `Encodable` structs, so the compiler checks what Swift gives a template; the
/// tree is their JSON form, read back with `true`/`false` kept apart from `1`/`0`.
enum TemplateTree {
    static func of(_ context: some Encodable) throws(ForgeError) -> [String: Any] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(context), options: [.fragmentsAllowed])
        } catch {
            throw ForgeError("cannot prepare the values of a template: \(error)")
        }
        return (native(object) as? [String: Any]) ?? [:]
    }

    /// `object` with Foundation's bridged numbers made Swift `Bool`, `Int` or `Double`.
    private static func native(_ object: Any) -> Any {
        switch object {
        case let dictionary as [String: Any]:
            return dictionary.mapValues(native)
        case let list as [Any]:
            return list.map(native)
        case let number as NSNumber:
            if type(of: number) == booleanType { return number.boolValue }
            return number.doubleValue.rounded() == number.doubleValue ? number.intValue : number.doubleValue
        default:
            return object
        }
    }

    private static let booleanType = type(of: NSNumber(value: true))
}
