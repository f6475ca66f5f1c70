import ArgumentParser
import Foundation
import ForgeCore

/// What every "one layer of a stored resource" command shares.
struct LayerOptions: ParsableArguments {
    @Argument(help: "A resource already in forge.yaml, e.g. Post.")
    var name: String

    @Flag(help: "Overwrite a file you may have edited.")
    var force = false

    @Flag(help: "Print what would be written, and write nothing.")
    var dryRun = false

    func run(_ layer: ResourceGenerator.Layer) throws {
        let project = try Console.project()
        let installation = try Installation.locate()
        let generator = ResourceGenerator(manifest: project.manifest, templates: installation.templates(projectRoot: project.root))
        let plan = try generator.plan(layer: layer, name: name)
        let changes = FileChangeSet(root: project.root, files: plan.files, force: force)
        let outcome = dryRun ? try changes.plan() : try changes.apply()
        Console.report(outcome, dryRun: dryRun, upToDate: "\(name)'s \(layer.rawValue) is up to date: nothing to write.")
    }
}

struct MakeRequest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:request",
        abstract: "Regenerate a resource's create/update request DTOs from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:request Post --force"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.request) }
}

struct MakeTest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:test",
        abstract: "Regenerate a resource's test suite from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:test Post"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.test) }
}

struct MakeFactory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:factory",
        abstract: "Regenerate a resource's factory (valid fake drafts) from its fields in forge.yaml.",
        discussion: "Example:\n  forge make:factory Post --dry-run"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.factory) }
}

struct MakeSeeder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:seeder",
        abstract: "Regenerate a resource's seeder from its fields in forge.yaml and register it.",
        discussion: "Example:\n  forge make:seeder Post && forge db:seed --seeder Post --count 500"
    )
    @OptionGroup var options: LayerOptions
    func run() throws { try options.run(.seeder) }
}

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
        try AppCommand.forward(["seed", "--count", String(count)] + (seeder.map { ["--seeder", $0] } ?? []))
    }
}
