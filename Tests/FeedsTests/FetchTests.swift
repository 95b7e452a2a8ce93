import Feeds
import Foundation
import TestSupport
import Testing

private let calendarText = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"

@Suite("Fetching one feed over libcurl")
struct FetchTests {
    @Test func fetchesOverHTTPWithStatusAndType() async throws {
        let server = try await LoopbackServer(routes: ["/cal.ics": .text(calendarText)])
        let response = try await FeedFetcher().fetch(try FeedLocation(server.url("/cal.ics")))
        await server.stop()
        #expect(response.status == 200)
        #expect(response.contentType?.hasPrefix("text/calendar") == true)
        #expect(String(decoding: response.body, as: UTF8.self) == calendarText)
    }

    @Test func anErrorStatusIsAnErrorNamingTheStatus() async throws {
        let server = try await LoopbackServer(routes: ["/gone.ics": .init(status: 410)])
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher().fetch(try FeedLocation(server.url("/gone.ics")))
        }
        await server.stop()
        #expect(error?.kind == .httpStatus)
        #expect(error?.status == 410)
    }

    @Test func aBodyOverTheCapIsRefused() async throws {
        let big = Data(repeating: 0x41, count: 200_000)
        let server = try await LoopbackServer(routes: ["/big.ics": .init(body: big)])
        var limits = FeedFetcher.Limits()
        limits.maxBodyBytes = 50_000
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher(limits: limits).fetch(try FeedLocation(server.url("/big.ics")))
        }
        await server.stop()
        #expect(error?.kind == .tooLarge)
    }

    @Test func aSlowServerTimesOut() async throws {
        let server = try await LoopbackServer(routes: ["/slow.ics": .init(body: Data(calendarText.utf8), delay: 3)])
        var limits = FeedFetcher.Limits()
        limits.totalTimeout = 1
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher(limits: limits).fetch(try FeedLocation(server.url("/slow.ics")))
        }
        await server.stop()
        #expect(error?.kind == .timeout)
    }

    @Test func aRemoteFeedCannotRedirectToAFile() async throws {
        let server = try await LoopbackServer(routes: [
            "/sneaky.ics": .init(status: 302, headers: ["Location": "file:///etc/passwd"])
        ])
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher().fetch(try FeedLocation(server.url("/sneaky.ics")))
        }
        await server.stop()
        #expect(error?.kind == .network)
        #expect(error?.message.contains("redirect") == true)
    }

    @Test func followsAnHTTPRedirect() async throws {
        let server = try await LoopbackServer(routes: [
            "/old.ics": .init(status: 301, headers: ["Location": "/new.ics"]), "/new.ics": .text(calendarText),
        ])
        let response = try await FeedFetcher().fetch(try FeedLocation(server.url("/old.ics")))
        await server.stop()
        #expect(response.status == 200)
        #expect(response.body.count == calendarText.utf8.count)
    }

    @Test func readsAPathRelativeToTheSchedule() async throws {
        let location = try FeedLocation("feeds/staff-liu.ics", relativeTo: Fixtures.sampleWeek)
        #expect(location.isFile)
        #expect(location.redacted == "feeds/staff-liu.ics")
        let response = try await FeedFetcher().fetch(location)
        #expect(response.status == nil)
        #expect(String(decoding: response.body.prefix(15), as: UTF8.self) == "BEGIN:VCALENDAR")
    }

    @Test func aMissingFileSaysSo() async throws {
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher().fetch(try FeedLocation("feeds/nobody.ics", relativeTo: Fixtures.sampleWeek))
        }
        #expect(error?.kind == .fileUnreadable)
        #expect(error?.location == "feeds/nobody.ics")
    }

    @Test func nothingListensOnAClosedPort() async throws {
        let error = await #expect(throws: FeedError.self) {
            try await FeedFetcher().fetch(try FeedLocation("http://127.0.0.1:9/cal.ics"))
        }
        #expect(error?.kind == .network)
    }

    @Test func credentialsAreRedacted() async throws {
        let location = try FeedLocation("webcal://zhou:secret@cal.example.com/a.ics")
        #expect(location.url == "https://zhou:secret@cal.example.com/a.ics")
        #expect(location.redacted == "https://***@cal.example.com/a.ics")
        #expect(!location.description.contains("secret"))
    }

    @Test func unsupportedSchemesAreRefused() async {
        #expect(throws: FeedError.self) { try FeedLocation("ftp://example.com/a.ics") }
    }

    @Test func gb18030BodiesBecomeUTF8() throws {
        let encoding = String.Encoding(rawValue: 0x8000_0632)
        let text = "SUMMARY:徐州招商"
        let body = Array(text.data(using: encoding)!)
        let response = FeedResponse(
            location: try FeedLocation("http://example.com/a.ics"), status: 200,
            contentType: "text/calendar; charset=GBK", body: body)
        #expect(String(decoding: try response.utf8Body(), as: UTF8.self) == text)
    }
}
