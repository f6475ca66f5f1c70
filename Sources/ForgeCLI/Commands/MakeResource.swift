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
        the registry so the app builds and serves the resource with no hand edits. Run again with no
        -f to regenerate every layer from the fields stored in forge.yaml (a make:model resource
        gains its missing layers that way); run again with other fields to change the resource as
        forge alter does (fields missing from the new list are dropped only with --drop).

        Field specs are name:type[:rule,rule,...] (docs/field-specs.md). Types: \(FieldType.names.joined(separator: ", ")).
        Enums list values after slashes (status:enum/draft/published); references name a resource
        (author:references/User makes author_id); many links rows through a pivot table
        (tags:many/Tag: tag_ids in requests, /api/<plural>/{id}/tags). Rules: required, nullable,
        unique, index, max:N, min:N, gt:N, ge:N, lt:N, le:N, foreign:table.id, default:VALUE,
        on_delete:restrict|cascade|set_null.

        Examples:
          forge make:resource Post -f title:string:required,max:200 -f body:text:required -f views:integer:nullable
          forge make:resource Customer -f email:email:required,unique -f name:string:max:80 --dry-run
          forge make:resource Comment -f body:text:required -f post:references/Post:required --soft-deletes
          forge make:resource Product -f price:money:required,ge:0 -f status:enum/draft/live:default:draft -p
          forge make:resource Note -f body:text:required -p --owned
          forge make:resource Page -f title:string:required -p --role editor
        """
    )

    @Argument(help: "The resource's singular PascalCase name, e.g. Post or BlogPost.")
    var name: String

    @Option(name: [.short, .customLong("field")], help: "A field spec, name:type[:rules]; repeat for each field.")
    var fields: [String] = []

    @Flag(name: [.short, .customLong("migration")], help: "Generate the migration (always on for a resource; accepted so fastpy and Laravel command lines work unchanged).")
    var migration = false

    @Flag(name: [.short, .customLong("protected")], help: "Put every route behind authentication (Authorization: Bearer <access token>).")
    var protected = false

    @Flag(help: "Each row belongs to the signed-in user who made it (a user_id column); every route sees only the caller's rows. Needs -p.")
    var owned = false

    @Option(help: "The role writes need (a lowercase identifier, e.g. editor), through a generated policy. Needs -p.")
    var role: String?

    @Option(help: "The role reads need too (list, count, show). Needs -p.")
    var readRole: String?

    @Flag(help: "Soft-delete rows (a deleted_at column, a restore route, trashed rows hidden from lists).")
    var softDeletes = false

    @Flag(help: "On a rerun with fewer fields, drop the missing ones (and their data) instead of refusing.")
    var drop = false

    @OptionGroup var output: WriteOptions

    func run() throws {
        var trace = PhaseTrace()
        let workspace = try Workspace.current()
        trace.mark("read forge.yaml and locate templates")
        let plan = try workspace.resources.plan(name: name, specs: fields, softDeletes: softDeletes, protected: protected, owned: owned,
                                                     role: role, readRole: readRole, drop: drop, date: Date())
        trace.mark("parse and render")
        try output.write(plan, in: workspace, command: "make:resource", upToDate: "\(name) is up to date: nothing to write.",
                         next: ["forge db:migrate", "forge serve"])
        trace.mark("write")
    }
}
