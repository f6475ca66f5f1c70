import ArgumentParser
import ForgeCore

/// The `forge` command: a thin shell over ForgeCore.
@main
struct Forge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forge",
        abstract: "Scaffold, migrate and serve Swift JSON APIs on Hummingbird and SQLite.",
        discussion: """
        Examples:
          forge new shop
          cd shop && forge make:resource Product -f name:string:required,max:120 -f price:float:min:0
          forge db:migrate && forge serve
        """,
        version: ForgeVersion.current,
        subcommands: [
            New.self, MakeResource.self, MakeRequest.self, MakeTest.self, MakeFactory.self, MakeSeeder.self,
            DBMigrate.self, DBRollback.self, DBFresh.self, DBStatus.self, DBSeed.self, Serve.self, RouteList.self, Doctor.self, ListCommands.self, Version.self,
        ]
    )
}
