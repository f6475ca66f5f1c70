/// Where forge keeps what it last wrote to each generated file: `.forge/base/<path>`, the base
/// of the three-way merge that keeps a user's edits when the file is generated again.
///
/// Bases belong in version control with the app (like `.forge/checksums`), so every clone can
/// merge; they are forge's to rewrite.
public enum BaseStore {
    public static let folder = ".forge/base"

    /// The base of the file at `path` (relative to the app's root).
    public static func path(of path: String) -> String {
        folder + "/" + path
    }
}
