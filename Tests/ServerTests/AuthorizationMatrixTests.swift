import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Store
import TestSupport
import Testing
import Timeline

/// Every route of the board, as every role and as nobody: the answers allowed, written out here on their own (not
/// taken from the server's tables), and forms without the session's token refused without a trace.
@Suite struct AuthorizationMatrixTests {
    /// Who asks: nobody, then a demo account of each role.
    static let askers: [String?] = [nil, "zhou", "chen", "coordinator", "admin"]

    /// Each GET route and its answer for nobody, officer (zhou, gulou), lead (chen, yunlong), coordinator, admin: a
    /// status, or `→path` for a redirect.
    static let pages: [(String, [String])] = [
        ("/", ["→/login", "→/week", "→/week", "→/board", "→/board"]),
        ("/login", ["200", "→/", "→/", "→/", "→/"]),
        ("/lang/en", ["→/", "→/", "→/", "→/", "→/"]),
        ("/board", ["→/login", "403", "200", "200", "200"]),
        ("/board/events", ["→/login", "403", "200", "200", "200"]),
        ("/static/board.js", ["200", "200", "200", "200", "200"]),
        ("/week", ["→/login", "200", "200", "403", "403"]),
        ("/week?week=2022-03-07", ["→/login", "200", "200", "403", "403"]),
        ("/calendar", ["→/login", "200", "200", "409", "409"]),
        ("/cal/not-a-token.ics", ["404", "404", "404", "404", "404"]),
        ("/api/weeks", ["401", "200", "200", "200", "200"]),
        ("/api/weeks/gulou/2022-03-07", ["401", "200", "200", "200", "200"]),
        ("/api/weeks/yunlong/2022-03-07", ["401", "403", "200", "200", "200"]),
        ("/api/weeks/gulou/not-a-date", ["401", "404", "404", "404", "404"]),
        ("/api/board", ["401", "403", "200", "200", "200"]),
        ("/api/changes", ["401", "403", "403", "200", "200"]),
        ("/openapi.json", ["200", "200", "200", "200", "200"]),
        ("/healthz", ["200", "200", "200", "200", "200"]),
    ]

    /// Each form and its answer, in this order (a draft made by `/week/replan` is dropped by `/week/discard`, so
    /// publishing after finds none).
    static let forms: [(String, [String: String], [String])] = [
        (
            "/week/replan", ["week": "2022-03-07"],
            ["→/login", "→/week?week=2022-03-07", "→/week?week=2022-03-07", "403", "403"]
        ),
        (
            "/week/discard", ["week": "2022-03-07"],
            ["→/login", "→/week?week=2022-03-07", "→/week?week=2022-03-07", "403", "403"]
        ),
        ("/week/publish", ["week": "2022-03-07"], ["→/login", "409", "409", "403", "403"]),
        ("/week/ticket", ["week": "2022-03-07", "leg": "9999"], ["→/login", "409", "409", "403", "403"]),
        (
            "/week/pin", ["week": "2022-03-07", "client": "zz99", "start": "2022-03-08T10:00"],
            ["→/login", "409", "409", "403", "403"]
        ),
        ("/week/plan", ["week": "2022-03-14"], ["→/login", "403", "→/week?week=2022-03-14", "403", "403"]),
        ("/calendar/new", [:], ["→/login", "200", "200", "409", "409"]),
        ("/calendar/revoke", [:], ["→/login", "→/calendar", "→/calendar", "409", "409"]),
        ("/logout", [:], ["→/login", "→/login", "→/login", "→/login", "→/login"]),
    ]

    static func answer(_ response: TestResponse) -> String {
        if response.status == .seeOther { return "→" + (response.headers[.location] ?? "?") }
        return String(response.status.code)
    }

    @Test(arguments: Backend.available)
    func everyRouteAnswersEachRoleAndNobodyAsAllowed(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            var sessions: [String: (cookie: HTTPFields, csrf: String)] = [:]
            for case let id? in Self.askers { sessions[id] = try await demoSession(client, id) }
            var wrong: [String] = []
            for (path, expected) in Self.pages {
                for (asker, allowed) in zip(Self.askers, expected) {
                    let headers = asker.flatMap { sessions[$0]?.cookie } ?? [:]
                    let got = Self.answer(try await client.execute(uri: path, method: .get, headers: headers))
                    if got != allowed { wrong.append("GET \(path) as \(asker ?? "nobody"): \(got), not \(allowed)") }
                }
            }
            for (path, fields, expected) in Self.forms {
                for (asker, allowed) in zip(Self.askers, expected) {
                    let response: TestResponse
                    if let asker, let session = sessions[asker] {
                        response = try await post(client, path, session, fields)
                    } else {
                        var headers = formType
                        headers[.cookie] = nil
                        response = try await client.execute(
                            uri: path, method: .post, headers: headers, body: form(fields))
                    }
                    let got = Self.answer(response)
                    if got != allowed { wrong.append("POST \(path) as \(asker ?? "nobody"): \(got), not \(allowed)") }
                }
            }
            #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        }
    }

    @Test(arguments: Backend.available)
    func aFormWithoutTheSessionsTokenIsRefusedAndChangesNothing(_ backend: Backend) async throws {
        let board = try await SampleBoard.make(on: backend)
        try await board.test { client in
            let before = try await board.store.changes().count
            for id in ["zhou", "chen"] {
                let session = try await demoSession(client, id)
                for (path, fields, _) in Self.forms {
                    let withoutToken = try await post(client, path, session, fields, csrf: false)
                    #expect(withoutToken.status == .forbidden, "\(path) as \(id) without its token")
                    let wrongToken = try await post(
                        client, path, (session.cookie, String(repeating: "0", count: session.csrf.count)), fields)
                    #expect(wrongToken.status == .forbidden, "\(path) as \(id) with a wrong token")
                }
            }
            // Only the two sign-ins are recorded; no draft, publication or subscription came of the refused forms.
            #expect(try await board.store.changes().count == before + 2)
            #expect(try await board.store.draft(team: "yunlong", weekStart: LocalDate(iso: "2022-03-14")!) == nil)
            #expect(
                try await board.store.latestPublished(team: "gulou", weekStart: LocalDate(iso: "2022-03-07")!)?.version
                    == 1)
        }
    }
}
