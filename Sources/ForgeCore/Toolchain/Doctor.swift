import ForgeShared
import Foundation

/// `forge doctor`: checks the toolchain, the project and its database, each failure with a fix.
public struct Doctor {
    /// One check's result.
    public struct Check: Codable, Equatable, Sendable {
        public var name: String
        public var passed: Bool
        /// What was found.
        public var detail: String
        /// How to fix a failure.
        public var fix: String?
    }

    public let directory: URL
    public let installation: Installation?

    public init(directory: URL, installation: Installation?) {
        self.directory = directory
        self.installation = installation
    }

    /// Runs every check; `log` receives progress (such as a build) while it runs.
    public func run(log: (String) -> Void) -> [Check] {
        var checks = [toolchain(), git()]
        let project: Project
        do {
            project = try Project.locate(from: directory)
            checks.append(Check(name: "forge app", passed: true, detail: "\(project.manifest.app.name) at \(project.root.path), \(project.manifest.resources.count) resource(s)"))
        } catch {
            checks.append(Check(name: "forge app", passed: false, detail: error.message, fix: "cd into an app created by `forge new NAME`, or fix the YAML error named above"))
            return checks
        }
        let runtime = runtimeLink(project)
        checks.append(runtime.check)
        checks.append(secrets(project))
        guard runtime.check.passed else { return checks }
        let builder = AppBuilder(project: project, runtimeRoot: runtime.root)
        let prebuilt = Self.prebuiltCheck(builder)
        checks.append(prebuilt)
        guard prebuilt.passed else { return checks }
        do {
            try builder.buildIfNeeded(log: log)
            let output = try builder.run(["doctor"])
            let report = try JSONDecoder().decode(AppDoctorReport.self, from: Data(output.stdout.utf8))
            if project.manifest.app.database == "sqlite" {
                checks.append(Check(name: "SQLite library", passed: true, detail: "SQLite \(report.sqliteVersion) (linked into the app)"))
            }
            if report.database == "ok" {
                checks.append(Check(name: "database", passed: true, detail: "reachable" + (report.databaseVersion.map { ", \($0)" } ?? "")))
                let pending = report.pendingMigrations
                checks.append(Check(
                    name: "migrations",
                    passed: pending.isEmpty,
                    detail: pending.isEmpty ? "all applied" : "\(pending.count) pending: \(pending.joined(separator: ", "))",
                    fix: pending.isEmpty ? nil : "run `forge db:migrate`"
                ))
            } else {
                checks.append(Check(name: "database", passed: false, detail: report.databaseError ?? "unreachable",
                                    fix: project.manifest.app.database == "postgres"
                                        ? "check DATABASE_URL in .env, that the server runs, and that the database exists (createdb NAME)"
                                        : "check DATABASE_URL in .env (for SQLite: sqlite:db/development.sqlite) and that its folder is writable"))
            }
        } catch {
            checks.append(Check(name: "app build", passed: false, detail: "\(error)", fix: "run `swift build` in \(project.root.path) and fix what it reports"))
        }
        return checks
    }

    private func toolchain() -> Check {
        guard let output = try? Subprocess.capture(["swift", "--version"]), output.status == 0 else {
            return Check(name: "Swift toolchain", passed: false, detail: "`swift` not found on PATH",
                         fix: "install Swift 6.x from swift.org and put its bin folder on PATH")
        }
        let text = output.stdout + output.stderr
        let version = text.firstMatch(of: /Swift version (\d+)\.(\d+)(\.\d+)?/)
        guard let version, let major = Int(version.1) else {
            return Check(name: "Swift toolchain", passed: false, detail: "cannot read the version from `swift --version`", fix: "install Swift 6.x")
        }
        let label = "Swift \(version.1).\(version.2)\(version.3 ?? "")"
        return major >= 6
            ? Check(name: "Swift toolchain", passed: true, detail: label)
            : Check(name: "Swift toolchain", passed: false, detail: "\(label) is too old", fix: "install Swift 6.0 or newer")
    }

    /// git, which merges your edits of generated files with forge's changes (`git merge-file`).
    private func git() -> Check {
        guard let output = try? Subprocess.capture(["git", "--version"]), output.status == 0 else {
            return Check(name: "git", passed: false, detail: "`git` not found on PATH: forge cannot merge your edits of generated files, so any edited file forge regenerates is a conflict",
                         fix: "install git (apt-get install git, brew install git)")
        }
        return Check(name: "git", passed: true, detail: output.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + " (merges your edits of generated files)")
    }

    /// The runtime path the app's Package.swift resolves to, and whether it holds forge.
    private func runtimeLink(_ project: Project) -> (check: Check, root: URL?) {
        guard let link = project.runtimeLink() else {
            return (Check(name: "runtime link", passed: false, detail: "Package.swift is missing or names no ForgeRuntime path",
                          fix: "set FORGE_RUNTIME_PATH to a forge checkout, or restore the generated Package.swift"), nil)
        }
        guard Installation.isValid(link.url) else {
            let fix = installation.map { "set FORGE_RUNTIME_PATH=\($0.root.path), or edit the path in Package.swift" }
                ?? "set FORGE_RUNTIME_PATH to a forge checkout"
            return (Check(name: "runtime link", passed: false, detail: "\(link.path) does not hold ForgeRuntime", fix: fix), nil)
        }
        return (Check(name: "runtime link", passed: true, detail: link.path + (link.fromEnvironment ? " (from FORGE_RUNTIME_PATH)" : "")), link.url)
    }

    /// Whether the app can link its installation's prebuilt runtime with the active toolchain.
    static func prebuiltCheck(_ builder: AppBuilder, active: PrebuiltRuntime.Toolchain? = try? .active()) -> Check {
        let name = "prebuilt runtime"
        guard let runtime = builder.prebuiltRuntime() else {
            return Check(name: name, passed: true, detail: "not used: the app builds ForgeRuntime from source (FORGE_RUNTIME=source, or none prebuilt)")
        }
        guard let active else {
            return Check(name: name, passed: false, detail: "cannot read the Swift version from `swiftc --version`", fix: "put Swift 6's bin folder on PATH")
        }
        switch runtime.status(active: active) {
        case let .ready(built):
            return Check(name: name, passed: true, detail: "\(runtime.linkDirectory.path), built with \(built.version)")
        case .missing:
            return Check(name: name, passed: false, detail: "\(runtime.root.path) has no prebuilt runtime", fix: "run `forge runtime:build` (once per installation), or set FORGE_RUNTIME=source")
        case let .otherToolchain(built, active):
            return Check(name: name, passed: false, detail: "built with \(built.version), but `swift` is \(active.version)",
                         fix: "run `forge runtime:build` to rebuild it for this toolchain, or set FORGE_RUNTIME=source")
        }
    }

    private func secrets(_ project: Project) -> Check {
        let text = try? String(contentsOf: project.root.appendingPathComponent(".env"), encoding: .utf8)
        return Self.secretsCheck(envText: text, needsJWT: project.manifest.app.hasAuth)
    }

    /// The `.env secrets` check: `APP_SECRET` always, `JWT_SECRET` when the app has the auth
    /// module. A secret fails when missing, shorter than 32 characters, or a placeholder (ForgeShared's
    /// `SecretProblem`, the check the auth module refuses to start on).
    static func secretsCheck(envText: String?, needsJWT: Bool) -> Check {
        guard let text = envText else {
            return Check(name: ".env secrets", passed: false, detail: "no .env file",
                         fix: "copy .env.example to .env and set \(needsJWT ? "APP_SECRET and JWT_SECRET" : "APP_SECRET") (`openssl rand -hex 32` each)")
        }
        let keys = needsJWT ? ["APP_SECRET", "JWT_SECRET"] : ["APP_SECRET"]
        var problems: [String] = []
        for key in keys {
            let value = text.split(separator: "\n").last { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) } ?? ""
            if let problem = SecretProblem(value) { problems.append("\(key) is \(problem)") }
        }
        guard problems.isEmpty else {
            return Check(name: ".env secrets", passed: false, detail: problems.joined(separator: "; "),
                         fix: "set each in .env to 32+ random characters (`openssl rand -hex 32`)")
        }
        return Check(name: ".env secrets", passed: true, detail: keys.joined(separator: " and ") + " set")
    }
}
