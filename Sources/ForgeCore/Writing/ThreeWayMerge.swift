import Foundation

/// Merges a user's edits of a generated file into its new render: `git merge-file` with the
/// base forge last wrote (``BaseStore``), the file as it is now, and what forge renders today.
///
/// git's merge is the well-kept one every user already trusts (and `forge doctor` checks for
/// it); forge does not carry a diff3 of its own.
public enum ThreeWayMerge {
    /// The merged text, with git-style conflict markers where both sides changed the same lines.
    public struct Result: Equatable, Sendable {
        public var text: String
        public var conflicts: [Hunk]

        public var isClean: Bool { conflicts.isEmpty }
    }

    /// One region both sides changed: its lines in the merged text, markers included.
    public struct Hunk: Equatable, Sendable {
        /// The 1-based line of the hunk's `<<<<<<<` marker in the merged text.
        public var line: Int
        public var text: String
    }

    /// Merges `ours` (the file now) and `theirs` (the new render), both derived from `base`.
    public static func merge(ours: String, base: String, theirs: String, path: String) throws(ForgeError) -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forge-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = ["yours", "base", "forge"]
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in zip(names, [ours, base, theirs]) {
                try Data(text.utf8).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            throw ForgeError("cannot prepare the merge of \(path): \(error.localizedDescription)")
        }
        let output = try Subprocess.capture(
            ["git", "merge-file", "-p", "-L", "\(path) (yours)", "-L", "\(path) (as forge last wrote it)", "-L", "\(path) (as forge writes it now)"]
                + names.map { folder.appendingPathComponent($0).path }
        )
        // Exit status: 0 clean, the number of conflicts (up to 127), or negative on failure.
        guard output.status >= 0, output.status < 128 else {
            throw ForgeError("git merge-file could not merge \(path): \(output.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return Result(text: output.stdout, conflicts: hunks(in: output.stdout))
    }

    /// Whether `git` is on `PATH`, for merges (and `forge doctor`).
    public static var isAvailable: Bool {
        (try? Subprocess.capture(["git", "--version"]))?.status == 0
    }

    /// The conflict regions of merged `text`.
    static func hunks(in text: String) -> [Hunk] {
        var hunks: [Hunk] = []
        var current: (line: Int, lines: [Substring])?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if current == nil, line.hasPrefix("<<<<<<< ") {
                current = (index + 1, [line])
            } else if var open = current {
                open.lines.append(line)
                current = open
                if line.hasPrefix(">>>>>>> ") {
                    hunks.append(Hunk(line: open.line, text: open.lines.joined(separator: "\n")))
                    current = nil
                }
            }
        }
        return hunks
    }
}
