import Foundation

/// The type name of a component, from what the user typed: `search`, `Search` and
/// `SearchController` all name the controller `SearchController`.
enum ComponentName {
    static func parse(_ name: String, suffix: String?, command: String) throws(ForgeError) -> String {
        var type = name.identifierWords.map(\.capitalizedFirst).joined()
        if let suffix, type.hasSuffix(suffix), type.count > suffix.count {
            type.removeLast(suffix.count)
        }
        if suffix == "Error", type.hasSuffix("Exception"), type.count > "Exception".count {
            type.removeLast("Exception".count)
        }
        guard let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }), !type.isEmpty
        else {
            throw ForgeError("\(command): '\(name)' is not a valid name; use letters and digits starting with a letter, as in \(command) \(type.isEmpty ? "Audit" : type)")
        }
        if ReservedWords.typeNames.contains(type) || ReservedWords.swift.contains(type.lowercased()) {
            throw ForgeError("\(command): '\(type)' would shadow a type Swift or the runtime already declares; pick a more specific name")
        }
        return type
    }
}
