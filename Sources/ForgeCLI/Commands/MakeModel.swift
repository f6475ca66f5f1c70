import ArgumentParser
import Foundation
import ForgeCore

struct MakeModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:model",
        abstract: "Generate a model (with -m, its migration) and store its fields in forge.yaml.",
        discussion: """
        With -f, defines or changes a resource's fields but renders only the model (and with -m
        the migration, which forge registers). Without -f, regenerates the model of a stored
        resource. Later make:controller, make:service, make:test and friends render the other
        layers from the stored fields; make:resource NAME renders all of them.

        Examples:
          forge make:model Tag -f name:string:required,unique -m
          forge make:model Post --dry-run
        """
    )

    @Argument(help: "The model's singular PascalCase name, e.g. Tag.")
    var name: String

    @Option(name: [.short, .customLong("field")], help: "A field spec, name:type[:rules]; repeat for each field.")
    var fields: [String] = []

    @Flag(name: [.short, .customLong("migration")], help: "Also generate the migration that creates the table, and register it.")
    var migration = false

    @Flag(help: "Soft-delete rows (a deleted_at column).")
    var softDeletes = false

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan: GenerationPlan
        if fields.isEmpty, workspace.hasResource(name), !migration, !softDeletes {
            plan = try workspace.resources.plan(layer: .model, name: name)
        } else {
            plan = try workspace.resources.plan(name: name, specs: fields, softDeletes: softDeletes,
                                                layers: migration ? [.model, .migration] : [.model], date: Date())
        }
        try output.write(plan, in: workspace, command: "make:model", upToDate: "\(name)'s model is up to date: nothing to write.",
                         next: migration ? ["forge db:migrate"] : [])
    }
}
