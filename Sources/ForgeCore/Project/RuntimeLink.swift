import Foundation

/// Where a project's Package.swift finds ForgeRuntime.
public struct RuntimeLink: Equatable, Sendable {
    /// The forge package path the build will use.
    public var path: String
    /// Whether `FORGE_RUNTIME_PATH` chose it rather than the path `forge new` wrote.
    public var fromEnvironment: Bool

    public var url: URL { URL(fileURLWithPath: path) }
}
