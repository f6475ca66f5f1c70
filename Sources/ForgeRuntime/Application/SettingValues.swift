import Hummingbird

/// The raw variables an ``AppConfiguration`` was read from (`.env` overlaid by the process
/// environment), so an ``AppModule`` can parse its own settings without the core knowing them.
///
/// Keys are case-insensitive, like Hummingbird's `Environment`. Assigning a value (or `nil`)
/// changes this copy only; unlike `Environment.set`, it never touches the process environment,
/// so tests that run in parallel cannot see each other's settings.
///
/// ```swift
/// var configuration = AppConfiguration()
/// configuration.values["BCRYPT_COST"] = "4"
/// let cost = configuration.values["BCRYPT_COST"]   // "4"
/// ```
public struct SettingValues: Sendable, ExpressibleByDictionaryLiteral {
    /// Where unassigned keys are looked up; `nil` for a configuration built in code.
    private var environment: Environment?
    /// Values assigned in code, by lowercased key; a stored `nil` hides the environment's value.
    private var assigned: [String: String?] = [:]

    /// The variables of `environment`.
    public init(_ environment: Environment) {
        self.environment = environment
    }

    /// Exactly these variables, and no process environment (for configurations built in code).
    public init(dictionaryLiteral elements: (String, String)...) {
        self.environment = nil
        for (key, value) in elements {
            assigned[key.lowercased()] = .some(value)
        }
    }

    /// The value of `key`, or `nil` when it is unset.
    public subscript(key: String) -> String? {
        get {
            if let value = assigned[key.lowercased()] { return value }
            return environment?.get(key)
        }
        set {
            assigned[key.lowercased()] = .some(newValue)
        }
    }
}
