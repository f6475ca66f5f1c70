import ArgumentParser
@testable import ForgeRuntime
import Testing

/// The app executable's command line: each command takes only its own options.
@Suite struct AppCommandLineTests {
    @Test func noArgumentsMeanServe() throws {
        #expect(try AppCommandLine.parse([]) is ServeCommand)
        let serve = try #require(try AppCommandLine.parse(["serve", "-p", "9000", "--host", "0.0.0.0"]) as? ServeCommand)
        #expect(serve.port == 9000 && serve.host == "0.0.0.0")
    }

    @Test func aCommandRefusesAnotherCommandsOptionAsAUsageError() {
        for arguments in [["serve", "--steps", "2"], ["migrate", "--json"], ["routes", "--force"], ["doctor", "--port", "80"], ["frobnicate"]] {
            do {
                _ = try AppCommandLine.parse(arguments)
                Issue.record("\(arguments) was accepted")
            } catch {
                #expect(AppRootCommand.exitCode(for: error) == .validationFailure, "\(arguments)")
                #expect(AppRootCommand.message(for: error).isEmpty == false)
            }
        }
    }

    @Test func valuesOutOfRangeAreRefusedWithTheRange() {
        let cases: [([String], String)] = [
            (["serve", "--port", "70000"], "1-65535"),
            (["rollback", "--steps", "0"], "1 or more"),
            (["seed", "--count", "0"], "1-1000000"),
            (["fresh", "--seed", "--count", "2000000"], "1-1000000"),
        ]
        for (arguments, range) in cases {
            #expect(throws: (any Error).self, "\(arguments)") { try AppCommandLine.parse(arguments) }
            do {
                _ = try AppCommandLine.parse(arguments)
            } catch {
                #expect(AppRootCommand.message(for: error).contains(range), "\(arguments): \(AppRootCommand.message(for: error))")
                #expect(AppRootCommand.exitCode(for: error) == .validationFailure)
            }
        }
    }

    @Test func everyCommandParsesWhatForgePassesIt() throws {
        // The argument lists forge's db:*, route:list, serve and doctor commands forward.
        let rollback = try #require(try AppCommandLine.parse(["rollback", "--steps", "2", "--force"]) as? RollbackCommand)
        #expect(rollback.steps == 2 && rollback.force)
        let fresh = try #require(try AppCommandLine.parse(["fresh", "--seed", "--count", "5", "--force"]) as? FreshCommand)
        #expect(fresh.seed && fresh.seeding.count == 5 && fresh.force)
        let seed = try #require(try AppCommandLine.parse(["seed", "--count", "3", "--seeder", "Product"]) as? SeedCommand)
        #expect(seed.seeding.count == 3 && seed.seeding.seeder == "Product")
        #expect((try AppCommandLine.parse(["status", "--json"]) as? StatusCommand)?.json == true)
        #expect(try AppCommandLine.parse(["migrate:status"]) is StatusCommand)
        #expect((try AppCommandLine.parse(["routes", "--json"]) as? RoutesCommand)?.json == true)
        #expect(try AppCommandLine.parse(["migrate"]) is MigrateCommand)
        #expect(try AppCommandLine.parse(["doctor"]) is AppDoctorCommand)
    }

    @Test func helpForOneCommandIsThatCommandsHelp() {
        do {
            _ = try AppCommandLine.parse(["help", "rollback"])
            Issue.record("help ran no help")
        } catch {
            #expect(AppRootCommand.exitCode(for: error) == .success)
            let help = AppRootCommand.fullMessage(for: error)
            #expect(help.contains("--steps") && !help.contains("SUBCOMMANDS"), "\(help)")
        }
    }

    @Test func eachCommandsHelpListsOnlyItsOwnOptions() {
        let serve = AppRootCommand.helpMessage(for: ServeCommand.self)
        #expect(serve.contains("--port") && serve.contains("--host"))
        #expect(!serve.contains("--steps") && !serve.contains("--seeder"))
        let rollback = AppRootCommand.helpMessage(for: RollbackCommand.self)
        #expect(rollback.contains("--steps") && rollback.contains("--force") && !rollback.contains("--port"))
        let root = AppRootCommand.helpMessage()
        for name in ["serve", "migrate", "rollback", "fresh", "status", "seed", "routes", "doctor"] {
            #expect(root.contains(name), "\(name) is missing from the command list")
        }
    }
}
