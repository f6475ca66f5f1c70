/// A one-line failure a forge command reports to the user, then exits non-zero.
public struct ForgeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
