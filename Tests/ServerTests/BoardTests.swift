import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Messages
import Server
import Store
import Testing
import Timeline

/// A board on a new SQLite store: a team whose name is an XSS payload, one published week, an account of each role
/// (password `right-password`, bcrypt at cost 4 to keep the tests quick).
struct Board {
    static let password = "right-password"
    static let monday = LocalDate(year: 2026, month: 11, day: 30)!
    static let xss = "<script>alert(\"x\")</script>&"

    let store: BureauStore
    let folder: URL

    static func make() async throws -> Board {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiaoqi-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try await BureauStore.open(.sqlite(path: folder.appendingPathComponent("bureau.sqlite").path))
        try await store.save([Team(id: "gulou", name: xss), Team(id: "jianye", name: "建邺区招商二组")])
        let now = Instant(seconds: 1_764_000_000)
        _ = try await store.publish(
            team: "gulou", weekStart: monday, planJSON: "{}", visits: [], basedOn: nil, at: now)
        _ = try await store.publish(
            team: "jianye", weekStart: monday, planJSON: "{}", visits: [], basedOn: nil, at: now)
        _ = try await store.publish(
            team: "jianye", weekStart: monday, planJSON: "{}", visits: [], basedOn: 1, at: now + 60)
        let hash = Passwords.hash(password, cost: 4)
        for (id, role, team) in [
            ("zhou", Account.Role.officer, "gulou"), ("lin", .lead, "gulou"), ("wang", .coordinator, nil),
            ("root", .admin, nil),
        ] as [(String, Account.Role, String?)] {
            try await store.save(
                Account(id: id, name: "Name of \(id)", role: role, teamID: team, passwordHash: hash, createdAt: now))
        }
        return Board(store: store, folder: folder)
    }

    func close() async {
        try? await store.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` against the board's router, then closes the store.
    func test(
        secure: Bool = true, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = BoardServer.router(
            store: store, cookies: CookieRules(secure: secure), passwords: Passwords(cost: 4))
        var logger = Logger(label: "tiaoqi.serve.test")
        logger.logLevel = .warning
        let app = Application(router: router, logger: logger)
        do {
            try await app.test(.router) { client in try await body(client) }
        } catch {
            await close()
            throw error
        }
        await close()
    }
}

/// The value of the cookie `name` that `response` sets, with its attributes.
func setCookie(_ name: String, in response: TestResponse) -> (value: String, attributes: [String])? {
    for header in response.headers[values: .setCookie] {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = parts.first, first.hasPrefix(name + "=") else { continue }
        return (String(first.dropFirst(name.count + 1)), Array(parts.dropFirst()))
    }
    return nil
}

/// The value of the hidden field `name` in a page.
func hidden(_ name: String, in response: TestResponse) -> String? {
    let page = String(buffer: response.body)
    guard let match = page.firstMatch(of: try! Regex("name=\"\(name)\" value=\"([^\"]*)\"")) else { return nil }
    return match.output[1].substring.map(String.init)
}

func form(_ fields: [String: String]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return ByteBuffer(
        string: fields.sorted { $0.key < $1.key }.map {
            "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&"))
}

let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Signs `id` in with `password` as a browser would: the login page, then its form with the login cookie.
func login(_ client: any TestClientProtocol, _ id: String, _ password: String = Board.password) async throws
    -> TestResponse
{
    let page = try await client.execute(uri: "/login", method: .get)
    let loginCookie = try #require(setCookie(CookieRules.login, in: page))
    let token = try #require(hidden("token", in: page))
    #expect(token == loginCookie.value)
    var headers = formType
    headers[.cookie] = "\(CookieRules.login)=\(loginCookie.value)"
    return try await client.execute(
        uri: "/login", method: .post, headers: headers, body: form(["id": id, "password": password, "token": token]))
}

/// The session cookie of a signed-in `id`, as a `Cookie` header.
func session(_ client: any TestClientProtocol, _ id: String) async throws -> HTTPFields {
    let response = try await login(client, id)
    let cookie = try #require(setCookie(CookieRules.session, in: response))
    return [.cookie: "\(CookieRules.session)=\(cookie.value)"]
}

@Suite struct LoginTests {
    @Test func theRightPasswordStartsASessionInAStrictHttpOnlySecureCookie() async throws {
        let board = try await Board.make()
        try await board.test { client in
            let response = try await login(client, "zhou")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/")
            let cookie = try #require(setCookie(CookieRules.session, in: response))
            #expect(cookie.value.count == 43)
            #expect(cookie.attributes.contains("HttpOnly"))
            #expect(cookie.attributes.contains("Secure"))
            #expect(cookie.attributes.contains("SameSite=Strict"))
            #expect(cookie.attributes.contains("Path=/"))
            #expect(cookie.attributes.contains("Max-Age=43200"))
            // The store keeps the token's hash, never the token.
            let kept = try await board.store.session(SessionTokens.hash(cookie.value), at: Instant(.now))
            #expect(kept?.account.id == "zhou")
            #expect(try await board.store.session(cookie.value, at: Instant(.now)) == nil)
            let changes = try await board.store.changes()
            #expect(changes.map(\.action) == ["login"])
            #expect(changes.first?.accountID == "zhou")
            #expect(!changes.contains { $0.detail.contains(Board.password) || $0.detail.contains(cookie.value) })
            // The way in leads an officer to the team's week.
            let home = try await client.execute(
                uri: "/", method: .get, headers: [.cookie: "\(CookieRules.session)=\(cookie.value)"])
            #expect(home.status == .seeOther)
            #expect(home.headers[.location] == "/week")
        }
    }

    @Test func aWrongPasswordOrAnUnknownAccountIsRefusedWithNoSession() async throws {
        let board = try await Board.make()
        try await board.test { client in
            for (id, password) in [("zhou", "wrong-password"), ("nobody", Board.password), ("", "")] {
                let response = try await login(client, id, password)
                #expect(response.status == .unauthorized)
                #expect(setCookie(CookieRules.session, in: response) == nil)
                #expect(String(buffer: response.body).contains(Message(.boardLoginFailed).text(.zh)))
            }
            #expect(try await board.store.changes().isEmpty)
        }
    }

    @Test func aLoginFormWithoutItsCookieIsRefused() async throws {
        let board = try await Board.make()
        try await board.test { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let token = try #require(hidden("token", in: page))
            // Another site's form: the token without the cookie (SameSite=Strict keeps it home), or a made-up one.
            let bare = try await client.execute(
                uri: "/login", method: .post, headers: formType,
                body: form(["id": "zhou", "password": Board.password, "token": token]))
            #expect(bare.status == .forbidden)
            var headers = formType
            headers[.cookie] = "\(CookieRules.login)=made-up"
            let forged = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: form(["id": "zhou", "password": Board.password, "token": "made-up-too"]))
            #expect(forged.status == .forbidden)
            #expect(setCookie(CookieRules.session, in: forged) == nil)
        }
    }

    @Test func onPlainLoopbackTheCookieIsNotSecure() async throws {
        #expect(CookieRules(host: "127.0.0.1").secure == false)
        #expect(CookieRules(host: "::1").secure == false)
        #expect(CookieRules(host: "localhost").secure == false)
        #expect(CookieRules(host: "0.0.0.0").secure == true)
        #expect(CookieRules(host: "board.example.cn").secure == true)
        let board = try await Board.make()
        try await board.test(secure: false) { client in
            let cookie = try #require(setCookie(CookieRules.session, in: try await login(client, "wang")))
            #expect(!cookie.attributes.contains("Secure"))
            #expect(cookie.attributes.contains("HttpOnly"))
            #expect(cookie.attributes.contains("SameSite=Strict"))
        }
    }

    @Test func logoutWithoutTheFormsTokenIsRefusedAndWithItEndsTheSession() async throws {
        let board = try await Board.make()
        try await board.test { client in
            let cookie = try await session(client, "lin")
            let page = try await client.execute(uri: "/board", method: .get, headers: cookie)
            let csrf = try #require(hidden("csrf", in: page))
            var headers = formType
            headers.append(contentsOf: cookie)
            for body in [form([:]), form(["csrf": "not-the-token"])] {
                let refused = try await client.execute(uri: "/logout", method: .post, headers: headers, body: body)
                #expect(refused.status == .forbidden)
            }
            #expect(try await client.execute(uri: "/board", method: .get, headers: cookie).status == .ok)
            let out = try await client.execute(
                uri: "/logout", method: .post, headers: headers, body: form(["csrf": csrf]))
            #expect(out.status == .seeOther)
            #expect(out.headers[.location] == "/login")
            #expect(setCookie(CookieRules.session, in: out)?.attributes.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/board", method: .get, headers: cookie)
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login")
            // What the account did (the board's own checks of the weeks are recorded as the watcher's).
            #expect(
                try await board.store.changes().filter { $0.accountID != "watcher" }.map(\.action) == [
                    "logout", "login",
                ])
        }
    }
}

@Suite struct PageTests {
    /// Each page's answer for each role: 200, 403, or where it redirects (nobody goes to /login; the API says 401).
    @Test func eachPageAnswersEachRoleAndNobody() async throws {
        let expected: [String?: [String: String]] = [
            nil: ["/": "/login", "/board": "/login", "/week": "/login", "/api/weeks": "401", "/healthz": "200"],
            "zhou": ["/": "/week", "/board": "403", "/week": "200", "/api/weeks": "200", "/healthz": "200"],
            "lin": ["/": "/week", "/board": "200", "/week": "200", "/api/weeks": "200", "/healthz": "200"],
            "wang": ["/": "/board", "/board": "200", "/week": "403", "/api/weeks": "200", "/healthz": "200"],
            "root": ["/": "/board", "/board": "200", "/week": "403", "/api/weeks": "200", "/healthz": "200"],
        ]
        let board = try await Board.make()
        try await board.test { client in
            for (id, pages) in expected {
                var headers: HTTPFields = [:]
                if let id { headers = try await session(client, id) }
                for (path, answer) in pages {
                    let response = try await client.execute(uri: path, method: .get, headers: headers)
                    let got =
                        response.status == .seeOther
                        ? response.headers[.location] ?? "?" : String(response.status.code)
                    #expect(got == answer, "\(id ?? "nobody") \(path)")
                    if path != "/healthz" {
                        #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                        #expect(response.headers[.cacheControl] == "no-store")
                    }
                }
            }
        }
    }

    @Test func aTeamNameWithMarkupIsShownAsText() async throws {
        let board = try await Board.make()
        try await board.test { client in
            for id in ["wang", "zhou"] {
                let page = try await client.execute(
                    uri: id == "wang" ? "/board" : "/week", method: .get, headers: try await session(client, id))
                let html = String(buffer: page.body)
                // No script but the board's own, from its own path.
                #expect(
                    html.replacingOccurrences(of: "<script src=\"/static/board.js\" defer></script>", with: "")
                        .contains("<script") == false)
                #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"))
            }
        }
    }

    @Test func theBoardListsEachTeamsLatestVersionAndAnOfficerSeesOnlyTheirTeam() async throws {
        let board = try await Board.make()
        try await board.test { client in
            let page = String(
                buffer: try await client.execute(
                    uri: "/board", method: .get, headers: try await session(client, "wang")
                )
                .body)
            #expect(page.contains("<td>建邺区招商二组 (jianye)</td><td>2026-11-30</td><td>2</td>"))
            #expect(page.contains("各团队已发布的周计划"))
            let api = try await client.execute(
                uri: "/api/weeks", method: .get, headers: try await session(client, "zhou"))
            let weeks = try JSONSerialization.jsonObject(with: Data(String(buffer: api.body).utf8)) as? [[String: Any]]
            #expect(weeks?.map { $0["team"] as? String } == ["gulou"])
        }
    }

    @Test func theReaderChoosesTheLanguage() async throws {
        let board = try await Board.make()
        try await board.test { client in
            let chinese = try await client.execute(uri: "/login", method: .get)
            #expect(String(buffer: chinese.body).contains("<html lang=\"zh-CN\">"))
            let english = try await client.execute(
                uri: "/login", method: .get, headers: [.acceptLanguage: "fr;q=1, en-GB;q=0.8, zh;q=0.5"])
            #expect(String(buffer: english.body).contains("<title>Sign in · Tiaoqi shared board</title>"))
            let chosen = try await client.execute(
                uri: "/login", method: .get, headers: [.acceptLanguage: "en", .cookie: "lang=zh"])
            #expect(String(buffer: chosen.body).contains("<title>登录"))
        }
    }
}

@Suite struct PieceTests {
    @Test func tokensAreRandomURLSafeAndKeptAsTheirHash() {
        let tokens = SessionTokens()
        #expect(tokens.token.count == 43)
        #expect(tokens.token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(tokens.token != tokens.csrfToken)
        #expect(tokens.tokenHash.count == 64)
        #expect(SessionTokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SessionTokens.same(tokens.csrfToken, tokens.csrfToken))
        #expect(!SessionTokens.same(nil, tokens.csrfToken))
        #expect(!SessionTokens.same("", ""))
    }

    @Test func passwordsAreBcryptHashes() {
        let passwords = Passwords(cost: 4)
        let hash = passwords.hash("正确的密码")
        #expect(hash.hasPrefix("$2"))
        #expect(!hash.contains("正确的密码"))
        #expect(passwords.verify("正确的密码", hash: hash))
        #expect(!passwords.verify("错误的密码", hash: hash))
        #expect(!passwords.verify("正确的密码", hash: nil))
    }

    @Test func htmlEscapesTextAndAttributes() {
        let html = HTML.element("a", ["title": "\"><img src=x onerror=alert(1)>"], [.text("<b>'&'</b>")])
        #expect(
            html.markup
                == "<a title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&lt;b&gt;&#39;&amp;&#39;&lt;/b&gt;</a>")
    }
}
