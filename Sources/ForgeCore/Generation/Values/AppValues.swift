/// What the `app/*` templates render from: a new app's name, database, secrets and modules.
struct AppValues: Encodable {
    var name: String
    var appType: String
    var runtimePath: String
    var appSecret: String
    var jwtSecret: String
    var postgres: Bool
    var auth: Bool
    var databaseURL: String
    var databaseName: String
    /// `prebuilt` or `source`: how the app's Package.swift gets the runtime by default.
    var runtimeMode: String
    /// The runtime products the `App` target links, and those the tests link on top.
    var runtimeModules: [Module]
    var testModules: [Module]

    struct Module: Encodable {
        var name: String
        var last: Bool

        static func list(_ names: [String]) -> [Module] {
            names.enumerated().map { Module(name: $1, last: $0 == names.count - 1) }
        }
    }
}
