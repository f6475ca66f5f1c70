import Foundation

/// Names derived from an app's name (`forge new NAME`).
public enum AppNames {
    /// Names an app may not take: they collide with the generated targets or forge itself.
    static let reserved: Set<String> = ["app", "run", "apptests", "forge", "forgeruntime", "forgetesting", "test", "tests"]

    /// Checks an app name: lowercase letters, digits and hyphens, starting with a letter.
    public static func validate(_ name: String) throws(ForgeError) {
        let allowed = name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        guard let first = name.first, first.isLetter, first.isASCII, allowed, !name.hasSuffix("-"), !name.contains("--") else {
            let suggestion = name.kebabCased.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            let hint = suggestion.first?.isLetter == true && suggestion != name ? " — did you mean '\(suggestion)'?" : ""
            throw ForgeError("invalid app name '\(name)': use lowercase letters, digits and hyphens, starting with a letter\(hint)")
        }
        guard !reserved.contains(name.replacingOccurrences(of: "-", with: "")) else {
            throw ForgeError("'\(name)' is reserved by the generated package; choose another app name")
        }
    }

    /// The app's wiring type: `my-shop` → `MyShopApp`.
    public static func appType(_ name: String) -> String {
        name.pascalCased + "App"
    }
}
