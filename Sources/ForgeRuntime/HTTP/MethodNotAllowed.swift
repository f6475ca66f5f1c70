import HTTPTypes
import Hummingbird

/// Answers a method a path does not have with 405 and an `Allow` header listing the ones it
/// does (RFC 9110 §15.5.6), instead of the router's 404: the path exists, the method does not.
enum MethodNotAllowed {
    /// The methods a client may try on any path; HEAD and OPTIONS stay the server's and CORS's.
    static let candidates: [HTTPRequest.Method] = [.get, .post, .put, .patch, .delete, .trace, HTTPRequest.Method("QUERY")!]

    /// Adds the 405 answers for every path of `routes` (which stay out of the route table).
    static func register(_ routes: [RouteInfo], on router: Router<AppRequestContext>) {
        var methods: [String: Set<String>] = [:]
        var order: [String] = []
        for route in routes {
            if methods[route.path] == nil { order.append(route.path) }
            methods[route.path, default: []].insert(route.method)
        }
        for path in order {
            let allowed = methods[path] ?? []
            let allow = candidates.map(\.rawValue).filter(allowed.contains).joined(separator: ", ")
            for method in candidates where !allowed.contains(method.rawValue) {
                router.on(RouterPath(path), method: method) { request, context in
                    let error = AppError(status: .methodNotAllowed, code: .methodNotAllowed,
                                         message: "\(request.method.rawValue) is not allowed here; use \(allow)")
                    var response = try error.response(from: request, context: context)
                    response.headers[.allow] = allow
                    return response
                }
            }
        }
    }
}
