import HTTPTypes
import Hummingbird
import Messages
import Store

/// Why a request is turned away, and the answer: a page request with nobody signed in goes to the login page, an
/// API request gets 401, a role that may not see the page gets 403, a form without its token gets 403.
enum Refusal: HTTPResponseError {
    /// Nobody is signed in.
    case notSignedIn
    /// The signed-in role may not do this.
    case forbidden(Language)
    /// A form came without the right token.
    case badForm(Language)

    var status: HTTPResponse.Status {
        switch self {
        case .notSignedIn: .unauthorized
        case .forbidden, .badForm: .forbidden
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        switch self {
        case .notSignedIn:
            if request.uri.path.hasPrefix("/api/") {
                return Response(
                    status: .unauthorized, headers: [.wwwAuthenticate: "Cookie realm=\"tiaoqi\""],
                    body: .init(byteBuffer: ByteBuffer(string: "{\"error\":\"unauthorized\"}")))
            }
            return Response(status: .seeOther, headers: [.location: "/login"])
        case .forbidden(let language):
            return Page.message(.boardForbiddenTitle, .boardForbidden, language: language)
                .response(status: .forbidden)
        case .badForm(let language):
            return Page.message(.boardBadFormTitle, .boardBadForm, language: language).response(status: .forbidden)
        }
    }
}

extension BoardContext {
    /// The signed-in account when its role is one of `roles`; otherwise the refusal.
    func require(_ roles: Set<Account.Role>) throws(Refusal) -> Account {
        guard let account else { throw .notSignedIn }
        guard roles.contains(account.role) else { throw .forbidden(language) }
        return account
    }

    /// Checks a form's CSRF token against the session's: a missing or wrong one is refused.
    func checkForm(_ token: String?) throws(Refusal) {
        guard let session else { throw .notSignedIn }
        guard SessionTokens.same(token, session.csrfToken) else { throw .badForm(language) }
    }
}
