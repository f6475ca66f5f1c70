import ArgumentParser
import Foundation
import ForgeCore

/// Builds the current app when needed and runs one of its executable's commands.
enum AppProcess {
    static func builder() throws -> AppBuilder {
        let project = try Console.project()
        return AppBuilder(project: project, runtimeRoot: project.runtimeLink()?.url)
    }

    /// Runs `arguments` on the app, passing its output through; exits with its status.
    static func forward(_ arguments: [String]) throws {
        let builder = try builder()
        try builder.buildIfNeeded(log: Console.progress)
        let status = try Subprocess.stream([builder.project.executable.path] + arguments, in: builder.project.root)
        if status != 0 { throw ExitCode(status) }
    }
}
