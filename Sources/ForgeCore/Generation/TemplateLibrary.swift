import Foundation
import Mustache

/// Loads templates by name (`resource/Model`) from the project's published copies first,
/// then from forge's built-in `Templates/` folder, and renders them as plain text.
public struct TemplateLibrary: Sendable {
    /// Folders searched in order; the first that has a template wins.
    public let directories: [URL]

    public init(directories: [URL]) {
        self.directories = directories
    }

    /// Renders template `name` with `values`.
    public func render(_ name: String, _ values: [String: Any]) throws(ForgeError) -> String {
        try template(named: name).render(values)
    }

    private func template(named name: String) throws(ForgeError) -> MustacheTemplate {
        let candidates = directories.map { $0.appendingPathComponent(name + ".mustache") }
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ForgeError("template '\(name)' is missing from \(directories.map(\.path).joined(separator: ", ")); reinstall forge or set FORGE_HOME")
        }
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + String(contentsOf: url, encoding: .utf8))
        } catch {
            throw ForgeError("template \(url.path) does not parse: \(error)")
        }
    }
}
