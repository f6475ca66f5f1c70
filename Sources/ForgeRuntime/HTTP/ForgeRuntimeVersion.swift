import Foundation
import Hummingbird

/// The version of ForgeRuntime compiled into this app.
public enum ForgeRuntimeVersion {
    public static let current = "0.1.0"
}
