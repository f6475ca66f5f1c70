import Foundation

/// What one `make:*` command means to write, and the manifest after it.
public struct GenerationPlan {
    /// The manifest with this command's resource or component added.
    public var manifest: Manifest
    /// Every file to write, forge-owned ones (`forge.yaml`, the registry) included.
    public var files: [GeneratedFile]

    public init(manifest: Manifest, files: [GeneratedFile]) {
        self.manifest = manifest
        self.files = files
    }
}
