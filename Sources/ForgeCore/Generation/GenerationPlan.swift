import Foundation

/// What one `make:*` command means to write, and the manifest after it.
public struct GenerationPlan {
    /// The manifest with this command's resource or component added.
    public var manifest: Manifest
    /// Every file to write, forge-owned ones (`forge.yaml`, the registry) included.
    public var files: [GeneratedFile]
    /// Files to remove (`forge destroy`).
    public var deletions: [String]

    public init(manifest: Manifest, files: [GeneratedFile], deletions: [String] = []) {
        self.manifest = manifest
        self.files = files
        self.deletions = deletions
    }
}
