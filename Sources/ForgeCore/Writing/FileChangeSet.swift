import Foundation

/// Writes a command's files all or nothing, and records what it wrote.
///
/// Every file is first staged next to its destination, then moved into place; any failure
/// restores what was there and removes what was staged, leaving the tree byte-identical.
///
/// An existing file is refreshed only when forge owns it (the manifest, the registry) or when
/// its bytes still hash to what forge last wrote there (``Checksums``). Any other difference
/// is the user's edit: a conflict, which stops the whole command unless `force` is set.
public struct FileChangeSet {
    /// What happened, or would happen, to each file.
    public struct Outcome: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []
        /// Files the user edited since forge wrote them, which this command would overwrite.
        public var conflicts: [String] = []

        public init() {}

        /// Whether anything was (or would be) written.
        public var changedAnything: Bool { !created.isEmpty || !updated.isEmpty }
    }

    public let root: URL
    public let files: [GeneratedFile]
    public let force: Bool

    /// `files` plus the updated checksum record.
    private let allFiles: [GeneratedFile]
    /// What each existing file holds now, read once.
    private let existing: [String: Data]

    public init(root: URL, files: [GeneratedFile], force: Bool = false) {
        self.root = root
        self.files = files
        self.force = force
        var existing: [String: Data] = [:]
        for file in files {
            if let data = FileManager.default.contents(atPath: root.appendingPathComponent(file.path).path) {
                existing[file.path] = data
            }
        }
        let previous = FileManager.default.contents(atPath: root.appendingPathComponent(Checksums.path).path)
        let recorded = previous.map { Checksums.parse(String(decoding: $0, as: UTF8.self)) } ?? Checksums()
        var checksums = recorded
        for file in files where file.path != Manifest.fileName && file.path != Checksums.path {
            checksums.digests[file.path] = SHA256.hex(Array(file.contents.utf8))
        }
        if let previous { existing[Checksums.path] = previous }
        self.existing = existing
        self.allFiles = files.filter { $0.path != Checksums.path } + [GeneratedFile(path: Checksums.path, contents: checksums.text, ownership: .forge)]
        self.recorded = recorded
    }

    /// The record as it was before this command.
    private let recorded: Checksums

    /// Sorts the files into created, updated, unchanged and conflicts, without writing.
    public func plan() -> Outcome {
        var outcome = Outcome()
        for file in allFiles {
            guard let current = existing[file.path] else {
                outcome.created.append(file.path)
                continue
            }
            if current == Data(file.contents.utf8) {
                outcome.unchanged.append(file.path)
            } else if file.ownership == .forge || force || recorded.isPristine(file.path, contents: current) {
                outcome.updated.append(file.path)
            } else {
                outcome.conflicts.append(file.path)
            }
        }
        return outcome
    }

    /// Unified diffs of every file this command would create or change, conflicts included.
    public func diff(_ outcome: Outcome) -> String {
        let changing = Set(outcome.created + outcome.updated + outcome.conflicts)
        return allFiles.filter { changing.contains($0.path) }.map { file in
            UnifiedDiff.make(path: file.path, old: existing[file.path].map { String(decoding: $0, as: UTF8.self) }, new: file.contents)
        }.joined()
    }

    /// The error that stops a command with conflicts.
    public static func conflictError(_ conflicts: [String]) -> ForgeError {
        ForgeError("\(conflicts.count == 1 ? "a file" : "\(conflicts.count) files") you edited would be overwritten: \(conflicts.joined(separator: ", ")); nothing was written (see the change with --dry-run, or overwrite with --force)")
    }

    /// Writes every created or updated file, atomically as a set; throws on conflicts.
    @discardableResult
    public func apply() throws(ForgeError) -> Outcome {
        let outcome = plan()
        guard outcome.conflicts.isEmpty else { throw Self.conflictError(outcome.conflicts) }
        let toWrite = Set(outcome.created + outcome.updated)
        try write(allFiles.filter { toWrite.contains($0.path) })
        return outcome
    }

    private func write(_ pending: [GeneratedFile]) throws(ForgeError) {
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
