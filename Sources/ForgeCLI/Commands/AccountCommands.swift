import ArgumentParser
import Foundation
import ForgeCore

/// forge's side of the auth module's account commands: each builds the app when needed and then
/// becomes the same command of its executable (`shop user:create …`, `exec`, so a password prompt
/// owns the terminal: a child in its own process group could not turn echo off or read it).
enum AccountForwarding {
    static func forward(_ arguments: [String]) throws {
        let project = try Console.project()
        guard project.manifest.app.hasAuth else {
            throw ForgeError("\(arguments[0]): this app has no auth module (it was made with forge new --no-auth), so it has no accounts or roles")
        }
        try AppProcess.replace(with: arguments)
    }
}

struct UserCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user:create",
        abstract: "Create an account (address verified) with the app's user:create; the password comes from stdin unless given.",
        discussion: """
        Without --password the app reads it from stdin: at a terminal it prompts without echo;
        otherwise it reads one line (echo "$PASSWORD" | forge user:create --email ada@example.com).

        Examples:
          forge user:create --email ada@example.com --role admin
          forge user:create --email bob@example.com --name Bob --password 'correct horse battery staple'
        """
    )

    @Option(help: "The account's email address.")
    var email: String

    @Option(help: "The password (prefer stdin: command lines end up in shell history).")
    var password: String?

    @Option(help: "The account's display name.")
    var name: String?

    @Option(help: "A role to grant right away; repeat for more.")
    var role: [String] = []

    func run() throws {
        try AccountForwarding.forward(["user:create", "--email", email] + (password.map { ["--password", $0] } ?? [])
            + (name.map { ["--name", $0] } ?? []) + role.flatMap { ["--role", $0] })
    }
}

struct RoleCreate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role:create", abstract: "Create a role (a lowercase identifier) with the app's role:create.")

    @Argument(help: "The role's name, e.g. editor.")
    var role: String

    func run() throws {
        try AccountForwarding.forward(["role:create", role])
    }
}

struct RoleGrant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role:grant", abstract: "Give an account a role with the app's role:grant.")

    @Argument(help: "The account's email address.")
    var email: String

    @Argument(help: "The role, e.g. admin.")
    var role: String

    func run() throws {
        try AccountForwarding.forward(["role:grant", email, role])
    }
}

struct RoleRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "role:revoke", abstract: "Take a role from an account with the app's role:revoke.")

    @Argument(help: "The account's email address.")
    var email: String

    @Argument(help: "The role.")
    var role: String

    func run() throws {
        try AccountForwarding.forward(["role:revoke", email, role])
    }
}

struct PermissionGrant: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "permission:grant", abstract: "Let a role do something (posts.delete) with the app's permission:grant.")

    @Argument(help: "The role; it must exist.")
    var role: String

    @Argument(help: "The permission: lowercase words joined by dots.")
    var permission: String

    func run() throws {
        try AccountForwarding.forward(["permission:grant", role, permission])
    }
}
