import ArgumentParser
import Foundation
import ForgeCore

struct MakePolicy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make:policy",
        abstract: "Generate a protected resource's policy (view, create, update, delete for a user and a record), which its service consults.",
        discussion: """
        Writes Sources/App/Policies/<Name>Policy.swift: from the resource's --role and --read-role
        when it has them, else letting every signed-in caller do everything (admins always pass),
        and renders its service and controller again so they ask it; edit the rules freely. A
        `false` answers 403 for a record the caller can see; a record they cannot see stays a 404.

        Examples:
          forge make:policy Page
        """
    )

    @Argument(help: "A protected resource in forge.yaml, e.g. Page.")
    var name: String

    @OptionGroup var output: WriteOptions

    func run() throws {
        let workspace = try Workspace.current()
        let plan = try workspace.resources.plan(policyFor: name)
        try output.write(plan, in: workspace, command: "make:policy", upToDate: "\(name)'s policy is up to date: nothing to write.",
                         next: ["swift build"])
    }
}
