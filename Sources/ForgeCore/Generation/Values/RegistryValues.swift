/// What `app/Registry.swift` lists, from the manifest alone.
struct RegistryValues: Encodable {
    /// Migration types, in name order.
    var migrations: [String]
    var seeders: [String]
    var middleware: [String]
    var registrations: [Registration]
    var hasProtected: Bool

    /// A controller or route group whose routes the registry adds.
    struct Registration: Encodable {
        var type: String
        /// A resource's controller, made with its service; otherwise made with the database.
        var resource: Bool
        var service: String
        var `protected`: Bool
    }
}

/// What `app/OpenAPI.swift` embeds: the document as `forge openapi --format json` prints it.
struct OpenAPIValues: Encodable {
    var document: String
}
