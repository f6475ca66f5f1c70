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

struct MakeRoute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:route",
        abstract: "Generate a route group (<Name>Routes under /api/<name>) and register it.",
        discussion: "Examples:\n  forge make:route Webhooks\n  forge make:route Account --protected"
    )

    @Argument(help: "The group's name, e.g. Webhooks.")
    var name: String

    @Flag(help: "Put the routes behind authentication (Authorization: Bearer <access token>).")
    var protected = false

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan = try workspace.components.route(name, protected: protected)
        try output.write(plan, in: workspace, command: "make:route", upToDate: "\(name) routes are up to date: nothing to write.",
                         next: ["forge route:list"])
    }
}

struct MakeMiddleware: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:middleware",
        abstract: "Generate middleware run on every request, and register it.",
        discussion: "Example:\n  forge make:middleware Audit"
    )

    @Argument(help: "The middleware's name, e.g. Audit.")
    var name: String

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        try output.write(try workspace.components.middleware(name), in: workspace, command: "make:middleware",
                         upToDate: "\(name) middleware is up to date: nothing to write.", next: ["swift build"])
    }
}

struct MakeEnum: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:enum",
        abstract: "Generate a string enum the API and the database can hold.",
        discussion: "Example:\n  forge make:enum OrderStatus -v pending -v paid -v shipped"
    )

    @Argument(help: "The enum's name, e.g. OrderStatus.")
    var name: String

    @Option(name: [.short, .customLong("value")], help: "A value; repeat for each.")
    var values: [String] = []

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        try output.write(try workspace.components.enumeration(name, values: values), in: workspace, command: "make:enum",
                         upToDate: "enum \(name) is up to date: nothing to write.")
    }
}

struct MakeException: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:exception",
        abstract: "Generate an error the API answers with a status of your choice.",
        discussion: "Example:\n  forge make:exception PaymentRequired -s 402"
    )

    @Argument(help: "The error's name, e.g. PaymentRequired.")
    var name: String

    @Option(name: [.short, .customLong("status")], help: "The HTTP status, 400-599.")
    var status: Int = 400

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        try output.write(try workspace.components.exception(name, status: status), in: workspace, command: "make:exception",
                         upToDate: "\(name) is up to date: nothing to write.")
    }
}

struct StubPublish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stub:publish",
        abstract: "Copy templates into .forge/templates to customise what this project generates.",
        discussion: """
        Published templates override forge's own for this project. Each carries a version line;
        forge warns when a published one is older than its built-in. NAME is a template
        (resource/Model.swift), a folder (resource) or a bare name (Model); none publishes all.

        Examples:
          forge stub:publish --list
          forge stub:publish resource/Controller.swift
          forge stub:publish resource --dry-run
        """
    )

    @Argument(help: "The template or folder to publish; all when omitted.")
    var name: String?

    @Flag(help: "List the templates instead.")
    var list = false

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        if list {
            for template in workspace.templates.builtInNames() { print(template) }
            return
        }
        let files = try workspace.templates.publishable(name)
        let plan = GenerationPlan(manifest: workspace.project.manifest, files: files)
        try output.write(plan, in: workspace, command: "stub:publish",
                         upToDate: "the published templates are up to date: nothing to write.")
    }
}
