import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Messages
import Store
import Timeline

/// Signing in and out.
///
/// The login form has no session to carry a CSRF token from, so it has its own: `GET /login` sets the cookie
/// `tiaoqi_login` (HttpOnly, SameSite=Strict, Path=/login) to a fresh random token and puts the same token in the
/// form's hidden field; `POST /login` is refused (403) unless the two match. Another site can neither read the cookie
/// nor make the browser send it (SameSite=Strict), so it cannot sign a browser in to an account of its choosing
/// (login CSRF). Every other form carries the session's own CSRF token.
struct LoginRoutes {
    let store: BureauStore
    let sessions: RecentLookups<FoundSession>
    let passwords: Passwords
    let cookies: CookieRules
    let clock: @Sendable () -> Instant

    /// The fields of the login form.
    struct LoginForm: Decodable {
        var id: String?
        var password: String?
        var token: String?
    }

    /// The fields of the sign-out form.
    struct LogoutForm: Decodable {
        var csrf: String?
    }

    func add(to router: Router<BoardContext>) {
        router.get("/login") { _, context -> Response in
            if context.account != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
            return loginPage(context.language, failed: false, status: .ok)
        }
        router.post("/login") { request, context -> Response in
            let form = try await URLEncodedFormDecoder().decode(LoginForm.self, from: request, context: context)
            guard SessionTokens.same(form.token, request.cookies[CookieRules.login]?.value ?? "") else {
                throw Refusal.badForm(context.language)
            }
            let id = form.id?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let account = id.isEmpty ? nil : try await store.account(id)
            let usable = account.flatMap { $0.disabled ? nil : $0 }
            guard try await passwords.verifyOffThePool(form.password ?? "", hash: usable?.passwordHash),
                let account = usable
            else {
                context.logger.info("login refused", metadata: ["account": .string(id)])
                return loginPage(context.language, failed: true, status: .unauthorized)
            }
            let now = clock()
            let tokens = SessionTokens()
            try await store.start(
                SessionRecord(
                    tokenHash: tokens.tokenHash, accountID: account.id, csrfToken: tokens.csrfToken, createdAt: now,
                    expiresAt: now + Int64(cookies.sessionLifetime)))
            try await store.record(ChangeRecord(at: now, accountID: account.id, action: "login", subject: account.id))
            context.logger.info("signed in", metadata: ["account": .string(account.id)])
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(cookies.sessionCookie(tokens.token))
            response.setCookie(cookies.expired(CookieRules.login, path: "/login"))
            return response
        }
        router.post("/logout") { request, context -> Response in
            let form = try await URLEncodedFormDecoder().decode(LogoutForm.self, from: request, context: context)
            try context.checkForm(form.csrf)
            if let session = context.session {
                try await store.endSession(session.tokenHash)
                sessions.forget(session.tokenHash)
                try await store.record(
                    ChangeRecord(
                        at: clock(), accountID: session.accountID, action: "logout", subject: session.accountID))
                context.logger.info("signed out", metadata: ["account": .string(session.accountID)])
            }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(cookies.expired(CookieRules.session, path: "/"))
            return response
        }
    }

    /// The login form with a fresh token in its cookie and its hidden field; with the failure said when `failed`.
    private func loginPage(_ language: Language, failed: Bool, status: HTTPResponse.Status) -> Response {
        let token = SessionTokens.newToken()
        var body: [HTML] = []
        if failed {
            body.append(.element("p", ["class": "error"], [.text(Message(.boardLoginFailed).text(language))]))
        }
        body.append(
            .element(
                "form", ["method": "post", "action": "/login"],
                [
                    .element("input", ["type": "hidden", "name": "token", "value": token]),
                    .element(
                        "label", [:],
                        [
                            .text(Message(.boardLoginAccount).text(language) + " "),
                            .element(
                                "input",
                                ["name": "id", "autocomplete": "username", "required": "", "autofocus": ""]),
                        ]),
                    .element(
                        "label", [:],
                        [
                            .text(Message(.boardLoginPassword).text(language) + " "),
                            .element(
                                "input",
                                [
                                    "name": "password", "type": "password", "autocomplete": "current-password",
                                    "required": "",
                                ]),
                        ]),
                    .element("button", ["type": "submit"], [.text(Message(.boardLoginSubmit).text(language))]),
                ]))
        return Page(title: Message(.boardLoginTitle), language: language, signedIn: nil, body: body)
            .response(status: status, cookies: [cookies.loginCookie(token)])
    }
}
