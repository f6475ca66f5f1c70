/// What a `make:*` command did, or would do, as `--json` prints it.
///
/// ```json
/// {"command":"make:resource","dry_run":false,"created":["Sources/App/Models/Post.swift"],
///  "updated":["forge.yaml"],"merged":[],"deleted":[],"skipped":[],"conflicts":[],"next":["forge db:migrate"]}
/// ```
public struct MakeReport: Codable, Equatable, Sendable {
    public var command: String
    public var dryRun: Bool
    /// Files that did not exist.
    public var created: [String]
    /// Files forge rewrote: forge-owned ones, pristine ones it had generated, or any with `--force`.
    public var updated: [String]
    /// Files the user edited into which forge's change merged cleanly (edits kept).
    public var merged: [String]
    /// Files removed (`forge destroy`).
    public var deleted: [String]
    /// Files that already held exactly what this command generates.
    public var skipped: [String]
    /// Files where the user's edits and forge's change touch the same lines; any conflict means
    /// nothing was written (with `--merge`: everything was, with conflict markers).
    public var conflicts: [String]
    /// Commands worth running next.
    public var next: [String]

    public init(command: String, dryRun: Bool, outcome: FileChangeSet.Outcome, next: [String]) {
        self.command = command
        self.dryRun = dryRun
        self.created = outcome.created
        self.updated = outcome.updated
        self.merged = outcome.merged
        self.deleted = outcome.deleted
        self.skipped = outcome.unchanged
        self.conflicts = outcome.conflicts
        self.next = outcome.changedAnything && outcome.conflicts.isEmpty ? next : []
    }

    enum CodingKeys: String, CodingKey {
        case command, created, updated, merged, deleted, skipped, conflicts, next
        case dryRun = "dry_run"
    }
}
