import Foundation

/// The `make:*` artifacts that stand on their own rather than as a layer of a stored resource:
/// migrations, controllers and routes, services, middleware, seeders, tests, enums, exceptions.
///
/// Whatever must be registered is added to the manifest's `components`, and the registry is
/// rendered again from it; user files are never edited to register anything.
public struct ComponentGenerator {
    public let manifest: Manifest
    public let templates: TemplateLibrary

    public init(manifest: Manifest, templates: TemplateLibrary) {
        self.manifest = manifest
        self.templates = templates
    }

    /// `make:controller NAME`: a controller with one route, registered.
    public func controller(_ name: String, protected: Bool = false) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Controller", command: "make:controller")
        return try registered(.controller, type: type, protected: protected, template: "component/Controller.swift",
                              command: "forge make:controller \(type)")
    }

    /// `make:route NAME [--protected]`: a route group of closures, registered.
    public func route(_ name: String, protected: Bool) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Routes", command: "make:route")
        return try registered(.route, type: type, protected: protected, template: "component/Routes.swift",
                              command: "forge make:route \(type)\(protected ? " --protected" : "")")
    }

    /// `make:middleware NAME`: middleware run on every request, registered.
    public func middleware(_ name: String) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Middleware", command: "make:middleware")
        return try registered(.middleware, type: type, protected: false, template: "component/Middleware.swift",
                              command: "forge make:middleware \(type)")
    }

    /// `make:seeder NAME` for a name that is not a resource: an empty seeder, registered.
    public func seeder(_ name: String) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Seeder", command: "make:seeder")
        return try registered(.seeder, type: type, protected: false, template: "component/Seeder.swift",
                              command: "forge make:seeder \(type)")
    }

    /// `make:service NAME` for a name that is not a resource: a service owning its transactions.
    public func service(_ name: String) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Service", command: "make:service")
        return try single("component/Service.swift", path: "Sources/App/Services/\(type)Service.swift",
                          values: componentValues(type, command: "forge make:service \(type)"))
    }

    /// `make:test NAME` for a name that is not a resource: a suite that boots the app.
    public func test(_ name: String) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Tests", command: "make:test")
        return try single("component/Tests.swift", path: "Tests/AppTests/\(type)Tests.swift",
                          values: componentValues(type, command: "forge make:test \(type)"))
    }

    /// `make:enum NAME -v a -v b`: a string enum that the API and columns can hold.
    public func enumeration(_ name: String, values: [String]) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: nil, command: "make:enum")
        guard !values.isEmpty else {
            throw ForgeError("make:enum \(type) needs its values: -v draft -v published")
        }
        var cases: [ResourceValues.EnumCase] = []
        var seen: Set<String> = []
        for value in values {
            let property = value.camelCased
            guard !value.isEmpty, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }),
                  let first = property.first, first.isLetter
            else {
                throw ForgeError("enum value '\(value)' must start with a letter and hold only letters, digits, '_' or '-'")
            }
            guard seen.insert(property).inserted else {
                throw ForgeError("enum value '\(value)' is listed twice (as the case '\(property)')")
            }
            let name = ReservedWords.swift.contains(property) ? "`\(property)`" : property
            cases.append(.init(name: name, renamed: property != value, value: value))
        }
        let values = EnumComponentValues(type: type, command: "forge make:enum \(type) " + values.map { "-v \($0)" }.joined(separator: " "), cases: cases)
        return try single("component/Enum.swift", path: "Sources/App/Enums/\(type).swift", values: values)
    }

    /// `make:exception NAME -s STATUS`: an error the API answers with STATUS in its error envelope.
    public func exception(_ name: String, status: Int) throws(ForgeError) -> GenerationPlan {
        let type = try ComponentName.parse(name, suffix: "Error", command: "make:exception")
        guard (400...599).contains(status) else {
            throw ForgeError("make:exception \(type) -s \(status): an error's status must be 400-599 (\(status < 400 ? "use 4xx for the caller's mistakes" : "not an HTTP status"))")
        }
        let values = ExceptionValues(type: type, command: "forge make:exception \(type) -s \(status)", status: status,
                                     code: type.snakeCased, message: type.identifierWords.joined(separator: " ").capitalizedFirst)
        return try single("component/Exception.swift", path: "Sources/App/Errors/\(type)Error.swift", values: values)
    }

    // MARK: Shared

    private func componentValues(_ type: String, command: String, protected: Bool = false) -> ComponentValues {
        ComponentValues(type: type, command: command, appType: AppNames.appType(manifest.app.name), protected: protected,
                        path: type.kebabCased, variable: type.camelCased)
    }

    private func single(_ template: String, path: String, values: some Encodable) throws(ForgeError) -> GenerationPlan {
        let file = GeneratedFile(path: path, contents: try templates.render(template, values))
        return GenerationPlan(manifest: manifest, files: [file])
    }

    private func registered(_ kind: Manifest.Component.Kind, type: String, protected: Bool, template: String, command: String) throws(ForgeError) -> GenerationPlan {
        if protected { try manifest.requireAuth(for: command) }
        var updated = manifest
        var components = updated.components ?? []
        let component = Manifest.Component(kind: kind, name: type, protected: protected)
        if let index = components.firstIndex(where: { $0.kind == kind && $0.name == type }) {
            components[index] = component
        } else {
            components.append(component)
        }
        updated.components = components
        let file = GeneratedFile(path: Self.path(of: component), contents: try templates.render(template, componentValues(type, command: command, protected: protected)))
        return GenerationPlan(manifest: updated, files: [file] + (try ProjectFiles(manifest: updated, templates: templates).forgeOwned()))
    }
}
