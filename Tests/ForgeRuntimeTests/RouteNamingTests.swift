import Hummingbird
@testable import ForgeRuntime
import Testing

/// `route:list` names handlers after the registrar's type and the route, with no strings to
/// keep in step with the code.
@Suite struct RouteNamingTests {
    struct WidgetController: RouteRegistrar {
        func register(on routes: Routes) {
            let widgets = routes.group("/api/widgets")
            widgets.get(use: list)
            widgets.get("count", use: list)
            widgets.get("{id}", use: list)
            widgets.post(use: list)
            widgets.put("{id}", use: list)
            widgets.patch("{id}", use: list)
            widgets.delete("{id}", use: list)
            widgets.post("{id}/restore", use: list)
            widgets.post("forgot-password", use: list)
            widgets.get("{id}/{part}", use: list)
            widgets.get("legacy", handler: "WidgetController.old", use: list)
        }

        @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status { .ok }
    }

    @Test func handlersAreNamedAfterTheRegistrarAndTheRoute() {
        let table = RouteTable()
        let routes = Routes(group: Router(context: AppRequestContext.self).group(), table: table)
        routes.register(WidgetController())
        routes.group("/v2").authenticated().register(WidgetController())
        let names = table.routes.prefix(11).map(\.handler)
        #expect(names == [
            "WidgetController.list", "WidgetController.count", "WidgetController.show", "WidgetController.create",
            "WidgetController.replace", "WidgetController.update", "WidgetController.delete", "WidgetController.restore",
            "WidgetController.forgotPassword", "WidgetController.get", "WidgetController.old",
        ])
        #expect(table.routes.dropFirst(11).first?.handler == "WidgetController.list", "groups behind authentication keep the name")
    }
}
