import ArgumentParser
import Foundation
import ForgeCore

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
            for template in workspace.templates.builtInNames() { Console.out(template) }
            return
        }
        let files = try workspace.templates.publishable(name)
        let plan = GenerationPlan(manifest: workspace.project.manifest, files: files)
        try output.write(plan, in: workspace, command: "stub:publish",
                         upToDate: "the published templates are up to date: nothing to write.")
    }
}
