/// A file a command means to write, relative to the app's root.
public struct GeneratedFile: Equatable, Sendable {
    /// Who may change the file after forge writes it.
    public enum Ownership: Sendable {
        /// Written once; the user owns it afterwards and forge never overwrites it without `--force`.
        case user
        /// Owned by forge and rewritten whenever its inputs change (the registry, the manifest).
        case forge
    }

    public var path: String
    public var contents: String
    public var ownership: Ownership

    public init(path: String, contents: String, ownership: Ownership = .user) {
        self.path = path
        self.contents = contents
        self.ownership = ownership
    }
}
