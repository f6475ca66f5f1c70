/// A one-line failure a forge command reports to the user, then exits non-zero.
public struct ForgeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Bad input on the command line (a field spec, a name): the command exits 64, not 1.
    public var isUsageError: Bool

    public init(_ message: String, isUsageError: Bool = false) {
        self.message = message
        self.isUsageError = isUsageError
    }

    /// A field spec or name the user typed that forge cannot read.
    public init(_ error: FieldSpecError) {
        self.init(error.description, isUsageError: true)
    }

    public var description: String { message }
}
