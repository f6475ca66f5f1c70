import ArgumentParser
import Foundation
import ForgeCore

struct MakeMigration: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:migration",
        abstract: "Generate a migration from its name (create_x, add_y_to_x, remove_y_from_x), registered.",
        discussion: """
        create_<table> -f SPEC... creates a table with id, the columns and timestamps.
        add_<columns>_to_<table> -f SPEC... adds columns (a required one needs default:VALUE).
        remove_<columns>_from_<table> drops columns; rollback re-adds them, typed by -f or by the
        resource that owns the table. Any other name gives an empty migration to write by hand.

        Examples:
          forge make:migration create_tags -f name:string:required,unique
          forge make:migration add_phone_to_users -f phone:phone
          forge make:migration remove_views_from_posts
        """
    )

    @Argument(help: "What the migration does, in snake_case.")
    var name: String

    @Option(name: [.short, .customLong("field")], help: "A column spec, name:type[:rules]; repeat for each column.")
    var fields: [String] = []

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan = try workspace.components.migration(name, specs: fields, date: Date())
        try output.write(plan, in: workspace, command: "make:migration", upToDate: "migration \(name) is up to date: nothing to write.",
                         next: ["forge db:migrate"])
    }
}
