import ArgumentParser
import Foundation
import Logging
import Synchronization

/// The app executable's own commands, so production runs without forge (`shop --help` lists
/// them, `shop help migrate` explains one). ``AppRootCommand`` is the one list of commands.
public enum AppCommandLine {
    /// Runs the command named in `arguments` (without the program name) and exits: 0 on success,
    /// 64 on a usage error (with the command's usage), 1 on any other failure.
    public static func main(_ definition: AppDefinition, arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        let command: any AppSubcommand
        do {
            command = try parse(arguments, modules: definition.modules)
        } catch {
            AppRootCommand.exit(withError: error)
        }
        do {
            try await command.run(definition)
            exit(0)
        } catch let error as AppCommandLineError {
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            exit(error.exitCode)
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// Parses one command line; no arguments at all mean `serve`. Throws argument-parser's
    /// errors (`--help` included), which `AppRootCommand.exit(withError:)` reports.
    public static func parse(_ arguments: [String]) throws -> any AppSubcommand {
        try parse(arguments, modules: [])
    }

    /// Parses one command line of an app whose modules may add commands.
    static func parse(_ arguments: [String], modules: [any AppModule]) throws -> any AppSubcommand {
        AppRootCommand.moduleCommands.withLock { $0 = modules.flatMap(\.commands) }
        var parsed = try AppRootCommand.parseAsRoot(arguments)
        guard let command = parsed as? any AppSubcommand else {
            // `help [COMMAND]` runs argument-parser's own command, which asks for that help.
            try parsed.run()
            throw CleanExit.helpRequest(AppRootCommand.self)
        }
        return command
    }

    /// Parses and runs one command; throws instead of exiting, for tests.
    public static func run(_ definition: AppDefinition, arguments: [String]) async throws {
        try await parse(arguments, modules: definition.modules).run(definition)
    }
}

/// A command of the app's executable: parsed by argument-parser, run with the app it belongs to.
public protocol AppSubcommand: ParsableCommand {
    func run(_ definition: AppDefinition) async throws
}

/// The root of the app's command line: the list of its commands, `serve` by default.
public struct AppRootCommand: ParsableCommand {
    /// The commands of the app's modules, set before each parse (argument-parser reads its
    /// subcommands from a static configuration).
    static let moduleCommands = Mutex<[any AppSubcommand.Type]>([])

    /// Named after the executable, so `shop --help` says `shop`.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "app",
            abstract: "The app's own commands, so production runs without forge.",
            subcommands: [
                ServeCommand.self,
                MigrateCommand.self,
                RollbackCommand.self,
                FreshCommand.self,
                StatusCommand.self,
                SeedCommand.self,
                RoutesCommand.self,
                AppDoctorCommand.self,
            ] + moduleCommands.withLock { $0 },
            defaultSubcommand: ServeCommand.self
        )
    }

    public init() {}
}

/// A failure the app's command line reports in one line, with its exit code: 64 for a usage
/// error (a bad name or value), 1 otherwise.
public struct AppCommandLineError: Error {
    public var message: String
    public var exitCode: Int32

    public init(message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }
}

extension AppDefinition {
    /// Runs `body` with the app's settings (environment and `.env`) and its database, closed
    /// afterwards: what a module's command works in.
    public func withDatabase(_ body: (AppConfiguration, Database) async throws -> Void) async throws {
        let environment = try await AppCommandEnvironment.load(self)
        try await environment.withDatabase { database in try await body(environment.configuration, database) }
    }
}
