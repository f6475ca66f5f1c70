import ArgumentParser
import Foundation
import ForgeCore

struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Print or write the app's OpenAPI 3.1 document.",
        discussion: """
        The document is derived from forge.yaml: every route, field rule, status and security
        requirement of the generated API. make:*, alter and destroy keep the copy the app serves
        (GET /openapi.json, and a reference at GET /docs) current; this prints the same bytes.

        Examples:
          forge openapi
          forge openapi --output openapi.yaml
          forge openapi --format yaml --output api/openapi.yml
        """
    )

    @Option(name: .shortAndLong, help: "Write the document to this file (atomically) instead of printing it.")
    var output: String?

    @Option(help: "json or yaml; default: from --output's extension, else json.")
    var format: OpenAPIDocument.Format?

    func run() throws {
        let project = try Console.project()
        let chosen = format ?? output.flatMap { path in
            [".yaml", ".yml"].contains(where: path.lowercased().hasSuffix) ? .yaml : nil
        } ?? .json
        let text = try OpenAPIDocument(manifest: project.manifest).render(chosen)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ForgeError("cannot write \(output): there is no folder \(folder.relativePath)")
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ForgeError("cannot write \(output): \(Self.reason(error))")
        }
        Console.progress("wrote \(output) (\(text.utf8.count) bytes, OpenAPI 3.1, \(chosen.rawValue))")
    }

    /// The operating system's reason, without Foundation's wrapping.
    static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain, let text = strerror(Int32(code)) {
            return String(cString: text).lowercased()
        }
        return (error as NSError).localizedFailureReason ?? error.localizedDescription
    }
}

extension OpenAPIDocument.Format: ExpressibleByArgument {}
