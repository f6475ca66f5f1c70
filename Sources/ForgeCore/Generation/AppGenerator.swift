import Foundation

/// The files of a new app (`forge new NAME`).
public struct AppGenerator {
    public let name: String
    public let runtimePath: String
    public let templates: TemplateLibrary
    public let ids: Manifest.IDStyle
    public let database: DatabaseKind
    /// Whether the app gets the auth module (`forge new` unless `--no-auth`).
    public let auth: Bool
    /// Whether the app's Package.swift builds the runtime from source by default instead of
    /// linking the installation's prebuilt one (`forge new --runtime-source`).
    public let runtimeFromSource: Bool

    /// The database a new app is made for.
    public enum DatabaseKind: String, Sendable, CaseIterable {
        /// A file under `db/`, nothing to install; the default.
        case sqlite
        /// A PostgreSQL server; the app links ForgeRuntimePostgres.
        case postgres
    }

    public init(name: String, runtimePath: String, templates: TemplateLibrary, ids: Manifest.IDStyle = .integer,
                database: DatabaseKind = .sqlite, auth: Bool = true, runtimeFromSource: Bool = false) {
        self.auth = auth
        self.runtimeFromSource = runtimeFromSource
        self.name = name
        self.runtimePath = runtimePath
        self.templates = templates
        self.ids = ids
        self.database = database
    }

    /// The runtime products the app's `App` target links: ForgeRuntime and its opt-in modules.
    public var runtimeModules: [String] {
        [PrebuiltRuntime.coreModule] + (auth ? ["ForgeAuth"] : []) + (database == .postgres ? ["ForgeRuntimePostgres"] : [])
    }

    /// Every file of the app skeleton, with fresh secrets in `.env`.
    public func files(secret: String = AppGenerator.makeSecret(), jwtSecret: String = AppGenerator.makeSecret()) throws(ForgeError) -> [GeneratedFile] {
        try AppNames.validate(name)
        let manifest = Manifest(appName: name, database: database.rawValue, ids: ids, auth: auth)
        let appType = AppNames.appType(name)
        let postgres = database == .postgres
        let databaseName = name.replacingOccurrences(of: "-", with: "_") + "_development"
        let developmentURL = postgres ? "postgres://\(NSUserName())@127.0.0.1:5432/\(databaseName)" : "sqlite:db/development.sqlite"
        let values = try TemplateTree.of(AppValues(
            name: name, appType: appType, runtimePath: runtimePath, appSecret: secret, jwtSecret: jwtSecret,
            postgres: postgres, auth: auth, databaseURL: developmentURL, databaseName: databaseName,
            runtimeMode: runtimeFromSource ? "source" : "prebuilt",
            runtimeModules: AppValues.Module.list(runtimeModules),
            testModules: AppValues.Module.list(PrebuiltRuntime.testModules(for: runtimeModules))
        ))
        let plain: [(String, String)] = [
            ("Package.swift", "app/Package.swift"),
            (".env", "app/env"),
            (".env.example", "app/env.example"),
            (".gitignore", "app/gitignore"),
            ("README.md", "app/README.md"),
            ("Sources/App/\(appType).swift", "app/App.swift"),
            ("Sources/Run/main.swift", "app/main.swift"),
            ("Tests/AppTests/HealthTests.swift", "app/HealthTests.swift"),
        ]
        var files = try plain.map { path, template throws(ForgeError) in
            GeneratedFile(path: path, contents: try templates.render(template, tree: values))
        }
        if auth {
            files.append(GeneratedFile(path: "Tests/AppTests/AuthTests.swift", contents: try templates.render("app/AuthTests.swift", tree: values)))
        }
        files.append(GeneratedFile(path: "db/.gitkeep", contents: try templates.render("app/gitkeep", tree: values)))
        files += try ProjectFiles(manifest: manifest, templates: templates).forgeOwned()
        return files
    }

    /// 32 random bytes as hex, for `APP_SECRET`.
    public static func makeSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
