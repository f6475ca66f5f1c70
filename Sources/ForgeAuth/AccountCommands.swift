import ArgumentParser
import ForgeRuntime
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The account commands the auth module adds to the app's executable, so production needs no
/// forge and no SQL: `shop user:create --email ada@example.com --role admin`, `shop role:grant
/// ada@example.com editor`. forge runs the same commands in development (`forge user:create`).
enum AccountCommands {
    static let all: [any AppSubcommand.Type] = [UserCreateCommand.self, RoleCreateCommand.self, RoleGrantCommand.self,
                                                RoleRevokeCommand.self, PermissionGrantCommand.self]

    /// Runs `body` on the app's database, turning a ``RoleError`` into a one-line failure (exit 64
    /// for a bad name, 1 otherwise).
    static func run(_ definition: AppDefinition, _ body: @escaping (AppConfiguration, Database) async throws -> Void) async throws {
        do {
            try await definition.withDatabase(body)
        } catch let error as RoleError {
            throw AppCommandLineError(message: error.description, exitCode: error.isUsageError ? 64 : 1)
        }
    }
}

/// `user:create --email E [--password P] [--name N] [--role R]`.
struct UserCreateCommand: AppSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "user:create",
        abstract: "Create an account, its address already verified; the password is read from stdin unless given (never echoed)."
    )

    @Option(help: "The account's email address.")
    var email: String

    @Option(help: "The password; without it, it is read from stdin (a prompt without echo on a terminal).")
    var password: String?

    @Option(help: "The account's display name.")
    var name: String?

    @Option(help: "A role to grant right away, e.g. admin; repeat for more.")
    var role: [String] = []

    func run(_ definition: AppDefinition) async throws {
        let email = AuthService.normalized(self.email)
        for role in role {
            if let problem = Roles.problem(withName: role) { throw AppCommandLineError(message: problem, exitCode: 64) }
        }
        let password = try self.password ?? Self.readPassword()
        let check = AuthService.checkNewAccount(email: email, password: password, name: name)
        if !check.passed, case let failure = check.failure, let field = failure.fields.first {
            throw AppCommandLineError(message: "\(field.field) \(field.messages.joined(separator: ", "))", exitCode: 64)
        }
        try await AccountCommands.run(definition) { configuration, database in
            let settings = try AuthSettings(configuration)
            let hash = try await Passwords.hash(password, cost: settings.bcryptCost)
            try await database.transaction { db in
                let now = Date()
                guard try await AuthService.insertAccount(email: email, passwordHash: hash, name: name, verifiedAt: now, at: now, on: db) != nil else {
                    throw AppCommandLineError(message: "an account with email \(email) already exists")
                }
                for role in role { try await Roles.grant(role, to: email, on: db) }
            }
            print("Created \(email)\(role.isEmpty ? "" : " with role \(role.joined(separator: ", "))")")
        }
    }

    /// A line from stdin; on a terminal, after a prompt and with echo off (restored on return, and
    /// on Ctrl-C or SIGTERM, which then end the command with 130).
    static func readPassword() throws -> String {
        let terminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &promptTerminal) == 0
        if terminal {
            FileHandle.standardError.write(Data("Password: ".utf8))
            var quiet = promptTerminal
            quiet.c_lflag &= ~tcflag_t(ECHO)
            signal(SIGINT, restoreTerminalAndExit)
            signal(SIGTERM, restoreTerminalAndExit)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        }
        defer {
            if terminal {
                tcsetattr(STDIN_FILENO, TCSAFLUSH, &promptTerminal)
                signal(SIGINT, SIG_DFL)
                signal(SIGTERM, SIG_DFL)
                FileHandle.standardError.write(Data("\n".utf8))
            }
        }
        guard let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw AppCommandLineError(message: "no password: pass --password or write it to stdin", exitCode: 64)
        }
        return line
    }
}

/// The terminal's settings before the password prompt turned echo off; only the prompt and its
/// signal handler touch it, one after the other.
nonisolated(unsafe) private var promptTerminal = termios()

/// Puts echo back and exits, for a signal that arrives while the prompt waits.
private func restoreTerminalAndExit(_ signal: Int32) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &promptTerminal)
    _exit(128 + signal)
}

/// `role:create NAME`.
struct RoleCreateCommand: AppSubcommand {
    static let configuration = CommandConfiguration(commandName: "role:create", abstract: "Create a role (a lowercase identifier, e.g. editor).")

    @Argument(help: "The role's name.")
    var role: String

    func run(_ definition: AppDefinition) async throws {
        if let problem = Roles.problem(withName: role) { throw AppCommandLineError(message: problem, exitCode: 64) }
        try await AccountCommands.run(definition) { _, database in
            try await Roles.create(role, on: database.sql)
            print("Role \(role) exists")
        }
    }
}

/// `role:grant EMAIL ROLE`.
struct RoleGrantCommand: AppSubcommand {
    static let configuration = CommandConfiguration(commandName: "role:grant", abstract: "Give an account a role; both must exist.")

    @Argument(help: "The account's email address.")
    var email: String

    @Argument(help: "The role, e.g. admin.")
    var role: String

    func run(_ definition: AppDefinition) async throws {
        try await AccountCommands.run(definition) { _, database in
            try await Roles.grant(role, to: email, on: database.sql)
            print("Granted \(role) to \(AuthService.normalized(email))")
        }
    }
}

/// `role:revoke EMAIL ROLE`.
struct RoleRevokeCommand: AppSubcommand {
    static let configuration = CommandConfiguration(commandName: "role:revoke", abstract: "Take a role from an account; it holds from the next request.")

    @Argument(help: "The account's email address.")
    var email: String

    @Argument(help: "The role.")
    var role: String

    func run(_ definition: AppDefinition) async throws {
        try await AccountCommands.run(definition) { _, database in
            let had = try await Roles.revoke(role, from: email, on: database.sql)
            print(had ? "Revoked \(role) from \(AuthService.normalized(email))" : "\(AuthService.normalized(email)) did not have \(role)")
        }
    }
}

/// `permission:grant ROLE PERMISSION`.
struct PermissionGrantCommand: AppSubcommand {
    static let configuration = CommandConfiguration(commandName: "permission:grant", abstract: "Let a role do something, e.g. posts.delete.")

    @Argument(help: "The role; it must exist.")
    var role: String

    @Argument(help: "The permission: lowercase words joined by dots.")
    var permission: String

    func run(_ definition: AppDefinition) async throws {
        try await AccountCommands.run(definition) { _, database in
            try await Roles.allow(role, to: permission, on: database.sql)
            print("Role \(role) may \(permission)")
        }
    }
}
