import ArgumentParser
import ForgeCore
import Foundation

/// The `forge` command: a thin shell over ForgeCore.
public struct Forge: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "forge",
        abstract: "Scaffold, migrate and serve Swift JSON APIs on Hummingbird and SQLite.",
        discussion: """
        Examples:
          forge new shop
          cd shop && forge make:resource Product -f name:string:required,max:120 -f price:money:required,ge:0
          forge db:migrate && forge serve
        """,
        version: ForgeVersion.current,
        subcommands: [
            New.self, MakeResource.self, Alter.self, Destroy.self, Upgrade.self, MakeModel.self, MakeMigration.self, MakeController.self, MakeRoute.self,
            MakeService.self, MakePolicy.self, MakeRepository.self, MakeRequest.self, MakeMiddleware.self, MakeTest.self, MakeFactory.self,
            MakeSeeder.self, MakeEnum.self, MakeException.self, StubPublish.self,
            DBMigrate.self, DBRollback.self, DBFresh.self, DBStatus.self, DBSeed.self, UserCreate.self, RoleCreate.self, RoleGrant.self, RoleRevoke.self, PermissionGrant.self, Serve.self, RouteList.self, OpenAPICommand.self, DoctorCommand.self, RuntimeBuild.self, ListCommands.self, VersionCommand.self,
        ]
    )

    public init() {}

    /// Parses the process's arguments, runs the command and exits: 0 on success, 64 on a usage
    /// error (argument-parser's own, or a field spec or name forge cannot read), 1 otherwise.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // argument-parser reports its own errors (with the command's usage) and exit codes.
            guard isUsageError(error) else { exit(withError: error) }
            FileHandle.standardError.write(Data("Error: \(message(for: error))\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    /// Bad input that forge itself finds (a field spec, a resource name), as opposed to
    /// argument-parser's usage errors.
    static func isUsageError(_ error: any Error) -> Bool {
        switch error {
        case let error as ForgeError: error.isUsageError
        case is FieldSpecError: true
        default: false
        }
    }

    /// The exit status for `error`: 64 (`EX_USAGE`) for bad input on the command line.
    public static func exitStatus(for error: any Error) -> Int32 {
        isUsageError(error) ? ExitCode.validationFailure.rawValue : exitCode(for: error).rawValue
    }
}
