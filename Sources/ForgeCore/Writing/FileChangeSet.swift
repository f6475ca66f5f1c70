import Foundation

/// Writes a command's files all or nothing, and records what it wrote.
///
/// Every file is first staged next to its destination, then moved into place; any failure
/// restores what was there and removes what was staged, leaving the tree byte-identical.
///
/// An existing file is refreshed when forge owns it (the manifest, the registry) or when its
/// bytes still hash to what forge last wrote there (``Checksums``). A file the user edited is
/// merged: base = what forge last wrote (kept under `.forge/base/`), ours = the file now,
/// theirs = the new render (``ThreeWayMerge``). A clean merge is written; a conflict stops the
/// whole command unless `force` overwrites, or `writeConflictMarkers` writes git-style markers.
public struct FileChangeSet {
    /// What happened, or would happen, to each file.
    public struct Outcome: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        /// Files the user edited, into which the new render merged cleanly.
        public var merged: [String] = []
        public var unchanged: [String] = []
        /// Files removed (`forge destroy`): ones forge wrote and nobody edited, or any with `force`.
        public var deleted: [String] = []
        /// Files the user edited where the edits and the new render change the same lines.
        public var conflicts: [String] = []
        /// Each conflicting file's hunks, in the order of `conflicts`.
        public var hunks: [String: [ThreeWayMerge.Hunk]] = [:]
        /// Whether the conflicting files were written with conflict markers.
        public var markersWritten = false

        public init() {}

        /// Whether anything was (or would be) written.
        public var changedAnything: Bool { !created.isEmpty || !updated.isEmpty || !merged.isEmpty || !deleted.isEmpty || markersWritten }
    }

    public let root: URL
    public let files: [GeneratedFile]
    /// Paths to remove; an edited one is a conflict unless `force`.
    public let deletions: [String]
    public let force: Bool
    public let writeConflictMarkers: Bool

    /// What this command does, decided once.
    private let outcome: Outcome
    /// Every file to write, with its final contents: renders, merges, bases and the checksums.
    private let writes: [GeneratedFile]
    /// Every file to remove: the deleted ones and their bases.
    private let removals: [String]
    /// What each existing file holds now, read once (for diffs).
    private let existing: [String: Data]
    /// What each changing file will hold (a merge's result where there is one).
    private let final: [String: String]

    public init(root: URL, files: [GeneratedFile], deletions: [String] = [], force: Bool = false, writeConflictMarkers: Bool = false) {
        self.root = root
        self.files = files
        self.deletions = deletions
        self.force = force
        self.writeConflictMarkers = writeConflictMarkers
        let read = { (path: String) in FileManager.default.contents(atPath: root.appendingPathComponent(path).path) }
        let previous = read(Checksums.path)
        let recorded = previous.map { Checksums.parse(String(decoding: $0, as: UTF8.self)) } ?? Checksums()
        var checksums = recorded
        var existing: [String: Data] = [:]
        var outcome = Outcome()
        var writes: [GeneratedFile] = []
        var final: [String: String] = [:]
        for file in files where file.path != Checksums.path {
            let current = read(file.path)
            existing[file.path] = current
            // A user's file: its base is kept for merges.
            let tracked = file.ownership != .forge
            let base = tracked ? read(BaseStore.path(of: file.path)) : nil
            let rendered = Data(file.contents.utf8)
            if file.path != Manifest.fileName {
                checksums.digests[file.path] = SHA256.hex(Array(file.contents.utf8))
            }
            var contents: String? = file.contents
            if current == nil {
                outcome.created.append(file.path)
            } else if current == rendered {
                outcome.unchanged.append(file.path)
                contents = nil
            } else if file.ownership == .forge || force || recorded.isPristine(file.path, contents: current!) {
                outcome.updated.append(file.path)
            } else if let base,
                      let merge = try? ThreeWayMerge.merge(ours: String(decoding: current!, as: UTF8.self), base: String(decoding: base, as: UTF8.self),
                                                           theirs: file.contents, path: file.path) {
                if merge.isClean, Data(merge.text.utf8) == current {
                    // Nothing of forge's change is missing from the file: the edits stand as they are.
                    outcome.unchanged.append(file.path)
                    contents = nil
                } else if merge.isClean {
                    outcome.merged.append(file.path)
                    contents = merge.text
                } else {
                    outcome.conflicts.append(file.path)
                    outcome.hunks[file.path] = merge.conflicts
                    contents = merge.text
                }
            } else {
                // No base to merge from (a file forge wrote before it kept them), or no git.
                outcome.conflicts.append(file.path)
                contents = nil
            }
            if let contents {
                final[file.path] = contents
                writes.append(GeneratedFile(path: file.path, contents: contents, ownership: file.ownership))
            }
            // The base follows the render wherever the file is consistent with it.
            if tracked, base != rendered {
                writes.append(GeneratedFile(path: BaseStore.path(of: file.path), contents: file.contents, ownership: .forge))
            }
        }
        var removals: [String] = []
        for path in deletions {
            guard let current = read(path) else { continue }
            existing[path] = current
            guard force || recorded.isPristine(path, contents: current) else {
                outcome.conflicts.append(path)
                continue
            }
            outcome.deleted.append(path)
            removals.append(path)
            checksums.digests[path] = nil
            if read(BaseStore.path(of: path)) != nil { removals.append(BaseStore.path(of: path)) }
        }
        outcome.markersWritten = writeConflictMarkers && !outcome.conflicts.isEmpty
            && outcome.conflicts.allSatisfy { final[$0] != nil }
        if previous == nil || recorded != checksums {
            writes.append(GeneratedFile(path: Checksums.path, contents: checksums.text, ownership: .forge))
            if previous == nil { outcome.created.append(Checksums.path) } else { outcome.updated.append(Checksums.path) }
        } else {
            outcome.unchanged.append(Checksums.path)
        }
        existing[Checksums.path] = previous
        self.existing = existing
        self.outcome = outcome
        self.writes = writes
        self.removals = removals
        self.final = final
    }

    /// Sorts the files into created, updated, merged, unchanged and conflicts, without writing.
    public func plan() -> Outcome {
        outcome
    }

    /// Unified diffs of every file this command would create or change, conflicts included.
    public func diff(_ outcome: Outcome) -> String {
        let changing = Set(outcome.created + outcome.updated + outcome.merged + outcome.conflicts)
        let written = files.filter { changing.contains($0.path) }.map { file in
            UnifiedDiff.make(path: file.path, old: existing[file.path].map { String(decoding: $0, as: UTF8.self) }, new: final[file.path] ?? file.contents)
        }
        let removed = outcome.deleted.map { path in
            UnifiedDiff.make(path: path, old: existing[path].map { String(decoding: $0, as: UTF8.self) }, new: nil)
        }
        return (written + removed).joined()
    }

    /// The error that stops a command with conflicts.
    public static func conflictError(_ conflicts: [String]) -> ForgeError {
        ForgeError("\(conflicts.count == 1 ? "a file" : "\(conflicts.count) files") you edited \(conflicts.count == 1 ? "conflicts" : "conflict") with forge's change: \(conflicts.joined(separator: ", ")); nothing was written (see the change with --dry-run, write conflict markers with --merge, or overwrite with --force)")
    }

    /// The error after `--merge` wrote conflict markers.
    public static func markersError(_ conflicts: [String]) -> ForgeError {
        ForgeError("wrote conflict markers into \(conflicts.joined(separator: ", ")); resolve them, then run the command again")
    }

    /// Writes every created, updated or merged file (and, with `writeConflictMarkers`, the
    /// conflicting ones), atomically as a set; throws on conflicts otherwise.
    @discardableResult
    public func apply() throws(ForgeError) -> Outcome {
        guard outcome.conflicts.isEmpty || outcome.markersWritten else { throw Self.conflictError(outcome.conflicts) }
        try write(writes, removing: removals)
        return outcome
    }

    /// Stages `pending`, then moves each into place and each of `removals` aside; the backups
    /// go only once everything succeeded.
    private func write(_ pending: [GeneratedFile], removing removals: [String]) throws(ForgeError) {
        var createdDirectories: [URL] = []
        var staged: [(temporary: URL, destination: URL)] = []
        var moved: [(destination: URL, backup: URL?)] = []
        let fileManager = FileManager.default
        do {
            for file in pending {
                let destination = root.appendingPathComponent(file.path)
                createdDirectories += try makeDirectories(for: destination.deletingLastPathComponent())
                let temporary = destination.deletingLastPathComponent()
                    .appendingPathComponent(".\(destination.lastPathComponent).forge-\(UUID().uuidString)")
                try Data(file.contents.utf8).write(to: temporary)
                staged.append((temporary, destination))
            }
            for (temporary, destination) in staged {
                var backup: URL?
                if fileManager.fileExists(atPath: destination.path) {
                    let url = temporary.appendingPathExtension("backup")
                    try fileManager.moveItem(at: destination, to: url)
                    backup = url
                }
                moved.append((destination, backup))
                try fileManager.moveItem(at: temporary, to: destination)
            }
            for path in removals {
                let destination = root.appendingPathComponent(path)
                let backup = destination.deletingLastPathComponent()
                    .appendingPathComponent(".\(destination.lastPathComponent).forge-\(UUID().uuidString).backup")
                try fileManager.moveItem(at: destination, to: backup)
                moved.append((destination, backup))
            }
        } catch {
            for (destination, backup) in moved.reversed() {
                try? fileManager.removeItem(at: destination)
                if let backup { try? fileManager.moveItem(at: backup, to: destination) }
            }
            for (temporary, _) in staged { try? fileManager.removeItem(at: temporary) }
            for directory in createdDirectories.reversed() { try? fileManager.removeItem(at: directory) }
            throw ForgeError("could not write the generated files (\(error.localizedDescription)); nothing was changed")
        }
        for case let (_, backup?) in moved { try? fileManager.removeItem(at: backup) }
    }

    /// Creates `directory` and any missing parents; returns the ones it created, outermost first.
    private func makeDirectories(for directory: URL) throws -> [URL] {
        var missing: [URL] = []
        var current = directory
        while !FileManager.default.fileExists(atPath: current.path) {
            missing.insert(current, at: 0)
            current = current.deletingLastPathComponent()
        }
        for url in missing {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        }
        return missing
    }
}
