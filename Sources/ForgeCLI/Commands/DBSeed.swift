import ArgumentParser
import Foundation
import ForgeCore

struct DBSeed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db:seed",
        abstract: "Insert factory-made rows with the app's seeders.",
        discussion: """
        Builds the app if its sources changed, then runs its own `seed` command: every seeder in
        registry order (referenced tables first), or only --seeder. Each seeder inserts --count
        rows (default 10) in one transaction and reports how many the table gained.

        Examples:
          forge db:seed
          forge db:seed --seeder Post --count 500
        """
    )

    @Option(help: "Only this resource's seeder, e.g. Post.")
    var seeder: String?

    @Option(help: "Rows per seeder.")
    var count: Int = 10

    func run() throws {
        try AppProcess.forward(["seed", "--count", String(count)] + (seeder.map { ["--seeder", $0] } ?? []))
    }
}
