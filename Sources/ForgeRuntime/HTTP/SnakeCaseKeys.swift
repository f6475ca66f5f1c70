/// A request body whose JSON keys are its properties in snake_case (`support_email` fills
/// `supportEmail`), so it needs no `CodingKeys`; ``AppRequestDecoder`` converts the body's
/// top-level keys for it, and a 422 names the key the client sent.
///
/// Only lowercase keys are converted: `supportEmail` in a body is an unknown key, as it would
/// be with `CodingKeys`. Keys inside a JSON value (a `json` field's object) are never touched.
/// Types with their own `CodingKeys` (the auth module's, your own) do not adopt it.
public protocol SnakeCaseKeys {}
