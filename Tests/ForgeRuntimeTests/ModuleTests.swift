import Foundation
import ForgeRuntime
import ForgeTesting
import Testing

/// The module hook: migrations first, set-up before the app's routes, one authenticator for
/// every `authenticated()` group, and a clear refusal when none is installed.
@Suite struct ModuleTests {
    /// Trusts `Authorization: User <id>`: enough to see the hook wire an authenticator in.
    struct HeaderAuthenticator: RequestAuthenticator {
        func authenticate(_ request: Request, context: AppRequestContext) async throws -> AuthUser {
            guard let value = request.headers[.authorization], value.hasPrefix("User "), let id = Int(value.dropFirst(5)) else {
                throw AppError.unauthorized("send Authorization: User <id>")
            }
            return AuthUser(id: id, email: "user\(id)@example.com")
        }
    }

    struct CreateWidgets: Migration {
        let name = "0000_00_00_000001_create_widgets"
        func prepare(on database: any SQLDatabase) async throws {
            try await database.create(table: "widgets").column("id", type: .bigint, .primaryKey(autoIncrement: true)).run()
        }
        func revert(on database: any SQLDatabase) async throws {
            try await database.drop(table: "widgets").run()
        }
    }

    /// Reads `WIDGET_GREETING` from the raw settings, installs the authenticator, adds a route.
    struct WidgetModule: AppModule {
        var migrations: [any Migration] { [CreateWidgets()] }

        func setUp(_ app: inout AppModuleSetup) async throws {
            let greeting = app.configuration.values["WIDGET_GREETING"] ?? "hello"
            #expect(!app.hasAuthenticator)
            app.install(authenticator: HeaderAuthenticator())
            app.routes.authenticated("/api/widgets").get("greeting", handler: "WidgetModule.greeting") { _, context in
                DataEnvelope(["greeting": greeting, "user": "\(try context.requireUser().id)"])
            }
        }
    }

    static let app = AppDefinition(name: "widgets", migrations: [CreateNotes()], modules: [WidgetModule()]) { routes, database in
        NoteController(database: database).register(on: routes.authenticated())
    }

    @Test func modulesMigrateFirstAndAuthenticateTheAppsRoutes() async throws {
        #expect(Self.app.migrations.map(\.name) == ["0000_00_00_000001_create_widgets", "2026_01_01_000000_create_notes"])
        try await TestApp(Self.app) { $0.values["WIDGET_GREETING"] = "hi" }.run { client in
            #expect(try await client.send(.get, "/api/notes").status == .unauthorized)
            #expect(try await client.send(.get, "/api/notes", headers: [.authorization: "User 7"]).status == .ok)
            let greeting = try await client.send(.get, "/api/widgets/greeting", headers: [.authorization: "User 7"])
            #expect(greeting.json["data"] == ["greeting": "hi", "user": "7"])
        }
    }

    @Test func routesBehindAuthenticationNeedAModuleThatAuthenticates() async throws {
        let bare = AppDefinition(name: "notes", migrations: [CreateNotes()]) { routes, database in
            NoteController(database: database).register(on: routes.authenticated())
        }
        let error = await #expect(throws: ConfigurationError.self) { try await TestApp(bare).run { _ in } }
        #expect(error?.key == "modules")
        #expect(error?.message.hasPrefix("GET /api/notes is behind authentication, but no module of this app installs an authenticator") == true)
        // Without protected routes, no authenticator is needed.
        try await TestApp(notesApp).run { client in
            let list = try await client.send(.get, "/api/notes")
            #expect(list.status == .ok)
        }
    }

    @Test func settingValuesAreCaseInsensitiveAndNeverTouchTheProcess() throws {
        var values: SettingValues = ["Jwt_Secret": "a"]
        #expect(values["JWT_SECRET"] == "a")
        values["JWT_SECRET"] = nil
        #expect(values["jwt_secret"] == nil)
        values["FORGE_MODULE_TEST_KEY"] = "x"
        #expect(ProcessInfo.processInfo.environment["FORGE_MODULE_TEST_KEY"] == nil)
        let configuration = try AppConfiguration(Environment(values: ["ANY_MODULE_SETTING": "42"]), directory: "/tmp")
        #expect(configuration.values["any_module_setting"] == "42")
    }
}
