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

struct DBRollback: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:rollback",
        abstract: "Revert the last batch of migrations, or the last N migrations.",
        discussion: """
        Each migration is reverted in its own transaction, newest first. Refuses under
        APP_ENV=production unless --force.

        Examples:
          forge db:rollback
          forge db:rollback --steps 2
        """
    )

    @Option(help: "Revert this many migrations, whatever their batch.")
    var steps: Int?

    @Flag(help: "Run even with APP_ENV=production.")
    var force = false

    func run() throws {
        try AppCommand.forward(["rollback"] + (steps.map { ["--steps", String($0)] } ?? []) + (force ? ["--force"] : []))
    }
}

struct DBFresh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:fresh",
        abstract: "Drop every table and migrate from scratch, then seed with --seed.",
        discussion: """
        Refuses under APP_ENV=production unless --force.

        Examples:
          forge db:fresh
          forge db:fresh --seed --count 50
        """
    )

    @Flag(help: "Run every seeder afterwards.")
    var seed = false

    @Option(help: "Rows per seeder with --seed.")
    var count: Int = 10

    @Flag(help: "Run even with APP_ENV=production.")
    var force = false

    func run() throws {
        var arguments = ["fresh"]
        if seed { arguments += ["--seed", "--count", String(count)] }
        if force { arguments.append("--force") }
        try AppCommand.forward(arguments)
    }
}

struct DBStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:status",
        abstract: "List applied (with batch), pending and orphaned migrations.",
        discussion: """
        Orphaned migrations are recorded as applied but no longer in the code.

        Examples:
          forge db:status
          forge db:status --json
        """
    )

    @Flag(help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        try AppCommand.forward(["status"] + (json ? ["--json"] : []))
    }
}
