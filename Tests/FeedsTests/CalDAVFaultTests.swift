import Feeds
import Foundation
import TestSupport
import Testing

/// A CalDAV answer that is not a good calendar-query result must never replace a good cached copy: an empty
/// calendar stored over it would make the client look free.
@Suite("CalDAV answers that do not count", .serialized)
struct CalDAVFaultTests {
    static let window = (start: "20220307T000000Z", end: "20220314T000000Z")

    /// Replies that look like an answer but are not a successful multistatus, each with a word its reason must hold.
    static let faults: [(mode: String, reason: String)] = [
        ("propstat-403", "403"), ("propstat-404", "404"), ("html-multistatus", "HTTP 200"),
        ("truncated", "not well-formed"),
        ("response-507", "truncated"), ("no-data", "no calendar-data"), ("empty-data", "is empty"), ("doctype", "DTD"),
    ]

    @Test func aFailedAnswerKeepsTheCopyFetchedFromRadicaleByteForByte() async throws {
        let radicale = try Radicale()
        defer { radicale.stop() }
        try radicale.makeCalendar("work", events: ["busy": CalDAVTests.event("busy", "20220308T020000Z", "周二董事会")])
        let faults = try FaultServer()
        defer { faults.stop() }
        // The feed goes through the fault server: first relayed to Radicale, then answered with each fault.
        let path = "/caldav/\(radicale.user)/work/"
        let source = FeedSource(
            location: try FeedLocation("caldav://127.0.0.1:\(faults.port)\(path)"),
            credentials: "\(radicale.user):\(radicale.password)",
            window: Self.window, allowInsecureAuth: true)
        let folder = Fixtures.temporaryFolder("caldav-cache")
        let service = FeedService(fetcher: FeedFetcher(retry: .none), cache: FeedCache(folder: folder))
        try faults.set(path, mode: "proxy-\(radicale.port)")
        let good = await service.fetch([source], validate: isCalendar)[0]
        #expect(good.outcome == .fresh, "\(String(describing: good.error))")
        let goodBody = try #require(good.body)
        #expect(String(decoding: goodBody, as: UTF8.self).contains("周二董事会"))
        let before = snapshot(folder)
        #expect(before.keys.contains { $0.hasSuffix(".feed") })

        for (mode, reason) in Self.faults {
            try faults.set(path, mode: mode)
            let report = await service.fetch([source], validate: isCalendar)[0]
            #expect(report.outcome == .stale, "\(mode): \(String(describing: report.error))")
            #expect(report.body == goodBody, "\(mode): the report does not carry the good copy")
            #expect(snapshot(folder) == before, "\(mode): the cached copy changed")
            #expect(report.error?.message.contains(reason) == true, "\(mode): \(String(describing: report.error))")
            #expect(report.ageSeconds != nil, "\(mode)")
        }
    }

    @Test func withoutACachedCopyAFailedAnswerIsAFailureNotAnEmptyCalendar() async throws {
        let faults = try FaultServer()
        defer { faults.stop() }
        for (mode, _) in Self.faults {
            let path = "/caldav/none-\(mode)/"
            try faults.set(path, mode: mode)
            let source = FeedSource(
                location: try FeedLocation("caldav://127.0.0.1:\(faults.port)\(path)"), window: Self.window)
            let report = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([source], validate: isCalendar)[0]
            #expect(report.outcome == .failed, "\(mode): \(String(describing: report.error))")
            #expect(report.body == nil, "\(mode)")
        }
    }

    /// A guard against refusing too much: well-formed answers with any prefixes, CDATA, or no responses at all.
    @Test(arguments: [("ok", "全天董事会"), ("ok-default-ns", "全天董事会"), ("empty", "END:VCALENDAR")])
    func aWellFormedMultistatusCounts(mode: String, expected: String) async throws {
        let faults = try FaultServer()
        defer { faults.stop() }
        let path = "/caldav/good-\(mode)/"
        try faults.set(path, mode: mode)
        let source = FeedSource(
            location: try FeedLocation("caldav://127.0.0.1:\(faults.port)\(path)"), window: Self.window)
        let report = await FeedService(fetcher: FeedFetcher(retry: .none)).fetch([source], validate: isCalendar)[0]
        #expect(report.outcome == .fresh, "\(mode): \(String(describing: report.error))")
        let text = String(decoding: report.body ?? [], as: UTF8.self)
        #expect(text.contains(expected))
        #expect(mode != "empty" || !text.contains("BEGIN:VEVENT"))
    }
}
