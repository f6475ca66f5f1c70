import ArgumentParser
import Foundation
import ForgeCore

/// `forge alter NAME --add SPEC --drop FIELD --rename OLD:NEW --change SPEC`.
struct Alter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alter",
        abstract: "Change a resource's fields: one new migration, every layer updated, your edits kept.",
        discussion: """
        Writes one migration for the whole change (earlier migrations are never edited), updates
        forge.yaml, and renders every generated layer of the resource again: files you edited are
        merged with forge's change (three-way, with git), a conflict stops the command unless
        --merge (conflict markers) or --force (overwrite). Rows keep their values in every kept
        column; SQLite rebuilds the table where it cannot alter in place.

        Examples:
          forge alter Post --add subtitle:string:max:120
          forge alter Post --rename body:content --drop views
          forge alter Post --change title:text:required --dry-run
        """
    )

    @Argument(help: "The resource to change, as named in forge.yaml.")
    var name: String

    @Option(help: "A field to add, as a field spec (name:type[:rules]); repeatable.")
    var add: [String] = []

    @Option(help: "A field to drop, by name; repeatable. Its data goes with it.")
    var drop: [String] = []

    @Option(help: "A field to rename, OLD:NEW; repeatable. Its data is kept.")
    var rename: [String] = []

    @Option(help: "An existing field's new spec (same name, new type or rules); repeatable.")
    var change: [String] = []

    @Flag(help: "Make each row belong to a user (a user_id column; existing rows go to the first account). The resource must be protected.")
    var owned = false

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan = try workspace.resources.alter(name: name, ResourceAlteration(add: add, drop: drop, rename: rename, change: change, owned: owned), date: Date())
        try output.write(plan, in: workspace, command: "alter", upToDate: "\(name) is up to date: nothing to write.",
                         next: ["forge db:migrate", "swift test"])
    }
}
