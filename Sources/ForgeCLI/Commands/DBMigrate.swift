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
        try AppProcess.forward(["migrate"])
    }
}
