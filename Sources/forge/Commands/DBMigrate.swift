import ArgumentParser
import Foundation
import ForgeCore

struct DBMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:migrate",
        abstract: "Apply pending migrations to the app's database.",
        discussion: """
        Builds the app if its sources changed, then runs its own `migrate` command against
        DATABASE_URL from .env (default sqlite:db/development.sqlite). Pending migrations run
        as one batch, each in its own transaction.

        Examples:
          forge db:migrate
          DATABASE_URL=sqlite:/tmp/scratch.sqlite forge db:migrate
        """
    )

    func run() throws {
        try AppCommand.forward(["migrate"])
    }
}

/// Builds the current app when needed and runs one of its executable's commands.
enum AppCommand {
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
