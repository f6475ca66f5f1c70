import Foundation
import ForgeRuntime

/// A request a test relied on did not succeed.
public struct TestClientError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
