import ArgumentParser
import Foundation
import ForgeCore

struct RuntimeBuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runtime:build",
        abstract: "Build the runtime once for every app of this installation, with the active Swift.",
        discussion: """
        Generated apps link the runtime built here instead of compiling Hummingbird, SQLite and
        the rest themselves, so a new app's first build compiles only its own files. `make install`
        runs this; run it again after changing Swift toolchains (apps refuse a runtime built by
        another compiler). `--release` builds the one release builds of apps link.
        `--prepare-only` skips the build and only re-reads one SwiftPM already made (a checkout
        after `swift build`).

        Examples:
          forge runtime:build
          forge runtime:build --release
        """
    )

    @Flag(help: "Build the release runtime (for `forge serve --release` and `swift build -c release`).")
    var release = false

    @Flag(help: "Do not run `swift build`; write the link files from the existing build.")
    var prepareOnly = false

    func run() throws {
        let installation = try Installation.locate()
        let runtime = PrebuiltRuntime(root: installation.root, configuration: release ? .release : .debug)
        if prepareOnly {
            try runtime.prepare()
        } else {
            try runtime.build(log: Console.progress)
        }
        Console.out(Console.success("Prebuilt runtime ready") + " in \(runtime.linkDirectory.path) (\(try PrebuiltRuntime.Toolchain.active().version))")
    }
}
