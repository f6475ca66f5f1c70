import ForgeShared

/// The auth module's routes (ForgeAuth's `AuthController`), described once here; the end-to-end
/// test holds this list to the routes the app registers.
extension OpenAPIBuilder {
    mutating func addAuth() {
        addTag("auth", "Accounts and sessions: register, sign in, refresh, sign out, reset and change passwords, confirm an address.")
        let email: JSONNode = ["type": "string", "pattern": .string(TextFormat.email.pattern), "maxLength": .integer(AccountRules.emailMaxLength), "examples": ["ada@example.com"]]
        let password: JSONNode = [
            "type": "string", "minLength": .integer(AccountRules.passwordMinLength), "maxLength": .integer(AccountRules.passwordMaxLength),
            "description": .string("\(AccountRules.passwordMinLength) to \(AccountRules.passwordMaxLength) characters."),
            "examples": ["correct horse battery"],
        ]
        let anyText: JSONNode = ["type": "string", "minLength": 1]
        func object(_ required: [String], _ properties: [(key: String, value: JSONNode)]) -> JSONNode {
            ["type": "object", "required": .array(required.map(JSONNode.string)), "properties": .object(properties)]
        }
        schemas.append(("Registration", object(["email", "password"], [
            ("email", email), ("password", password), ("name", ["type": ["string", "null"], "maxLength": .integer(AccountRules.nameMaxLength), "examples": ["Ada Lovelace"]]),
        ])))
        schemas.append(("Credentials", object(["email", "password"], [("email", anyText), ("password", anyText)])))
        schemas.append(("RefreshRequest", object(["refresh_token"], [("refresh_token", anyText)])))
        schemas.append(("LogoutRequest", ["type": "object", "properties": ["refresh_token": ["type": ["string", "null"], "description": "End this sign-in only; without it every session of the caller ends."]]]))
        schemas.append(("ForgotPasswordRequest", object(["email"], [("email", anyText)])))
        schemas.append(("ResetPasswordRequest", object(["token", "password"], [("token", anyText), ("password", password)])))
        schemas.append(("VerifyEmailRequest", object(["token"], [("token", anyText)])))
        schemas.append(("ChangePasswordRequest", object(["current_password", "new_password"], [("current_password", anyText), ("new_password", password)])))
        schemas.append(("Message", object(["data"], [("data", object(["message"], [("message", ["type": "string"])]))])))
        schemas.append(("Tokens", object(["data"], [("data", object(["access_token", "refresh_token", "token_type", "expires_in"], [
            ("access_token", ["type": "string", "description": "Send as Authorization: Bearer <access_token>."]),
            ("refresh_token", ["type": "string", "description": "Trade once at POST /api/auth/refresh for a new pair."]),
            ("token_type", ["type": "string", "enum": ["Bearer"]]),
            ("expires_in", ["type": "integer", "minimum": 1, "description": "Seconds the access token lives."]),
        ]))])))
        schemas.append(("Account", object(["data"], [("data", object(["id", "email", "name", "email_verified_at", "created_at", "roles", "permissions"], [
            ("id", Self.integerID), ("email", ["type": "string"]), ("name", ["type": ["string", "null"]]),
            ("email_verified_at", ["type": ["string", "null"], "format": "date-time"]), ("created_at", ["type": "string", "format": "date-time"]),
            ("roles", ["type": "array", "items": ["type": "string"]]), ("permissions", ["type": "array", "items": ["type": "string"]]),
        ]))])))

        let message = { (status: String, text: String) in (status: status, response: Self.jsonResponse(text, Self.ref("Message"))) }
        let tokens = (status: "200", response: Self.jsonResponse("A new access and refresh token.", Self.ref("Tokens")))
        func post(_ path: String, _ operation: JSONNode) { addPath("/api/auth/\(path)", [("post", operation)]) }
        post("register", operation("register", tag: "auth", summary: "Create an account; a confirmation token is mailed",
                                   description: "Answers 202 whether or not the address already has an account, so the answer does not reveal who has one.",
                                   body: Self.ref("Registration"), success: message("202", "Accepted: check the inbox."), errors: [422]))
        post("login", operation("login", tag: "auth", summary: "Sign in with email and password", body: Self.ref("Credentials"),
                                success: tokens, errors: [401, 422]))
        post("refresh", operation("refreshTokens", tag: "auth", summary: "Trade a refresh token for a new pair (each works once)",
                                  body: Self.ref("RefreshRequest"), success: tokens, errors: [401, 422]))
        post("forgot-password", operation("forgotPassword", tag: "auth", summary: "Mail a password-reset token",
                                          body: Self.ref("ForgotPasswordRequest"), success: message("202", "Accepted: if the address has an account, a token is on its way."), errors: [422]))
        post("reset-password", operation("resetPassword", tag: "auth", summary: "Set a new password with a reset token",
                                         body: Self.ref("ResetPasswordRequest"), success: message("200", "The password is reset."), errors: [422]))
        post("verify-email", operation("verifyEmail", tag: "auth", summary: "Confirm an address with its token",
                                       body: Self.ref("VerifyEmailRequest"), success: message("200", "The address is confirmed."), errors: [422]))
        addPath("/api/auth/me", [("get", operation("me", tag: "auth", summary: "The signed-in account, with its roles and permissions", protected: true,
                                                   success: (status: "200", response: Self.jsonResponse("The caller's account.", Self.ref("Account"))), errors: []))])
        var logout = operation("logout", tag: "auth", summary: "Sign out: end this sign-in, or every session", protected: true,
                               body: Self.ref("LogoutRequest"), success: (status: "204", response: Self.emptyResponse("Signed out.")), errors: [422])
        logout = logout.setting("requestBody", ["required": false, "content": ["application/json": ["schema": Self.ref("LogoutRequest")]]])
        post("logout", logout)
        post("change-password", operation("changePassword", tag: "auth", summary: "Change the password; every session ends", protected: true,
                                          body: Self.ref("ChangePasswordRequest"), success: message("200", "The password is changed."), errors: [422]))
    }
}
