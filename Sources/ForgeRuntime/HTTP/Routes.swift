import ForgeShared
import Hummingbird

/// One route as the app's `routes` command and `forge route:list` show it (ForgeShared's type,
/// so both read the same JSON).
public typealias RouteInfo = ForgeShared.RouteInfo

/// Collects every route registered during start-up; read once the router is built.
public final class RouteTable {
    public private(set) var routes: [RouteInfo] = []
    /// Routes registered behind `authenticated()` where no module had installed an
    /// authenticator; building the router fails when there is any (see `AppServer`).
    private(set) var routesWithoutAuthenticator: [RouteInfo] = []

    public init() {}

    func append(_ route: RouteInfo, lacksAuthenticator: Bool) {
        routes.append(route)
        if lacksAuthenticator { routesWithoutAuthenticator.append(route) }
    }
}

/// Registers routes on the app's router and records each in the ``RouteTable``, so the
/// app can list them with their handler and source location without serving a request.
///
/// ```swift
/// let posts = routes.group("/api/posts")
/// posts.get("{id}", handler: "PostController.show", use: show)
/// ```
public struct Routes {
    let group: RouterGroup<AppRequestContext>
    let table: RouteTable
    let prefix: String
    let middlewareNames: [String]
    /// Identifies callers for ``authenticated(_:)``, as installed by a module (`AppModuleSetup`).
    let authenticator: (any RequestAuthenticator)?
    /// Whether this group is behind ``authenticated(_:)`` with no authenticator to run.
    let lacksAuthenticator: Bool
    /// The type whose routes these are (set by ``register(_:)``), naming their handlers.
    var registrar: String?

    init(group: RouterGroup<AppRequestContext>, table: RouteTable, prefix: String = "", middlewareNames: [String] = [],
         authenticator: (any RequestAuthenticator)? = nil, lacksAuthenticator: Bool = false) {
        self.group = group
        self.table = table
        self.prefix = prefix
        self.middlewareNames = middlewareNames
        self.authenticator = authenticator
        self.lacksAuthenticator = lacksAuthenticator
    }

    /// Routes under `path` (for example `/api/posts`).
    public func group(_ path: String) -> Routes {
        var routes = Routes(group: group.group(RouterPath(path)), table: table, prefix: Self.join(prefix, path), middlewareNames: middlewareNames,
                            authenticator: authenticator, lacksAuthenticator: lacksAuthenticator)
        routes.registrar = registrar
        return routes
    }

    /// Routes under `path` that run behind `middleware`, listed by `name`.
    public func group(_ path: String = "", behind middleware: some RouterMiddleware<AppRequestContext>, named name: String) -> Routes {
        let inner = group.group(RouterPath(path)).add(middleware: middleware)
        var routes = Routes(group: inner, table: table, prefix: Self.join(prefix, path), middlewareNames: middlewareNames + [name],
                            authenticator: authenticator, lacksAuthenticator: lacksAuthenticator)
        routes.registrar = registrar
        return routes
    }

    /// These routes, with `authenticator` behind every ``authenticated(_:)`` group made from them.
    func authenticating(with authenticator: any RequestAuthenticator) -> Routes {
        var routes = Routes(group: group, table: table, prefix: prefix, middlewareNames: middlewareNames,
                            authenticator: authenticator, lacksAuthenticator: lacksAuthenticator)
        routes.registrar = registrar
        return routes
    }

    /// Adds `registrar`'s routes below these; `route:list` names their handlers after its type.
    public func register(_ registrar: some RouteRegistrar) {
        var routes = self
        routes.registrar = String(describing: type(of: registrar))
        registrar.register(on: routes)
    }

    /// Registers `handler` for `method` at `path` below this group. Without a `name`, the
    /// handler is named after the registrar's type and the route (``action(_:_:)``):
    /// `ProductController.show` for `GET {id}`. A `name` without a dot names the method where
    /// the route's shape cannot (`listForPost` becomes `CommentController.listForPost`).
    @discardableResult
    public func on(
        _ path: String = "",
        method: HTTPRequest.Method,
        handler name: String? = nil,
        file: String = #filePath,
        line: Int = #line,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator
    ) -> Routes {
        group.on(RouterPath(path), method: method, use: handler)
        table.append(RouteInfo(
            method: method.rawValue,
            path: Self.join(prefix, path),
            handler: [name?.contains(".") == true ? nil : registrar, name ?? Self.action(method, path)].compactMap { $0 }.joined(separator: "."),
            middleware: middlewareNames,
            file: file,
            line: line
        ), lacksAuthenticator: lacksAuthenticator)
        return self
    }

    /// `GET path`.
    @discardableResult
    public func get(_ path: String = "", handler name: String? = nil, file: String = #filePath, line: Int = #line,
                    use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator) -> Routes {
        on(path, method: .get, handler: name, file: file, line: line, use: handler)
    }

    /// `POST path`.
    @discardableResult
    public func post(_ path: String = "", handler name: String? = nil, file: String = #filePath, line: Int = #line,
                     use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator) -> Routes {
        on(path, method: .post, handler: name, file: file, line: line, use: handler)
    }

    /// `PUT path`.
    @discardableResult
    public func put(_ path: String = "", handler name: String? = nil, file: String = #filePath, line: Int = #line,
                    use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator) -> Routes {
        on(path, method: .put, handler: name, file: file, line: line, use: handler)
    }

    /// `PATCH path`.
    @discardableResult
    public func patch(_ path: String = "", handler name: String? = nil, file: String = #filePath, line: Int = #line,
                      use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator) -> Routes {
        on(path, method: .patch, handler: name, file: file, line: line, use: handler)
    }

    /// `DELETE path`.
    @discardableResult
    public func delete(_ path: String = "", handler name: String? = nil, file: String = #filePath, line: Int = #line,
                       use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> some ResponseGenerator) -> Routes {
        on(path, method: .delete, handler: name, file: file, line: line, use: handler)
    }

    /// The conventional name of the handler of `method path` (relative to its group): a
    /// resource's actions (`list`, `count`, `show`, `create`, `replace`, `update`, `delete`), else
    /// the path's last word in camelCase (`forgot-password` → `forgotPassword`), else the method.
    static func action(_ method: HTTPRequest.Method, _ path: String) -> String {
        let words = path.split(separator: "/").map(String.init)
        let isID = words.count == 1 && words[0].hasPrefix("{")
        switch method {
        case .get where words.isEmpty: return "list"
        case .get where words == ["count"]: return "count"
        case .get where isID: return "show"
        case .post where words.isEmpty: return "create"
        case .put where isID: return "replace"
        case .patch where isID: return "update"
        case .delete where isID: return "delete"
        default:
            guard let word = words.last(where: { !$0.hasPrefix("{") }) else { return method.rawValue.lowercased() }
            let parts = word.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
            return (parts.first ?? word) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }

    static func join(_ prefix: String, _ path: String) -> String {
        let parts = (prefix.split(separator: "/") + path.split(separator: "/")).map(String.init)
        return "/" + parts.joined(separator: "/")
    }
}

/// A type that adds its routes to the app, such as a generated controller.
public protocol RouteRegistrar: Sendable {
    /// Adds this type's routes below `routes`.
    func register(on routes: Routes)
}
