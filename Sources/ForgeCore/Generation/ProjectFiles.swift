import Foundation
import Synchronization

/// The files forge owns and rewrites from the manifest: `forge.yaml`, the registry and the
/// OpenAPI document.
public struct ProjectFiles: Sendable {
    public let manifest: Manifest
    public let templates: TemplateLibrary

    public init(manifest: Manifest, templates: TemplateLibrary) {
        self.manifest = manifest
        self.templates = templates
    }

    /// The registry path inside an app.
    public static let registryPath = "Sources/App/Forge/Registry.swift"
    /// The template the registry renders from.
    static let registryTemplate = "app/Registry.swift"
    /// The OpenAPI document inside an app, as a Swift string the registry serves.
    public static let openAPIPath = "Sources/App/Forge/OpenAPI.swift"
    static let openAPITemplate = "app/OpenAPI.swift"
    /// Every template ``forgeOwned()`` renders, for commands that parse templates ahead.
    static let templates = [registryTemplate, openAPITemplate]

    /// forge.yaml, the OpenAPI document and the registry, from the manifest alone.
    public func forgeOwned() throws(ForgeError) -> [GeneratedFile] {
        try forgeOwned { () throws(ForgeError) in [] }
    }

    /// `work`'s files, then ``forgeOwned()``'s, the OpenAPI document rendered on a second core
    /// meanwhile: in an app of 100 resources it is megabytes, as long to make as the rest.
    public func forgeOwned(alongside work: () throws(ForgeError) -> [GeneratedFile]) throws(ForgeError) -> [GeneratedFile] {
        let document = Mutex<Result<GeneratedFile, ForgeError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { [self] in
            let made = Result { () throws(ForgeError) in try openAPIFile() }
            document.withLock { $0 = made }
            done.signal()
        }
        let files = Result { () throws(ForgeError) in
            try work() + [GeneratedFile(path: Manifest.fileName, contents: try manifest.yaml(), ownership: .forge)]
        }
        let registry = Result { () throws(ForgeError) in
            GeneratedFile(path: Self.registryPath, contents: try templates.render(Self.registryTemplate, registryValues), ownership: .forge)
        }
        done.wait()
        return try files.get() + [try document.withLock { $0 }!.get(), try registry.get()]
    }

    /// The template rendered around a marker that the document then replaces: megabytes of
    /// text need not pass through the template engine's encoder and scanner.
    private func openAPIFile() throws(ForgeError) -> GeneratedFile {
        let document = try OpenAPIDocument(manifest: manifest).render(.json)
        let marker = "\u{1}forge-openapi-document\u{1}"
        let frame = try templates.render(Self.openAPITemplate, OpenAPIValues(document: marker))
        guard let range = frame.range(of: marker) else {
            throw ForgeError("template \(Self.openAPITemplate) must use {{{document}}} once")
        }
        var contents = String(frame[..<range.lowerBound])
        contents.reserveCapacity(frame.utf8.count + document.utf8.count)
        contents += document
        contents += frame[range.upperBound...]
        return GeneratedFile(path: Self.openAPIPath, contents: contents, ownership: .forge)
    }

    /// What the registry lists, from the manifest alone: resources in manifest order (which is
    /// dependency order), then components in the order they were made.
    var registryValues: RegistryValues {
        let components = manifest.components ?? []
        let seeders = manifest.resources.filter { $0.has(.seeder) }.map { "\($0.name)Seeder" }
            + components.filter { $0.kind == .seeder }.map { "\($0.name)Seeder" }
        var registrations: [RegistryValues.Registration] = []
        for resource in manifest.resources where resource.has(.controller) {
            registrations.append(.init(type: "\(resource.name)Controller", resource: true, service: "\(resource.name)Service", protected: resource.protected == true))
        }
        for component in components where component.kind == .controller || component.kind == .route {
            let type = component.name + (component.kind == .controller ? "Controller" : "Routes")
            registrations.append(.init(type: type, resource: false, service: "", protected: component.protected == true))
        }
        return RegistryValues(
            migrations: manifest.migrationNames.sorted().map(MigrationName.typeName),
            seeders: seeders,
            middleware: components.filter { $0.kind == .middleware }.map { "\($0.name)Middleware" },
            registrations: registrations,
            hasProtected: registrations.contains(where: \.protected)
        )
    }
}
