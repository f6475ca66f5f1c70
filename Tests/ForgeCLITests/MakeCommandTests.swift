import ArgumentParser
import ForgeCore
@testable import ForgeCLI
import Foundation
import Testing

/// forge's commands run in process against a real generated app in a temporary folder.
@Suite struct MakeCommandTests {
    /// Runs `forge ARGUMENTS` in `directory` and returns what it printed.
    @discardableResult
    static func forge(_ arguments: [String], in directory: URL) async throws -> Capture {
        let (_, capture) = try await Console.capturing(in: directory) {
            var command = try Forge.parseAsRoot(arguments)
            try command.run()
        }
        return capture
    }

    static func makeApp() async throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("forge-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try await forge(["new", "shop"], in: parent)
        return parent.appendingPathComponent("shop")
    }

    /// Every `make:*` command's next step is a command that parses, and the one that uses
    /// what was just written (a seeder is seeded, a migration migrated, a controller listed).
    @Test func everyNextStepIsARealCommandThatFits() async throws {
        let app = try await Self.makeApp()
        defer { try? FileManager.default.removeItem(at: app.deletingLastPathComponent()) }
        let commands: [([String], String)] = [
            (["make:resource", "Post", "-f", "title:string:required"], "forge db:migrate"),
            (["make:seeder", "Demo"], "forge db:seed --seeder Demo"),
            (["make:migration", "add_views_to_posts", "-f", "views:integer:default:0"], "forge db:migrate"),
            (["make:controller", "Ping"], "forge route:list"),
            (["make:route", "Hooks"], "forge route:list"),
            (["make:model", "Tag", "-f", "name:string", "-m"], "forge db:migrate"),
            (["make:middleware", "Audit"], "swift build"),
            (["make:test", "Smoke"], "swift test"),
        ]
        for (arguments, expected) in commands {
            let capture = try await Self.forge(arguments + ["--json"], in: app)
            let report = try JSONDecoder().decode(MakeReport.self, from: Data(capture.stdout.utf8))
            #expect(report.next.contains(expected), "\(arguments[0]) suggests \(report.next)")
            for step in report.next where step.hasPrefix("forge ") {
                let words = step.split(separator: " ").dropFirst().map(String.init)
                #expect(throws: Never.self, "\(arguments[0]) suggests `\(step)`, which does not parse") {
                    _ = try Forge.parseAsRoot(words)
                }
            }
        }
    }

    @Test func aSecondRunIsUpToDateAndSuggestsNothing() async throws {
        let app = try await Self.makeApp()
        defer { try? FileManager.default.removeItem(at: app.deletingLastPathComponent()) }
        try await Self.forge(["make:resource", "Post", "-f", "title:string:required"], in: app)
        let again = try await Self.forge(["make:seeder", "Post"], in: app)
        #expect(again.stdout.contains("up to date"))
        #expect(!again.stdout.contains("Next:"))
    }

    @Test func anUnknownOptionIsArgumentParsersUsageError() {
        do {
            _ = try Forge.parseAsRoot(["make:resource", "Post", "--bogus"])
            Issue.record("an unknown option was accepted")
        } catch {
            #expect(Forge.exitStatus(for: error) == 64)
            #expect(!Forge.isUsageError(error), "argument-parser reports it, usage included")
            #expect(Forge.fullMessage(for: error).contains("Usage: forge make:resource"))
        }
    }

    @Test func aBadFieldSpecIsAUsageErrorThatNamesTheToken() async throws {
        let app = try await Self.makeApp()
        defer { try? FileManager.default.removeItem(at: app.deletingLastPathComponent()) }
        do {
            try await Self.forge(["make:resource", "Post", "-f", "title:strng"], in: app)
            Issue.record("a misspelt type was accepted")
        } catch {
            #expect(Forge.exitStatus(for: error) == 64)
            #expect(Forge.message(for: error).contains("strng"))
        }
        #expect(!FileManager.default.fileExists(atPath: app.appendingPathComponent("Sources/App/Models/Post.swift").path))
    }
}
