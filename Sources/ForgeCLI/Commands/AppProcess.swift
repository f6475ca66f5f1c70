import ArgumentParser
import Foundation
import ForgeCore

/// Builds the current app when needed and runs one of its executable's commands.
enum AppProcess {
    static func builder() throws -> AppBuilder {
        let project = try Console.project()
        return AppBuilder(project: project, runtimeRoot: project.runtimeLink()?.url)
    }

    /// Builds the app when needed, then becomes its executable running `arguments`: the app
    /// then owns the terminal (a password prompt without echo works) and its exit status is forge's.
    static func replace(with arguments: [String]) throws -> Never {
        let builder = try builder()
        try builder.buildIfNeeded(log: Console.progress)
        try Subprocess.exec([builder.project.executable.path] + arguments, in: builder.project.root)
    }

    /// Runs `arguments` on the app, passing its output through; exits with its status.
    static func forward(_ arguments: [String]) throws {
        let builder = try builder()
        try builder.buildIfNeeded(log: Console.progress)
        let status = try Subprocess.stream([builder.project.executable.path] + arguments, in: builder.project.root)
        if status != 0 { throw ExitCode(status) }
    }
}
