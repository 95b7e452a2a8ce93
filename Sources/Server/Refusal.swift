import Foundation
import HTTPTypes
import Hummingbird
import Messages
import Store

/// Why a request is turned away, and the answer: a page request with nobody signed in goes to the login page, an
/// API request gets 401, a role that may not see the page gets 403, a form without its token gets 403, what cannot
/// be done gets 409 with the reason. Under `/api/` the answer is JSON: `{"error": code, "message": words}`.
enum Refusal: HTTPResponseError {
    /// Nobody is signed in.
    case notSignedIn
    /// The signed-in role may not do this.
    case forbidden(Language)
    /// A form came without the right token.
    case badForm(Language)
    /// What was asked cannot be done, for the reason said (a plan made from an older version, a calendar that
    /// cannot be read, …).
    case failed(Message, Language)

    var status: HTTPResponse.Status {
        switch self {
        case .notSignedIn: .unauthorized
        case .forbidden, .badForm: .forbidden
        case .failed: .conflict
        }
    }

    /// The error's stable code, as the API gives it.
    var code: String {
        switch self {
        case .notSignedIn: "unauthorized"
        case .forbidden: "forbidden"
        case .badForm: "bad-form"
        case .failed: "conflict"
        }
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            var message: Message? = nil
            var language = Language.en
            switch self {
            case .notSignedIn: break
            case .forbidden(let reader): (message, language) = (Message(.boardForbidden), reader)
            case .badForm(let reader): (message, language) = (Message(.boardBadForm), reader)
            case .failed(let said, let reader): (message, language) = (said, reader)
            }
            var headers: HTTPFields = [.contentType: "application/json"]
            if case .notSignedIn = self { headers[.wwwAuthenticate] = "Cookie realm=\"tiaoqi\"" }
            return Response(
                status: status, headers: headers,
                body: .init(byteBuffer: ByteBuffer(bytes: APIError.body(code, message?.text(language)))))
        }
        switch self {
        case .notSignedIn:
            return Response(status: .seeOther, headers: [.location: "/login"])
        case .forbidden(let language):
            return Page.message(.boardForbiddenTitle, .boardForbidden, language: language)
                .response(status: .forbidden)
        case .badForm(let language):
            return Page.message(.boardBadFormTitle, .boardBadForm, language: language).response(status: .forbidden)
        case .failed(let message, let language):
            return Page(
                title: Message(.boardFailedTitle), language: language, signedIn: nil,
                body: [
                    .element("p", ["class": "error"], [.text(message.text(language))]),
                    .element("p", [:], [.element("a", ["href": "/"], [.text(Message(.boardBack).text(language))])]),
                ]
            ).response(status: .conflict)
        }
    }
}

/// The body of an API error: `{"error": code, "message": words}`.
enum APIError {
    /// The JSON of an error with its stable `code` and, when there are, its words.
    static func body(_ code: String, _ message: String?) -> Data {
        struct Body: Encodable {
            var error: String
            var message: String?
        }
        return (try? JSONEncoder().encode(Body(error: code, message: message))) ?? Data("{}".utf8)
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
