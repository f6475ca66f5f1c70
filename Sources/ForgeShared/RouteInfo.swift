/// One route of an app, as its `routes --json` command prints it and `forge route:list` reads it.
public struct RouteInfo: Codable, Sendable, Equatable {
    public var method: String
    public var path: String
    /// `Type.method` of the handler, for example `PostController.show`.
    public var handler: String
    /// Middleware or guards the route runs behind, outermost first.
    public var middleware: [String]
    /// The source file that registered the route (absolute at build time).
    public var file: String
    public var line: Int

    public init(method: String, path: String, handler: String, middleware: [String], file: String, line: Int) {
        self.method = method
        self.path = path
        self.handler = handler
        self.middleware = middleware
        self.file = file
        self.line = line
    }
}
