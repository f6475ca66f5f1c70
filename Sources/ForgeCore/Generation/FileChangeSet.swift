import Foundation

/// Writes a command's files all or nothing.
///
/// Every file is first staged next to its destination, then moved into place; any failure
/// restores what was there and removes what was staged, leaving the tree byte-identical.
/// A file the user owns is never overwritten unless `force` is set.
public struct FileChangeSet {
    /// What happened, or would happen, to each file.
    public struct Outcome: Equatable, Sendable {
        public var created: [String] = []
        public var updated: [String] = []
        public var unchanged: [String] = []

        /// Whether anything was (or would be) written.
        public var changedAnything: Bool { !created.isEmpty || !updated.isEmpty }
    }

    public let root: URL
    public let files: [GeneratedFile]
    public let force: Bool

    public init(root: URL, files: [GeneratedFile], force: Bool = false) {
        self.root = root
        self.files = files
        self.force = force
    }

    /// Sorts the files into created, updated and unchanged without writing; throws when a
    /// user-owned file would be overwritten without `force`.
    public func plan() throws(ForgeError) -> Outcome {
        var outcome = Outcome()
        var conflicts: [String] = []
        for file in files {
            let url = root.appendingPathComponent(file.path)
            guard let existing = FileManager.default.contents(atPath: url.path) else {
                outcome.created.append(file.path)
                continue
            }
            if existing == Data(file.contents.utf8) {
                outcome.unchanged.append(file.path)
            } else if file.ownership == .forge || force {
                outcome.updated.append(file.path)
            } else {
                conflicts.append(file.path)
            }
        }
        guard conflicts.isEmpty else {
            throw ForgeError("\(conflicts.count == 1 ? "a file" : "\(conflicts.count) files") you may have edited would be overwritten: \(conflicts.joined(separator: ", ")); nothing was written (use --force to overwrite)")
        }
        return outcome
    }

    /// Writes every created or updated file, atomically as a set.
    @discardableResult
    public func apply() throws(ForgeError) -> Outcome {
        let outcome = try plan()
        let toWrite = Set(outcome.created + outcome.updated)
        let pending = files.filter { toWrite.contains($0.path) }
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
        return outcome
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
