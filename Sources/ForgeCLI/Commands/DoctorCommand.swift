import ArgumentParser
import Foundation
import ForgeCore

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the toolchain, the app, its runtime link, database and migrations.",
        discussion: """
        Each failed check prints how to fix it; the exit code is 1 when any check fails.

        Examples:
          forge doctor
          forge doctor --json
        """
    )

    @Flag(help: "Print the checks as JSON.")
    var json = false

    func run() throws {
        let installation = try? Installation.locate()
        let doctor = ForgeCore.Doctor(directory: Console.directory, installation: installation)
        let checks = doctor.run(log: Console.progress)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.out(String(decoding: try encoder.encode(checks), as: UTF8.self))
        } else {
            for check in checks {
                let mark = check.passed ? Console.success("ok  ") : Console.failure("FAIL")
                Console.out("\(mark) \(check.name): \(check.detail)")
                if let fix = check.fix { Console.out("      fix: \(fix)") }
            }
        }
        if checks.contains(where: { !$0.passed }) { throw ExitCode(1) }
    }
}
