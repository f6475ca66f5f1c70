import Foundation
import Yams

/// `forge.yaml`: the app's name and database, and every resource with its parsed fields, so
/// later commands generate from what was stored rather than re-asking.
///
/// The `version` key versions the format; forge refuses a newer one instead of misreading it.
public struct Manifest: Codable, Equatable, Sendable {
    /// The format this forge reads and writes.
    /// Version 2 added enum `values`, reference `target`s and the gt/ge/lt/le/foreign rules;
    /// version 3 added a resource's `layers` and `protected`, `components`, and `app.auth`,
    /// later a resource's `owned`.
    /// Older files read unchanged.
    public static let currentVersion = 3
    /// The file name at the root of every forge app.
    public static let fileName = "forge.yaml"

    public var version: Int
    public var app: AppSection
    /// Extra singular → plural pairs for names the built-in rules get wrong.
    public var inflections: [String: String]?
    /// What `make:migration|controller|route|middleware|seeder` made outside any resource,
    /// so the registry can list it.
    public var components: [Component]?
    public var resources: [Resource]

    public struct AppSection: Codable, Equatable, Sendable {
        /// The package and executable name.
        public var name: String
        /// `sqlite` or `postgres`.
        public var database: String
        /// How the API names rows; absent means `integer`.
        public var ids: IDStyle?
        /// Whether the app has the auth module (`/api/auth/*`, users); absent means no
        /// (`forge new --no-auth`, or an app made before forge had one).
        public var auth: Bool?

        /// Whether the app has the auth module.
        public var hasAuth: Bool { auth == true }
    }

    /// How the API names rows.
    public enum IDStyle: String, Codable, Sendable, CaseIterable {
        /// The integer primary key, in URLs and bodies.
        case integer
        /// An integer key inside, a UUID `public_id` in every URL and body.
        case dual
    }

    /// One resource as `make:resource` stored it.
    public struct Resource: Codable, Equatable, Sendable {
        /// Singular PascalCase type name.
        public var name: String
        public var table: String
        /// The migration that creates the table.
        public var migration: String
        public var fields: [Field]
        /// Whether `delete` stamps `deleted_at` instead of removing the row.
        public var softDeletes: Bool?
        /// Whether its routes need an authenticated caller (`make:resource -p`).
        public var protected: Bool?
        /// Whether each row belongs to a user (`make:resource -p --owned`): a `user_id` column set
        /// from the signed-in caller, and every route sees only the caller's rows.
        public var owned: Bool?
        /// The role writes need (`make:resource -p --role editor`), and the one reads need
        /// (`--read-role`); either gives the resource a policy (`<Name>Policy`).
        public var role: String?
        public var readRole: String?
        /// Whether it has a policy without a role (`forge make:policy NAME`).
        public var policy: Bool?

        /// Whether its service consults `<Name>Policy`: roles, `make:policy`, or owned rows (whose
        /// policy starts by allowing the owner everything the scope lets them reach).
        public var hasPolicy: Bool { role != nil || readRole != nil || policy == true || owned == true }
        /// The layers generated so far, when not all of them (`make:model` makes only the model);
        /// `nil` means every layer.
        public var layers: [Layer]?
        /// The migrations `forge alter` wrote for this table after its create migration, oldest
        /// first. Once there is one, the create migration is never rendered again (it may have
        /// run somewhere): the fields are the table as the last alteration leaves it.
        public var alterations: [String]?

        public init(name: String, table: String, migration: String, fields: [Field], softDeletes: Bool = false, protected: Bool = false,
                    owned: Bool = false, layers: [Layer]? = nil, alterations: [String]? = nil) {
            self.name = name
            self.table = table
            self.migration = migration
            self.fields = fields
            self.softDeletes = softDeletes ? true : nil
            self.protected = protected ? true : nil
            self.owned = owned ? true : nil
            self.layers = layers.flatMap { Layer.stored(Set($0)) }
            self.alterations = alterations?.isEmpty == true ? nil : alterations
        }

        /// Records `added` as generated (nothing changes for a resource that has every layer).
        public mutating func add(_ added: Set<Layer>) {
            guard let current = layers else { return }
            layers = Layer.stored(Set(current).union(added))
        }

        /// Whether `layer` has been generated.
        public func has(_ layer: Layer) -> Bool {
            layers?.contains(layer) ?? true
        }
    }

    /// One generated layer of a resource.
    public enum Layer: String, Codable, Sendable, CaseIterable {
        case model, migration, repository, request, response, service, controller, factory, seeder, test

        /// `layers` with every layer they need.
        public static func closure(of layers: some Sequence<Layer>) -> Set<Layer> {
            Set(layers.flatMap { [$0] + $0.requires })
        }

        /// `layers` as forge.yaml keeps them: in declaration order, or `nil` when all are there.
        static func stored(_ layers: Set<Layer>) -> [Layer]? {
            let ordered = allCases.filter(layers.contains)
            return ordered == allCases ? nil : ordered
        }

        /// The layers this one's code names, which must exist for it to compile.
        public var requires: [Layer] {
            switch self {
            case .model, .migration: []
            case .repository, .request, .response, .factory: [.model]
            case .service: [.model, .repository, .request]
            case .controller: [.model, .repository, .request, .response, .service, .migration]
            case .seeder: [.model, .repository, .factory, .migration]
            case .test: [.model, .repository, .request, .response, .service, .controller, .migration, .factory]
            }
        }
    }

    /// Something registered that is not a resource's layer.
    public struct Component: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            /// A migration from `make:migration`; `name` is its full name, time stamp included.
            case migration
            /// `make:controller NAME` without a resource: `<Name>Controller`.
            case controller
            /// `make:route NAME`: `<Name>Routes`.
            case route
            /// `make:middleware NAME`: `<Name>Middleware`, run on every request.
            case middleware
            /// `make:seeder NAME` without a resource: `<Name>Seeder`.
            case seeder
        }

        public var kind: Kind
        public var name: String
        /// Routes behind authentication (`make:route --protected`).
        public var protected: Bool?

        public init(kind: Kind, name: String, protected: Bool = false) {
            self.kind = kind
            self.name = name
            self.protected = protected ? true : nil
        }
    }

    public init(appName: String, database: String = "sqlite", ids: IDStyle = .integer, auth: Bool = false) {
        self.version = Self.currentVersion
        self.app = AppSection(name: appName, database: database, ids: ids == .integer ? nil : ids, auth: auth ? true : nil)
        self.inflections = nil
        self.components = nil
        self.resources = []
    }

    /// Every migration the registry lists: resources' and `make:migration`'s.
    public var migrationNames: [String] {
        resources.filter { $0.has(.migration) }.flatMap { [$0.migration] + ($0.alterations ?? []) }
            + (components ?? []).filter { $0.kind == .migration }.map(\.name)
    }

    /// Throws unless the app can sign callers in: protected routes need the auth module.
    public func requireAuth(for command: String) throws(ForgeError) {
        guard app.hasAuth else {
            throw ForgeError("\(command): protected routes need the auth module, and this app was made without it (forge new --no-auth, or before forge had one)")
        }
    }

    /// The inflector with this project's irregulars.
    public var inflector: Inflector { Inflector(custom: inflections ?? [:]) }

    /// Reads and checks a manifest.
    public static func load(from url: URL) throws(ForgeError) -> Manifest {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ForgeError("cannot read \(url.path): \(error.localizedDescription)")
        }
        return try parse(text, path: url.path)
    }

    /// Parses manifest text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(ForgeError) -> Manifest {
        let manifest: Manifest
        if let fast = ManifestReader.read(text) {
            manifest = fast
        } else {
            manifest = try parseWithYams(text, path: path)
        }
        guard manifest.version <= currentVersion else {
            throw ForgeError("\(path) has format version \(manifest.version), newer than this forge understands (\(currentVersion)); upgrade forge")
        }
        return manifest
    }

    /// Holds a stored resource (perhaps hand-edited) to the rules `make:resource` enforces before
    /// anything is generated from it: every field must parse back to itself from its spec, and
    /// there must be a field. Only the resources being rendered are checked, which keeps a
    /// `make:*` in an app of 100 resources fast.
    static func check(_ resource: Resource, path: String = Manifest.fileName) throws(ForgeError) {
        guard !resource.fields.isEmpty else {
            throw ForgeError("\(path): resource '\(resource.name)' has no fields")
        }
        for field in resource.fields {
            let parsed: Field
            do {
                parsed = try FieldSpecParser.parse(field.spec)
            } catch {
                throw ForgeError("\(path): resource '\(resource.name)': \(error.description)")
            }
            guard parsed.name == field.name, parsed.type == field.type, parsed.values == field.values else {
                throw ForgeError("\(path): resource '\(resource.name)' field '\(field.name)' does not match its own spec '\(field.spec)'")
            }
        }
    }

    /// The general path, for manifests written or edited in another YAML style.
    static func parseWithYams(_ text: String, path: String) throws(ForgeError) -> Manifest {
        let manifest: Manifest
        do {
            manifest = try YAMLDecoder().decode(Manifest.self, from: text)
        } catch {
            throw ForgeError("\(path) is not a valid forge manifest: \(Self.describe(error))")
        }
        return manifest
    }

    private static func describe(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.keyNotFound(let key, let context) = error {
            return "missing key '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        }
        if case DecodingError.typeMismatch(_, let context) = error {
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        }
        return "\(error)"
    }
}
