import ArgumentParser
import Foundation
import ForgeCore

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the app (showing progress) and serve it.",
        discussion: """
        Examples:
          forge serve
          forge serve --port 9000
          forge serve --release
        """
    )

    @Option(help: "The port to listen on (default: PORT from .env, else 8080).")
    var port: Int?

    @Option(help: "The address to bind (default: HOST from .env, else 127.0.0.1).")
    var host: String?

    @Flag(help: "Build with optimizations.")
    var release = false

    func validate() throws {
        if let port, !(1...65535).contains(port) {
            throw ValidationError("--port \(port) is not a port number (1-65535)")
        }
    }

    func run() throws {
        let builder = try AppProcess.builder()
        let project = builder.project
        var executable = project.executable.path
        if release {
            try builder.build(.release, log: Console.progress)
            executable = project.root.appendingPathComponent(".build/release/\(project.manifest.app.name)").path
        } else {
            try builder.buildIfNeeded(log: Console.progress)
        }
        var arguments = [executable, "serve"]
        if let port { arguments += ["--port", String(port)] }
        if let host { arguments += ["--host", host] }
        try Subprocess.exec(arguments, in: project.root)
    }
}
