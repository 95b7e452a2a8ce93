import Feeds
import Foundation
import Messages
import TestSupport
import Testing

/// Reads every file of a cache folder, so a test can prove a fault left it byte for byte as it was.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
        files[name] = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
    }
    return files
}

@Sendable func isCalendar(_ body: [UInt8]) -> Message? {
    String(decoding: body.prefix(15), as: UTF8.self) == "BEGIN:VCALENDAR" ? nil : .verbatim("not a calendar")
}

@Suite("Feeds against a faulty server", .serialized)
struct FaultTests {
    /// Fetches `/feed/<name>.ics` once cleanly into a new cache, switches the server to `mode`, and fetches again.
    func afterFault(
        _ mode: String, name: String, limits: FeedFetcher.Limits = FeedFetcher.Limits(), retry: RetryPolicy = .none
    ) async throws -> (report: FeedReport, before: [String: Data], after: [String: Data]) {
        let server = try FaultServer()
        defer { server.stop() }
        let folder = Fixtures.temporaryFolder("cache")
        let path = "/feed/\(name).ics"
        let source = FeedSource(location: try FeedLocation(server.url(path)))
        let service = FeedService(fetcher: FeedFetcher(limits: limits, retry: retry), cache: FeedCache(folder: folder))
        let first = await service.fetch([source], validate: isCalendar)[0]
        #expect(first.outcome == .fresh)
        let before = snapshot(folder)
        try server.set(path, mode: mode)
        let report = await service.fetch([source], validate: isCalendar)[0]
        return (report, before, snapshot(folder))
    }

    @Test func anUnchangedFeedIsNotModified() async throws {
        let (report, before, after) = try await afterFault("ok", name: "same")
        #expect(report.outcome == .notModified)
        #expect(report.status == 304)
        // The body's entry is untouched; the confirmation is recorded beside it.
        #expect(after.filter { $0.key.hasSuffix(".feed") } == before)
        #expect(after["confirmations.json"] != nil)
        #expect(report.body.map { String(decoding: $0, as: UTF8.self).contains("same.ics v1") } == true)
    }

    @Test(arguments: [
        ("404", FeedError.Kind.httpStatus), ("500", .httpStatus), ("loop", .network), ("to-file", .network),
        ("html", .undecodable), ("reset", .network), ("huge", .tooLarge), ("bomb", .tooLarge),
    ])
    func aFaultKeepsTheCachedCopy(mode: String, kind: FeedError.Kind) async throws {
        let (report, before, after) = try await afterFault(mode, name: "fault-\(mode)")
        #expect(report.outcome == .stale, "\(mode): \(String(describing: report.error))")
        #expect(report.error?.kind == kind, "\(mode): \(String(describing: report.error))")
        #expect(after == before, "the cached copy changed after \(mode)")
        #expect(report.body.map { String(decoding: $0, as: UTF8.self).contains("v1") } == true)
    }

    @Test func aSlowDripTimesOutAndKeepsTheCachedCopy() async throws {
        var limits = FeedFetcher.Limits()
        limits.totalTimeout = 2
        let (report, before, after) = try await afterFault("drip", name: "drip", limits: limits)
        #expect(report.outcome == .stale)
        #expect(report.error?.kind == .timeout)
        #expect(after == before)
    }

    @Test(arguments: [("gzip", "v2"), ("chain", "v3"), ("gbk", "徐州招商会议")])
    func aGoodNewBodyReplacesTheCachedCopy(mode: String, expected: String) async throws {
        let (report, before, after) = try await afterFault(mode, name: "new-\(mode)")
        #expect(report.outcome == .fresh, "\(mode): \(String(describing: report.error))")
        #expect(report.body.map { String(decoding: $0, as: UTF8.self).contains(expected) } == true)
        #expect(after != before)
    }

    @Test func a500ThenOKIsRetried() async throws {
        let (report, _, _) = try await afterFault("500-then-ok", name: "flaky", retry: RetryPolicy())
        #expect(report.outcome == .fresh)
        #expect(report.body.map { String(decoding: $0, as: UTF8.self).contains("v4") } == true)
    }

    @Test func a429HonoursRetryAfter() async throws {
        let start = Date()
        let (report, _, _) = try await afterFault("429-then-ok", name: "busy", retry: RetryPolicy())
        #expect(report.outcome == .fresh)
        #expect(Date().timeIntervalSince(start) >= 1)
    }

    @Test func fourHundredsAreNeverRetried() async throws {
        let server = try FaultServer()
        defer { server.stop() }
        try server.set("/feed/gone.ics", mode: "404")
        let results = await TransferEngine.perform(
            [TransferRequest(location: try FeedLocation(server.url("/feed/gone.ics")))], limits: FeedFetcher.Limits(),
            retry: RetryPolicy())
        #expect(results[0].attempts == 1)
        #expect(results[0].status == 404)
    }

    @Test func offlineUsesTheCacheOnly() async throws {
        let server = try FaultServer()
        let folder = Fixtures.temporaryFolder("cache")
        let source = FeedSource(location: try FeedLocation(server.url("/feed/offline.ics")))
        _ = await FeedService(cache: FeedCache(folder: folder)).fetch([source], validate: isCalendar)
        server.stop()
        let offline = await FeedService(cache: FeedCache(folder: folder), offline: true).fetch(
            [source], validate: isCalendar)[0]
        #expect(offline.outcome == .stale)
        #expect(offline.body != nil)
        let never = FeedSource(location: try FeedLocation(server.url("/feed/never.ics")))
        let missing = await FeedService(cache: FeedCache(folder: folder), offline: true).fetch(
            [never], validate: isCalendar)[0]
        #expect(missing.outcome == .failed)
    }
}
