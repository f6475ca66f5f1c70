import ArgumentParser
import ForgeCore

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
            New.self, MakeResource.self, MakeModel.self, MakeMigration.self, MakeController.self, MakeRoute.self,
            MakeService.self, MakeRepository.self, MakeRequest.self, MakeMiddleware.self, MakeTest.self, MakeFactory.self,
            MakeSeeder.self, MakeEnum.self, MakeException.self, StubPublish.self,
            DBMigrate.self, DBRollback.self, DBFresh.self, DBStatus.self, DBSeed.self, Serve.self, RouteList.self, DoctorCommand.self, RuntimeBuild.self, ListCommands.self, VersionCommand.self,
        ]
    )

    public init() {}
}
