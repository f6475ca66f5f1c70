/// The bounds of an account's fields, written once: the auth module checks them on
/// `/api/auth/register`, `user:create` and password changes, and forge's OpenAPI document states
/// them, so the two cannot drift apart.
public enum AccountRules {
    /// The longest email address (RFC 5321's path limit, less the angle brackets).
    public static let emailMaxLength = 254
    public static let nameMaxLength = 120
    /// A password's length in Unicode scalars, as JSON Schema counts.
    public static let passwordMinLength = 8
    /// The longest password, so no request makes the server hash megabytes.
    public static let passwordMaxLength = 256
}
