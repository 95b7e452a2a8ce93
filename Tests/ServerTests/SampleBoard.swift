import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Planner
import Schedules
import Server
import Store
import TestSupport
import Testing
import Timeline

/// A board on the sample bureau as `serve --demo` loads it (its history, the three district teams, their published
/// week 2022-03-07 and the demo accounts), on a new store of a backend (SQLite, or a new PostgreSQL database when the
/// run has a server); bcrypt at cost 4 and short searches keep it quick.
struct SampleBoard {
    static let week = "2022-03-07"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    let store: BureauStore
    let folder: URL
    let backend: Backend
    let location: StoreLocation

    static func make(on backend: Backend = .sqlite) async throws -> SampleBoard {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tiaoqi-sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let location = try await backend.freshLocation()
        let store = try await BureauStore.open(location)
        #expect(try await BoardDemo.load(into: store, root: root, passwords: Passwords(cost: 4)))
        return SampleBoard(store: store, folder: folder, backend: backend, location: location)
    }

    var settings: BoardSettings {
        BoardSettings(
            feeds: .init(cacheFolder: folder.appendingPathComponent("cache").path),
            planner: Planner.Options(seed: 1, seconds: 0.2, threads: 1),
            workFolder: folder.appendingPathComponent("work").path, eventStreamSeconds: 0.3)
    }

    /// Runs `body` against the board's router, then closes the store.
    func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        var logger = Logger(label: "tiaoqi.serve.test")
        logger.logLevel = .warning
        let router = BoardServer.router(
            store: store, cookies: CookieRules(secure: false), passwords: Passwords(cost: 4), settings: settings,
            logger: logger)
        let app = Application(router: router, logger: logger)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try await app.test(.router) { client in try await body(client) }
        } catch {
            try? await store.close()
            try? await backend.drop(location)
            throw error
        }
        try? await store.close()
        try? await backend.drop(location)
    }
}

/// Signs a demo account in and returns its session cookie and its forms' CSRF token.
func demoSession(_ client: any TestClientProtocol, _ id: String) async throws -> (cookie: HTTPFields, csrf: String) {
    let response = try await login(client, id, BoardDemo.password)
    let cookie = try #require(setCookie(CookieRules.session, in: response))
    let headers: HTTPFields = [.cookie: "\(CookieRules.session)=\(cookie.value)"]
    var page = try await client.execute(uri: "/week", method: .get, headers: headers)
    if page.status != .ok { page = try await client.execute(uri: "/board", method: .get, headers: headers) }
    return (headers, try #require(hidden("csrf", in: page)))
}

/// Posts a form as a signed-in browser would.
func post(
    _ client: any TestClientProtocol, _ uri: String, _ session: (cookie: HTTPFields, csrf: String),
    _ fields: [String: String] = [:], csrf: Bool = true
) async throws -> TestResponse {
    var headers = formType
    headers[.cookie] = session.cookie[.cookie]
    var fields = fields
    if csrf { fields["csrf"] = session.csrf }
    return try await client.execute(uri: uri, method: .post, headers: headers, body: form(fields))
}
