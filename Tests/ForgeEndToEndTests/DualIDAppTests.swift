import Foundation
import Testing

/// `forge new --ids dual`: an app whose API names rows only by UUID builds without warnings
/// and passes the tests forge generated for a soft-deleting resource with a unique field and a
/// reference, which in such an app holds the target's public UUID, and a many-to-many relation,
/// whose pivot holds public UUIDs too (the generated `linksWatchers` test).
@Suite(.serialized, .enabled(if: endToEndEnabled, "set FORGE_E2E=1 to build and exercise a generated app"))
struct DualIDAppTests {
    @Test func aDualIDAppBuildsAndPassesItsGeneratedTests() throws {
        let forge = try forgeBinary.path
        let folder = try prepareScratchApp(shape: "dual-ids", app: "desk")
        let app = folder.appendingPathComponent("desk")
        let created = try runCommand([forge, "new", "desk", "--ids", "dual"], in: folder)
        #expect(created.status == 0, "\(created.output)")
        try restoreBuildCache(folder: folder, app: "desk")
        let agent = try runCommand([forge, "make:resource", "Agent", "-f", "name:string:required"], in: app)
        #expect(agent.status == 0, "\(agent.output)")
        let made = try runCommand([forge, "make:resource", "Ticket", "-f", "subject:string:required,max:120", "-f", "assignee:references/Agent:required",
                                   "-f", "priority:integer:min:1,max:5", "-f", "reporter_email:email:unique",
                                   "-f", "due_at:datetime", "-f", "watchers:many/Agent", "-f", "reporter:references/User", "--soft-deletes"], in: app)
        #expect(made.status == 0, "\(made.output)")
        let (build, ownWarnings) = try buildApp(app)
        #expect(build.status == 0, "\(build.output.suffix(4000))")
        #expect(ownWarnings.isEmpty, "\(ownWarnings.joined(separator: "\n"))")
        let tests = try runCommand(["swift", "test", "--skip-build"], in: app)
        #expect(tests.status == 0, "\(tests.output.suffix(4000))")
        #expect(tests.output.contains("linksWatchers"), "\(tests.output.suffix(2000))")
        let routes = try runCommand([forge, "route:list", "--json", "--path", "tickets"], in: app)
        #expect(routes.output.contains("/api/tickets/{id}/restore"), "\(routes.output)")
    }
}
