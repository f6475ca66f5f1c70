/// A setting the app cannot start with, named by its key.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    /// The environment or `.env` key at fault, for example `DATABASE_URL`; `modules` when the
    /// app definition lacks a module its routes need.
    public let key: String
    /// One line saying what is wrong and how to fix it.
    public let message: String

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    public var description: String { message }
}
