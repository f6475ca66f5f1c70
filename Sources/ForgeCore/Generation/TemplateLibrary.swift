import Dispatch
import Foundation
import Mustache
import Synchronization

/// Loads templates by name (`resource/Model`) from the project's published copies first,
/// then from forge's built-in `Templates/` folder, and renders them as plain text.
///
/// Every built-in template opens with a version line, `{{! forge-template N }}` (a Mustache
/// comment, so it renders as nothing). Raising N when a template changes in a way a published
/// copy should pick up makes forge warn about older copies (``staleOverrides()``).
public struct TemplateLibrary: Sendable {
    /// Folders searched in order; the first that has a template wins.
    public let directories: [URL]

    public init(directories: [URL]) {
        self.directories = directories
    }

    /// Renders template `name` with `context`, a typed struct of its values; a tag the context
    /// cannot fill (a misspelt key in a published template, say) is an error naming it, not
    /// empty text.
    public func render(_ name: String, _ context: some Encodable) throws(ForgeError) -> String {
        try render(name, tree: TemplateTree.of(context))
    }

    /// Renders template `name` with a context already made a tree (one context, many templates).
    public func render(_ name: String, tree values: [String: Any]) throws(ForgeError) -> String {
        let (text, url) = try source(of: name)
        if let key = TemplateKeys.missing(in: text, values).first {
            let suggestion = Suggester.closest(to: key, in: TemplateKeys.allKeys(values).sorted()).map { " — did you mean '\($0)'?" } ?? ""
            throw ForgeError("template \(url.path) uses {{\(key)}}, which forge gives it no value for\(suggestion)")
        }
        return try pieces(of: text, at: url).map { $0.render(values) }.joined()
    }

    /// Parses the templates `names` ahead of rendering them, one per core: parsing is most of
    /// the time a `make:*` or `forge alter` takes. A template that fails here is reported by
    /// the render that needs it.
    public func prepare(_ names: [String]) {
        let sources = names.compactMap { try? source(of: $0) }
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let (text, url) = sources[index]
            _ = try? pieces(of: text, at: url)
        }
    }

    /// Parsed templates by their text, shared by every library of the process, so a template
    /// is parsed once however many resources render it (`forge upgrade` renders each template
    /// once per resource). Keyed by text, not path: a published copy that changes is new text.
    private static let parsed = Mutex<[String: [MustacheTemplate]]>([:])

    /// The pieces `text` parses into (see ``TemplateChunks``), parsed once per process.
    private func pieces(of text: String, at url: URL) throws(ForgeError) -> [MustacheTemplate] {
        if let pieces = Self.parsed.withLock({ $0[text] }) { return pieces }
        do {
            let pieces = try TemplateChunks.split(text).map { piece in try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + piece) }
            Self.parsed.withLock { $0[text] = pieces }
            return pieces
        } catch {
            throw ForgeError("template \(url.path) does not parse: \(error)")
        }
    }

    /// The text of template `name` without its version line, and where it was found.
    private func source(of name: String) throws(ForgeError) -> (String, URL) {
        let candidates = directories.map { $0.appendingPathComponent(name + ".mustache") }
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ForgeError("template '\(name)' is missing from \(directories.map(\.path).joined(separator: ", ")); reinstall forge or set FORGE_HOME")
        }
        guard var text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ForgeError("cannot read the template \(url.path)")
        }
        // The version line is for forge, not for the output (swift-mustache keeps a standalone
        // comment's newline).
        if Self.version(of: text) != nil, let newline = text.firstIndex(of: "\n") {
            text.removeSubrange(...newline)
        }
        return (text, url)
    }

    /// The folder of built-in templates: the last one searched.
    public var builtIn: URL? { directories.last }

    /// The version a template's text declares on its first line, or `nil` when it declares none.
    public static func version(of text: String) -> Int? {
        let prefix = "{{! forge-template "
        guard text.hasPrefix(prefix), let end = text.firstIndex(of: "}") else { return nil }
        return Int(text[text.index(text.startIndex, offsetBy: prefix.count)..<end].trimmingCharacters(in: .whitespaces))
    }

    /// Every built-in template's name (`resource/Model.swift`), sorted.
    public func builtInNames() -> [String] {
        guard let builtIn else { return [] }
        let files = FileManager.default.enumerator(atPath: builtIn.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
    }

    /// One warning for each published template older than the built-in one it overrides
    /// (or declaring no version). Costs one directory check when nothing is published.
    public func staleOverrides() -> [String] {
        guard directories.count > 1, let builtIn else { return [] }
        var warnings: [String] = []
        for directory in directories.dropLast() where FileManager.default.fileExists(atPath: directory.path) {
            let files = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
            for file in files.sorted() where file.hasSuffix(".mustache") {
                guard let original = try? String(contentsOf: builtIn.appendingPathComponent(file), encoding: .utf8),
                      let current = Self.version(of: original)
                else { continue }
                let published = (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)).flatMap(Self.version(of:))
                if published.map({ $0 < current }) ?? true {
                    let name = String(file.dropLast(".mustache".count))
                    warnings.append("warning: your published template \(name) is version \(published.map(String.init) ?? "unknown"), older than forge's \(current); compare them with forge stub:publish \(name) --dry-run, then merge or republish with --force")
                }
            }
        }
        return warnings
    }

    /// The files `forge stub:publish [NAME]` writes: copies of the built-in templates under
    /// `.forge/templates/`, where they override the built-in ones for this project.
    /// `name` may be a full name (`resource/Model.swift`), a folder (`resource`) or a bare
    /// template name (`Model.swift`, `Model`).
    public func publishable(_ name: String?) throws(ForgeError) -> [GeneratedFile] {
        guard let builtIn else { return [] }
        let all = builtInNames()
        let chosen: [String]
        if let name {
            let trimmed = name.hasSuffix(".mustache") ? String(name.dropLast(".mustache".count)) : name
            chosen = all.filter { candidate in
                candidate == trimmed || candidate.hasPrefix(trimmed + "/")
                    || candidate.split(separator: "/").last.map { $0 == trimmed || $0 == trimmed + ".swift" } == true
            }
            guard !chosen.isEmpty else {
                let suggestion = Suggester.closest(to: trimmed, in: all).map { " — did you mean '\($0)'?" } ?? "; forge stub:publish --list shows them"
                throw ForgeError("no template '\(name)'\(suggestion)")
            }
        } else {
            chosen = all
        }
        var files: [GeneratedFile] = []
        for template in chosen {
            let url = builtIn.appendingPathComponent(template + ".mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ForgeError("cannot read the built-in template \(url.path); reinstall forge")
            }
            files.append(GeneratedFile(path: TemplateLibrary.publishedFolder + "/" + template + ".mustache", contents: text))
        }
        return files
    }

    /// Where a project's published templates live, relative to its root.
    public static let publishedFolder = ".forge/templates"
}
