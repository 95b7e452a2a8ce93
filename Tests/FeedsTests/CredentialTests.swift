import Feeds
import Foundation
import TestSupport
import Testing

private let calendarText = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

/// `Authorization: Basic …` for `user:password`.
func basic(_ userPassword: String) -> String { "Basic " + Data(userPassword.utf8).base64EncodedString() }

@Suite("Credentials and bounds of one transfer")
struct CredentialTests {
    @Test func theURLsOwnCredentialsWinOverTheHostsCredentials() async throws {
        let server = try await LoopbackServer(routes: ["/a.ics": .text(calendarText)])
        let url = server.url("/a.ics").replacingOccurrences(of: "http://", with: "http://in-url:url-secret@")
        let source = FeedSource(
            location: try FeedLocation(url), credentials: "from-file:file-secret", allowInsecureAuth: true)
        let report = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([source], validate: { _ in nil })[0]
        await server.stop()
        #expect(report.outcome == .fresh, "\(String(describing: report.error))")
        #expect(server.authorizations("/a.ics") == [basic("in-url:url-secret")])
    }

    @Test func aURLNamingOnlyItsUserTakesThatUsersPassword() async throws {
        let server = try await LoopbackServer(routes: ["/a.ics": .text(calendarText)])
        let url = server.url("/a.ics").replacingOccurrences(of: "http://", with: "http://alice@")
        let source = FeedSource(
            location: try FeedLocation(url), credentials: "alice:from-netrc", allowInsecureAuth: true)
        let report = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([source], validate: { _ in nil })[0]
        await server.stop()
        #expect(report.outcome == .fresh, "\(String(describing: report.error))")
        #expect(server.authorizations("/a.ics") == [basic("alice:from-netrc")])
        #expect(try FeedLocation("https://alice@h/x.ics").loginHint == "alice")
        #expect(try FeedLocation("https://alice:pw@h/x.ics").loginHint == nil)
    }

    @Test(arguments: [false, true])
    func credentialsOverPlainHTTPAreRefusedUnlessAllowed(inURL: Bool) async throws {
        let server = try await LoopbackServer(routes: ["/a.ics": .text(calendarText)])
        let url =
            inURL ? server.url("/a.ics").replacingOccurrences(of: "http://", with: "http://u:p@") : server.url("/a.ics")
        let refused = FeedSource(location: try FeedLocation(url), credentials: inURL ? nil : "u:p")
        let report = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([refused], validate: { _ in nil })[0]
        #expect(report.outcome == .failed)
        #expect(report.error?.message.contains("plain http") == true, "\(String(describing: report.error))")
        #expect(server.authorizations("/a.ics").isEmpty, "the request went out")
        var allowed = refused
        allowed.allowInsecureAuth = true
        let sent = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([allowed], validate: { _ in nil })[0]
        await server.stop()
        #expect(sent.outcome == .fresh)
        #expect(server.authorizations("/a.ics") == [basic("u:p")])
    }

    /// Pins libcurl's CURLOPT_UNRESTRICTED_AUTH default (off): a redirect to another host gets no credentials.
    @Test func aRedirectToAnotherHostCarriesNoCredentials() async throws {
        let server = try await LoopbackServer(routes: ["/hop.ics": .text(""), "/landed.ics": .text(calendarText)])
        server.replace(
            "/hop.ics", with: .init(status: 302, headers: ["Location": "http://localhost:\(server.port)/landed.ics"]))
        let source = FeedSource(
            location: try FeedLocation(server.url("/hop.ics")), credentials: "u:p", allowInsecureAuth: true)
        let report = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([source], validate: { _ in nil })[0]
        await server.stop()
        #expect(report.outcome == .fresh, "\(String(describing: report.error))")
        #expect(server.authorizations("/hop.ics") == [basic("u:p")])
        #expect(server.authorizations("/landed.ics") == [nil])
    }

    @Test func aTimeoutOfZeroStillBoundsTheFetch() async throws {
        let server = try await LoopbackServer(routes: ["/slow.ics": .init(body: Data(calendarText.utf8), delay: 4)])
        var limits = FeedFetcher.Limits()
        limits.totalTimeout = 0
        // Unbounded, the fetch would wait the 4 s and succeed; bounded (1 s at least), it times out first.
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher(limits: limits, retry: .none).fetch(try FeedLocation(server.url("/slow.ics")))
        }
        await server.stop()
        #expect(error?.kind == .timeout)
    }
}

@Suite("netrc files")
struct NetrcTests {
    @Test func entriesAreReadPerMachineAndDefaultIsNeverUsed() throws {
        let netrc = try Netrc(
            text: """
                # bureau feeds
                machine caldav.example.com login zhou password "s3cret with space"
                machine Files.Example.com
                  login li
                  password p#1
                macdef init
                cd /pub

                default login anonymous password everyone
                """)
        #expect(netrc.entry(forHost: "CalDAV.example.com")?.userPassword == "zhou:s3cret with space")
        #expect(netrc.entry(forHost: "files.example.com")?.userPassword == "li:p#1")
        #expect(netrc.entry(forHost: "files.example.com")?.line == 3)
        #expect(netrc.entry(forHost: "elsewhere.example.com") == nil)
    }

    @Test func aMachineWithoutPasswordIsAnErrorAtItsLine() {
        #expect(throws: Netrc.ParseError.self) { try Netrc(text: "machine a login b password c\nmachine d login e\n") }
        do {
            _ = try Netrc(text: "machine a login b password c\nmachine d login e\n")
        } catch {
            #expect(error.line == 2)
        }
    }
}
