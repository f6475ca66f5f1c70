import Foundation

/// The OpenAPI 3.1 description of a generated app, derived from `forge.yaml` alone: every route
/// the generated controllers, the runtime and the auth module register, every rule as its
/// JSON Schema keyword, every status a route can answer with.
///
/// `forge openapi` prints it; `make:*`, `alter` and `destroy` write it into the app
/// (``ProjectFiles/openAPIPath``), which serves the same bytes at `GET /openapi.json`.
public struct OpenAPIDocument {
    public let manifest: Manifest

    public init(manifest: Manifest) {
        self.manifest = manifest
    }

    /// The formats `forge openapi --format` writes.
    public enum Format: String, CaseIterable, Sendable {
        case json, yaml
    }

    /// The document as text.
    public func render(_ format: Format) throws(ForgeError) -> String {
        let document = try node()
        return format == .json ? document.json : document.yaml
    }

    /// The document as an ordered JSON tree.
    public func node() throws(ForgeError) -> JSONNode {
        var builder = OpenAPIBuilder(manifest: manifest)
        try builder.build()
        return builder.document
    }
}

/// Collects paths and components while walking the manifest; each part of the API adds its own
/// (``addHealth()``, ``addAuth()``, ``addResource(_:)``).
struct OpenAPIBuilder {
    let manifest: Manifest
    var paths: [(key: String, value: JSONNode)] = []
    var schemas: [(key: String, value: JSONNode)] = []
    var parameterComponents: [(key: String, value: JSONNode)] = []
    var parameterKeys: Set<String> = []
    /// Success responses many operations share (`ProductOne`, `NoContent`), under `components/responses`.
    var responseComponents: [(key: String, value: JSONNode)] = []
    /// Each described resource's template values, made once (``values(_:)``).
    var resourceValues: [String: ResourceValues] = [:]
    var tags: [JSONNode] = []

    init(manifest: Manifest) {
        self.manifest = manifest
    }

    var dualIDs: Bool { manifest.app.ids == .dual }

    mutating func build() throws(ForgeError) {
        addCommonSchemas()
        addHealth()
        if manifest.app.hasAuth { addAuth() }
        var contexts: [ResourceContext] = []
        for resource in manifest.resources where resource.has(.response) || resource.has(.controller) {
            do {
                let context = try ResourceContext(resource: resource, manifest: manifest, command: "")
                contexts.append(context)
                resourceValues[resource.name] = context.values
            } catch {
                throw ForgeError("\(Manifest.fileName): resource '\(resource.name)': \(error.description)")
            }
        }
        let graph = includeGraph()
        for context in contexts {
            let resource = context.resource
            if resource.has(.response) { addResponseSchema(context, graph: graph) }
            if resource.has(.controller) { try addResource(context, graph: graph) }
        }
        addReference()
        if !parameterComponents.isEmpty {
            schemas += Self.filterKinds.compactMap { kind in Self.filterSchema(kind).map { (Self.filterSchemaName(kind), $0) } }
        }
    }

    /// A `$ref` to the shared response `name`, defined by `response` the first time.
    mutating func sharedResponse(_ name: String, _ response: @autoclosure () -> JSONNode) -> JSONNode {
        if !responseComponents.contains(where: { $0.key == name }) { responseComponents.append((name, response())) }
        return ["$ref": .string("#/components/responses/\(name)")]
    }

    var document: JSONNode {
        var components: [(key: String, value: JSONNode)] = [
            ("schemas", .object(schemas)),
            ("parameters", .object(parameterComponents)),
            ("responses", Self.errorResponses.appendingMembers(responseComponents)),
            ("headers", Self.headers),
        ]
        if manifest.app.hasAuth {
            components.append(("securitySchemes", [
                "bearerAuth": [
                    "type": "http",
                    "scheme": "bearer",
                    "bearerFormat": "JWT",
                    "description": "An access token from POST /api/auth/login or /api/auth/refresh.",
                ],
            ]))
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": .string(manifest.app.name),
                "version": "1.0.0",
                "description": .string("The \(manifest.app.name) API. forge writes this description from forge.yaml after every make:*, alter and destroy; the app serves it at /openapi.json and a reference at /docs."),
            ],
            "tags": .array(tags),
            "paths": .object(paths),
            "components": .object(components),
        ]
    }

    // MARK: Operations

    /// One operation: its id, tag and summary, parameters, body, and the responses it can give,
    /// each error status pointing at the shared response of that status.
    func operation(
        _ id: String, tag: String, summary: String, description: String? = nil, protected: Bool = false,
        parameters: [JSONNode] = [], body: JSONNode? = nil, success: (status: String, response: JSONNode),
        errors: [Int]
    ) -> JSONNode {
        var statuses = Set(errors)
        if body != nil { statuses.formUnion([400, 413]) }
        if protected { statuses.insert(401) }
        statuses.insert(429)
        var responses: [(key: String, value: JSONNode)] = [(success.status, success.response)]
        for status in statuses.sorted() {
            responses.append((String(status), ["$ref": .string("#/components/responses/\(Self.errorNames[status]!)")]))
        }
        return .object([
            "operationId": .string(id),
            "tags": [.string(tag)],
            "summary": .string(summary),
            "description": description.map(JSONNode.string),
            "security": protected ? [["bearerAuth": []]] : nil,
            "parameters": parameters.isEmpty ? nil : .array(parameters),
            "requestBody": body.map { ["required": true, "content": ["application/json": ["schema": $0]]] },
            "responses": .object(responses),
        ])
    }

    /// A response with a JSON body of `schema` and the headers every response carries.
    static func jsonResponse(_ description: String, _ schema: JSONNode) -> JSONNode {
        ["description": .string(description), "headers": commonHeaders, "content": ["application/json": ["schema": schema]]]
    }

    /// A response without a body (204).
    static func emptyResponse(_ description: String) -> JSONNode {
        ["description": .string(description), "headers": commonHeaders]
    }

    static func ref(_ schema: String) -> JSONNode {
        ["$ref": .string("#/components/schemas/\(schema)")]
    }

    mutating func addPath(_ path: String, _ operations: [(method: String, operation: JSONNode)], parameters: [JSONNode] = []) {
        var item: [(key: String, value: JSONNode)] = operations.map { ($0.method, $0.operation) }
        if !parameters.isEmpty { item.insert(("parameters", .array(parameters)), at: 0) }
        paths.append((path, .object(item)))
    }

    mutating func addTag(_ name: String, _ description: String) {
        tags.append(["name": .string(name), "description": .string(description)])
    }

    /// `{id}` (or `{tag_id}`): the integer id, or in `--ids dual` apps the public UUID.
    func idParameter(_ name: String = "id", of what: String) -> JSONNode {
        [
            "name": .string(name),
            "in": "path",
            "required": true,
            "description": .string("The \(what)'s id."),
            "schema": idSchema,
        ]
    }

    /// What names one row in URLs and bodies.
    var idSchema: JSONNode {
        dualIDs ? ["type": "string", "format": "uuid"] : Self.integerID
    }

    /// An integer id: any 64-bit integer names a row or none (a 404), never a 400.
    static let integerID: JSONNode = ["type": "integer", "format": "int64", "minimum": .integer(Int(Int64.min)), "maximum": .integer(Int(Int64.max))]

    // MARK: Shared parts

    /// Statuses the API answers with its error envelope, and their shared responses.
    static let errorNames: [Int: String] = [
        400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict",
        413: "PayloadTooLarge", 422: "ValidationFailed", 429: "TooManyRequests", 503: "ServiceUnavailable",
    ]

    static var errorResponses: JSONNode {
        let descriptions: [(Int, String)] = [
            (400, "The request is malformed: a body that is not JSON, or a query parameter that is not valid for this route."),
            (401, "No valid access token: send Authorization: Bearer <access token>."),
            (403, "The caller is signed in but not allowed to do this."),
            (404, "No such row (or not one the caller may see)."),
            (409, "A unique value is taken, or other rows still refer to this one."),
            (413, "The body is larger than the app's limit (MAX_BODY_SIZE)."),
            (422, "Fields broke their rules; `error.fields` names each with its messages."),
            (429, "Too many requests from this client; retry after Retry-After seconds."),
            (503, "A dependency (the database) is unavailable."),
        ]
        return .object(descriptions.map { status, text in
            var headers = commonHeaders
            if status == 429 {
                headers = headers.setting("Retry-After", ["$ref": "#/components/headers/Retry-After"])
            }
            return (errorNames[status]!, [
                "description": .string(text),
                "headers": headers,
                "content": ["application/json": ["schema": ref("Error")]],
            ])
        })
    }

    /// The headers on every response: the request id, and the rate limit's when it is on.
    static var commonHeaders: JSONNode {
        [
            "X-Request-ID": ["$ref": "#/components/headers/X-Request-ID"],
            "X-RateLimit-Limit": ["$ref": "#/components/headers/X-RateLimit-Limit"],
            "X-RateLimit-Remaining": ["$ref": "#/components/headers/X-RateLimit-Remaining"],
            "X-RateLimit-Reset": ["$ref": "#/components/headers/X-RateLimit-Reset"],
        ]
    }

    static var headers: JSONNode {
        let count: JSONNode = ["type": "integer", "minimum": 0]
        return [
            "X-Request-ID": [
                "description": "Identifies the request in the app's log; the client's own X-Request-ID when it sent a usable one.",
                "required": true,
                "schema": ["type": "string", "minLength": 1],
            ],
            "X-RateLimit-Limit": ["description": "Requests allowed per window (when RATE_LIMIT is on).", "schema": count],
            "X-RateLimit-Remaining": ["description": "Requests left in this window.", "schema": count],
            "X-RateLimit-Reset": ["description": "Seconds until the window starts again.", "schema": count],
            "Retry-After": ["description": "Seconds to wait before retrying.", "required": true, "schema": count],
        ]
    }

    mutating func addCommonSchemas() {
        schemas.append(("Error", [
            "type": "object",
            "description": "The one error shape of the API.",
            "required": ["error"],
            "properties": [
                "error": [
                    "type": "object",
                    "required": ["code", "message", "fields", "request_id"],
                    "properties": [
                        "code": ["type": "string", "description": "A stable machine-readable code: bad_request, validation_failed, not_found, conflict, unauthorized, forbidden, payload_too_large, rate_limited…", "examples": ["validation_failed"]],
                        "message": ["type": "string", "examples": ["invalid fields: title"]],
                        "fields": [
                            "type": "object",
                            "description": "Messages per field; empty unless fields were bad.",
                            "additionalProperties": ["type": "array", "items": ["type": "string"]],
                            "examples": [["title": ["is required"]]],
                        ],
                        "request_id": ["type": "string"],
                    ],
                ],
            ],
        ]))
        schemas.append(("PageMeta", [
            "type": "object",
            "required": ["page", "per_page", "total", "last_page"],
            "properties": [
                "page": ["type": "integer", "minimum": 1],
                "per_page": ["type": "integer", "minimum": 1, "maximum": 100],
                "total": ["type": "integer", "minimum": 0],
                "last_page": ["type": "integer", "minimum": 1],
            ],
        ]))
        schemas.append(("CountEnvelope", [
            "type": "object",
            "required": ["data"],
            "properties": ["data": ["type": "object", "required": ["count"], "properties": ["count": ["type": "integer", "minimum": 0]]]],
        ]))
        schemas.append(("LinkIDs", [
            "type": "object",
            "description": "The ids the links become (duplicates are ignored; [] unlinks every row).",
            "required": ["ids"],
            "properties": ["ids": ["type": "array", "items": idSchema]],
        ]))
    }

    // MARK: Health and the reference

    mutating func addHealth() {
        addTag("health", "Liveness, readiness and build information, for load balancers and operators.")
        let status: JSONNode = [
            "type": "object",
            "required": ["status"],
            "properties": [
                "status": ["type": "string", "enum": ["ok", "unavailable"]],
                "checks": ["type": "object", "additionalProperties": ["type": "string", "enum": ["ok", "unreachable"]]],
            ],
        ]
        schemas.append(("HealthStatus", status))
        schemas.append(("HealthInfo", [
            "type": "object",
            "required": ["name", "environment", "uptime_seconds", "runtime"],
            "properties": [
                "name": ["type": "string"],
                "environment": ["type": "string"],
                "uptime_seconds": ["type": "integer", "minimum": 0],
                "runtime": ["type": "string", "description": "The ForgeRuntime version."],
            ],
        ]))
        let ok = (status: "200", response: Self.jsonResponse("The app is up.", Self.ref("HealthStatus")))
        addPath("/health", [("get", operation("health", tag: "health", summary: "Whether the process answers", success: ok, errors: []))])
        addPath("/health/live", [("get", operation("healthLive", tag: "health", summary: "Liveness: the process answers", success: ok, errors: []))])
        var ready = operation("healthReady", tag: "health", summary: "Readiness: the database answers",
                              success: (status: "200", response: Self.jsonResponse("The database answers.", Self.ref("HealthStatus"))), errors: [])
        ready = ready.setting("responses", (ready["responses"] ?? [:]).setting("503", Self.jsonResponse("The database does not answer.", Self.ref("HealthStatus"))))
        addPath("/health/ready", [("get", ready)])
        addPath("/health/info", [("get", operation("healthInfo", tag: "health", summary: "The app's name, environment, uptime and runtime version",
                                                   success: (status: "200", response: Self.jsonResponse("Build information.", Self.ref("HealthInfo"))), errors: []))])
    }

    /// `/openapi.json` and `/docs`, which the runtime serves from this very document.
    mutating func addReference() {
        addTag("reference", "This description, and a readable reference made from it.")
        addPath("/openapi.json", [("get", operation(
            "openAPIDocument", tag: "reference", summary: "This OpenAPI document",
            success: (status: "200", response: Self.jsonResponse("The OpenAPI 3.1 document.", [
                "type": "object", "required": ["openapi", "info", "paths"],
                "properties": ["openapi": ["type": "string"], "info": ["type": "object"], "paths": ["type": "object"]],
            ])),
            errors: []))])
        addPath("/docs", [("get", operation(
            "apiReference", tag: "reference", summary: "A readable API reference (HTML, no external assets)",
            success: (status: "200", response: ["description": "The reference page.", "headers": Self.commonHeaders, "content": ["text/html": ["schema": ["type": "string"]]]]),
            errors: []))])
    }
}
