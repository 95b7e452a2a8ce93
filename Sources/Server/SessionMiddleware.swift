import HTTPTypes
import Hummingbird
import Store
import Timeline

/// Finds who is signed in: the session cookie's token, hashed, looked up in the store (expired sessions and disabled
/// accounts count as nobody); and the reader's language. Adds the headers every answer carries: no script but the
/// board's own, no frame,
/// no outside resource, no sniffing, no referrer, and no caching of anything behind a session.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = BoardContext

    let store: BureauStore
    let sessions: RecentLookups<FoundSession>
    let clock: @Sendable () -> Instant

    func handle(
        _ request: Request, context: BoardContext, next: (Request, BoardContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.language = BoardContext.language(of: request)
        if let token = request.cookies[CookieRules.session]?.value, !token.isEmpty {
            let hash = SessionTokens.hash(token)
            let now = clock()
            let found = try await sessions.value(hash, at: now) {
                try await store.session(hash, at: now).map { FoundSession(session: $0.session, account: $0.account) }
            }
            // A session kept a moment ago may have expired since.
            if let found, found.session.expiresAt > now {
                context.session = found.session
                context.account = found.account
            }
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let refusal as Refusal {
            response = try refusal.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    /// `X-Frame-Options`.
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
