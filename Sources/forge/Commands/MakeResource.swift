import ArgumentParser
import Foundation
import ForgeCore

struct MakeResource: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:resource",
        abstract: "Generate every layer of one resource and register it.",
        discussion: """
        Writes the model, create/update/response DTOs with validation, the migration, repository,
        service, controller (routes under /api/<plural>), factory, seeder and a test, then updates forge.yaml and
        the registry so the app builds and serves the resource with no hand edits.

        Field specs are name:type[:rule,rule,...] (docs/field-specs.md). Types: \(FieldType.names.joined(separator: ", ")).
        Enums list values after slashes (status:enum/draft/published); references name a resource
        (author:references/User makes author_id). Rules: required, nullable, unique, index, max:N,
        min:N, gt:N, ge:N, lt:N, le:N, foreign:table.id, default:VALUE.

        Examples:
          forge make:resource Post -f title:string:required,max:200 -f body:text:required -f views:integer:nullable
          forge make:resource Customer -f email:email:required,unique -f name:string:max:80 --dry-run
          forge make:resource Comment -f body:text:required -f post:references/Post:required --soft-deletes
          forge make:resource Product -f price:money:required,ge:0 -f status:enum/draft/live:default:draft
        """
    )

    @Argument(help: "The resource's singular PascalCase name, e.g. Post or BlogPost.")
    var name: String

    @Option(name: [.short, .customLong("field")], help: "A field spec, name:type[:rules]; repeat for each field.")
    var fields: [String] = []

    @Flag(help: "Soft-delete rows (a deleted_at column, a restore route, trashed rows hidden from lists).")
    var softDeletes = false

    @Flag(help: "Overwrite files you may have edited.")
    var force = false

    @Flag(help: "Print what would be written, and write nothing.")
    var dryRun = false

    func run() throws {
        var trace = PhaseTrace()
        let project = try Console.project()
        trace.mark("read forge.yaml")
        let installation = try Installation.locate()
        trace.mark("locate templates")
        let generator = ResourceGenerator(manifest: project.manifest, templates: installation.templates(projectRoot: project.root))
        let plan = try generator.plan(name: name, specs: fields, softDeletes: softDeletes, date: Date())
        trace.mark("parse and render")
        let changes = FileChangeSet(root: project.root, files: plan.files, force: force)
        let outcome = dryRun ? try changes.plan() : try changes.apply()
        trace.mark("write")
        Console.report(outcome, dryRun: dryRun, upToDate: "\(name) is up to date: nothing to write.")
        if outcome.changedAnything && !dryRun {
            print("Next: forge db:migrate && forge serve")
        }
    }
}
