import Feeds
import Foundation
import ICalendar
import Messages
import Schedules
import TestSupport
import Testing

/// `plan --publish-caldav` through `CalendarPublishing`, against a real Radicale on loopback: each person's calendar
/// text (as `plan --out` writes it) goes into their collection, and replans update, delete and leave alone.
@Suite("CalDAV write-back against Radicale", .serialized)
struct CalDAVPublishTests {
    /// One person's calendar as PlanCalendars writes it: `(uid, start, summary)` events of an hour, the first with a
    /// reminder (a duration Radicale rewrites: -PT90M comes back as -PT1H30M).
    static func calendar(_ events: [(uid: String, start: String, summary: String)]) -> String {
        var text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi//Itinerary//ZH\r\nCALSCALE:GREGORIAN\r\n"
            + "METHOD:PUBLISH\r\nX-WR-CALNAME:李明 · 测试周\r\n"
        for (index, event) in events.enumerated() {
            let hour = Int(event.start.suffix(7).prefix(2))!
            let end = event.start.prefix(9) + String(format: "%02d", hour + 1) + event.start.suffix(5)
            text +=
                "BEGIN:VEVENT\r\nUID:\(event.uid)\r\nDTSTAMP:20220306T160000Z\r\nDTSTART:\(event.start)\r\n"
                + "DTEND:\(end)\r\nSUMMARY:\(event.summary)\r\nLOCATION:南京\\, 江宁区\r\n"
                + "DESCRIPTION:客户 nj-chip（优先级 8）\\n同行：李明\r\n"
                + (index == 0
                    ? "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT90M\r\nDESCRIPTION:出发\r\nEND:VALARM\r\n" : "")
                + "END:VEVENT\r\n"
        }
        return text + "END:VCALENDAR\r\n"
    }

    /// An event of the person's own, not written by Tiaoqi.
    static let foreign =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//another app//EN\r\nBEGIN:VEVENT\r\nUID:own-meeting\r\n"
        + "DTSTAMP:20220301T000000Z\r\nDTSTART:20220307T010000Z\r\nDURATION:PT1H\r\nSUMMARY:局务会\r\n"
        + "END:VEVENT\r\nEND:VCALENDAR\r\n"

    static let week1 = calendar([
        ("visit-nj-chip-li-2022-03-07@tiaoqi", "20220307T020000Z", "拜访 南京宁芯半导体"),
        ("visit-su-robot-li-2022-03-07@tiaoqi", "20220308T060000Z", "拜访 苏州灵动机器人"),
        ("leg-li-xuzhou-nanjing-2022-03-07-1@tiaoqi", "20220307T000000Z", "G1901 徐州东 → 南京南"),
    ])

    /// The replan: nj-chip moved a day later, su-robot dropped, the leg the same, sh-bio added.
    static let week2 = calendar([
        ("visit-nj-chip-li-2022-03-07@tiaoqi", "20220308T020000Z", "拜访 南京宁芯半导体"),
        ("leg-li-xuzhou-nanjing-2022-03-07-1@tiaoqi", "20220307T000000Z", "G1901 徐州东 → 南京南"),
        ("visit-sh-bio-li-2022-03-07@tiaoqi", "20220310T020000Z", "拜访 上海瑞和生物医药"),
    ])

    /// A schedule folder (for the record) and a netrc with the server's credentials.
    struct Setup {
        let server: Radicale
        let folder = Fixtures.temporaryFolder("publish")
        let netrc: String
        var url: String { "http://127.0.0.1:\(server.port)/\(server.user)/{staff}/" }

        init() throws {
            server = try Radicale()
            netrc = (folder as NSString).appendingPathComponent("netrc")
            try "machine 127.0.0.1 login \(server.user) password \(server.password)\n".write(
                toFile: netrc, atomically: true, encoding: .utf8)
            // A calendar of the person's own, with an event Tiaoqi did not write.
            try server.makeCalendar(
                "li", events: ["own-meeting": CalDAVPublishTests.foreign])
        }

        func publish(_ text: String, url: String? = nil, password: String? = nil) async throws
            -> PublishReport
        {
            var options = FeedOptions()
            options.allowInsecureAuth = true
            options.netrcFile = netrc
            if let password {
                let wrong = (folder as NSString).appendingPathComponent("netrc-wrong")
                try "machine 127.0.0.1 login \(server.user) password \(password)\n".write(
                    toFile: wrong, atomically: true, encoding: .utf8)
                options.netrcFile = wrong
            }
            var publishing = CalendarPublishing(feeds: options)
            publishing.fetcher.retry = .none
            let outcome = try await publishing.publish(["li": text], url: url ?? self.url, schedule: folder)
            return try #require(outcome.people.first).report
        }

        /// The record file of li's collection.
        var record: String {
            PublishRecord.path(
                for: try! FeedLocation("http://127.0.0.1:\(server.port)/\(server.user)/li/"),
                in: CalendarPublishing.recordFolder(schedule: folder))
        }

        /// The calendar's events now: resource name → its text, read straight from the server.
        func events() throws -> [String: String] { try CalDAVClient(server: server).events("li") }
    }

    static func summaries(_ events: [String: String]) -> [String] {
        events.values.compactMap { text in
            text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("SUMMARY:") }.map {
                String($0.dropFirst(8)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }.sorted()
    }

    static func counts(_ report: PublishReport) -> [PublishOutcome: Int] {
        Dictionary(PublishOutcome.allCases.map { ($0, report.count($0)) }, uniquingKeysWith: { a, _ in a })
            .filter { $0.value > 0 }
    }

    @Test func theFirstPublishCreatesAndAReplanUpdatesMovedAndDeletesDroppedEvents() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let first = try await setup.publish(Self.week1)
        #expect(first.error == nil, "\(String(describing: first.error))")
        #expect(Self.counts(first) == [.created: 3])
        var events = try setup.events()
        #expect(events.count == 4)
        let own = try #require(events["own-meeting.ics"])
        #expect(events.values.filter { $0.contains("X-TIAOQI-DIGEST") }.count == 3)
        // No METHOD in a calendar object resource (RFC 4791).
        #expect(!events.values.contains { $0.contains("METHOD:") })

        // Radicale rewrote the reminder (-PT1H30M) and reordered the lines: still unchanged.
        let again = try await setup.publish(Self.week1)
        #expect(Self.counts(again) == [.unchanged: 3])

        let replan = try await setup.publish(Self.week2)
        #expect(replan.error == nil)
        #expect(Self.counts(replan) == [.updated: 1, .deleted: 1, .unchanged: 1, .created: 1])
        #expect(replan.results.first { $0.uid.hasPrefix("visit-nj-chip") }?.outcome == .updated)
        #expect(replan.results.first { $0.uid.hasPrefix("visit-su-robot") }?.outcome == .deleted)
        events = try setup.events()
        #expect(events.count == 4)
        #expect(events["visit-nj-chip-li-2022-03-07%40tiaoqi.ics"]?.contains("DTSTART:20220308T020000Z") == true)
        #expect(events["visit-su-robot-li-2022-03-07%40tiaoqi.ics"] == nil)
        #expect(events["visit-sh-bio-li-2022-03-07%40tiaoqi.ics"] != nil)
        // The event Tiaoqi did not write is exactly as it was.
        #expect(events["own-meeting.ics"] == own)
        let record = try String(contentsOfFile: setup.record, encoding: .utf8)
        #expect(!record.contains(setup.server.password))
        #expect(record.contains("visit-sh-bio"))
        #expect(!record.contains("visit-su-robot"))
    }

    @Test func anEventEditedInTheCalendarIsNotOverwrittenNorDeleted() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        _ = try await setup.publish(Self.week1)
        let client = CalDAVClient(server: setup.server)
        // Someone edits two events in their calendar app, which keeps Tiaoqi's properties as they are.
        for name in ["visit-nj-chip-li-2022-03-07%40tiaoqi.ics", "visit-su-robot-li-2022-03-07%40tiaoqi.ics"] {
            let text = try #require(try setup.events()[name])
            try client.put("li", name, text.replacingOccurrences(of: "SUMMARY:", with: "SUMMARY:改期待定 "))
        }
        let edited = try setup.events()

        let replan = try await setup.publish(Self.week2)
        let chip = try #require(replan.results.first { $0.uid.hasPrefix("visit-nj-chip") })
        #expect(chip.outcome == .refused)
        #expect(chip.status == 412)
        #expect(chip.reason?.text(.en).contains("changed in the calendar") == true)
        // Dropped by the plan but edited: not deleted either.
        #expect(replan.results.first { $0.uid.hasPrefix("visit-su-robot") }?.outcome == .refused)
        var events = try setup.events()
        #expect(
            events["visit-nj-chip-li-2022-03-07%40tiaoqi.ics"] == edited["visit-nj-chip-li-2022-03-07%40tiaoqi.ics"])
        #expect(events["visit-su-robot-li-2022-03-07%40tiaoqi.ics"] != nil)
        #expect(Self.summaries(events).filter { $0.hasPrefix("改期待定") }.count == 2)

        // The user deletes the edited event to take the plan's version: the next publish writes it.
        try client.delete("li", "visit-nj-chip-li-2022-03-07%40tiaoqi.ics")
        let after = try await setup.publish(Self.week2)
        #expect(after.results.first { $0.uid.hasPrefix("visit-nj-chip") }?.outcome == .created)
        events = try setup.events()
        #expect(events["visit-nj-chip-li-2022-03-07%40tiaoqi.ics"]?.contains("DTSTART:20220308T020000Z") == true)
    }

    @Test func anEventDeletedInTheCalendarIsNotWrittenAgainUntilThePlanChangesIt() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        _ = try await setup.publish(Self.week1)
        try CalDAVClient(server: setup.server).delete("li", "visit-nj-chip-li-2022-03-07%40tiaoqi.ics")
        let again = try await setup.publish(Self.week1)
        #expect(again.results.first { $0.uid.hasPrefix("visit-nj-chip") }?.outcome == .kept)
        #expect(try setup.events()["visit-nj-chip-li-2022-03-07%40tiaoqi.ics"] == nil)
        let moved = try await setup.publish(Self.week2)
        #expect(moved.results.first { $0.uid.hasPrefix("visit-nj-chip") }?.outcome == .created)
    }

    @Test func aLostOrOutdatedRecordLeavesNoDuplicateAndNoFalseRefusal() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        _ = try await setup.publish(Self.week1)
        let week1Record = try Data(contentsOf: URL(fileURLWithPath: setup.record))
        // A publish of the replan killed after its requests but before its record: the server has week 2, the
        // record week 1 (a write's pending digest lost too).
        _ = try await setup.publish(Self.week2)
        try week1Record.write(to: URL(fileURLWithPath: setup.record))
        let rerun = try await setup.publish(Self.week2)
        #expect(rerun.error == nil)
        #expect(Self.counts(rerun) == [.unchanged: 3, .deleted: 1])
        // The record lost altogether: every event is recognised as Tiaoqi's and adopted.
        try FileManager.default.removeItem(atPath: setup.record)
        let lost = try await setup.publish(Self.week2)
        #expect(Self.counts(lost) == [.unchanged: 3])
        let events = try setup.events()
        #expect(events.count == 4)
        #expect(Set(events.keys).count == events.count)
        let again = try await setup.publish(Self.week2)
        #expect(Self.counts(again) == [.unchanged: 3])
    }

    @Test func aSecondPublishToTheSameCalendarWaitsItsTurnInsteadOfInterleaving() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        _ = try await setup.publish(Self.week1)
        // Another publish holds the calendar's lock.
        let holder = open(setup.record + ".lock", O_RDWR)
        #expect(flock(holder, LOCK_EX) == 0)
        let blocked = try await setup.publish(Self.week2)
        #expect(blocked.error?.message.contains("another tiaoqi is publishing") == true)
        #expect(blocked.results.isEmpty)
        close(holder)
        let after = try await setup.publish(Self.week2)
        #expect(Self.counts(after) == [.updated: 1, .deleted: 1, .unchanged: 1, .created: 1])
    }

    @Test func aServerThatRefusesGivesAClearErrorAndLeavesTheRecordAsItWas() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        _ = try await setup.publish(Self.week1)
        let good = try Data(contentsOf: URL(fileURLWithPath: setup.record))

        let refused = try await setup.publish(Self.week2, password: "wrong")
        let error = try #require(refused.error)
        #expect(error.status == 401)
        #expect(error.message.contains("credentials"))
        #expect(!error.message.contains("wrong"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: setup.record)) == good)

        // The same calendar behind a proxy that answers 500 to every write: the listing works, no write does.
        let proxy = try CalDAVProxy(upstream: setup.server.port)
        defer { proxy.stop() }
        let viaProxy = "http://127.0.0.1:\(proxy.port)/\(setup.server.user)/{staff}/"
        let proxiedRecord = PublishRecord.path(
            for: try FeedLocation("http://127.0.0.1:\(proxy.port)/\(setup.server.user)/li/"),
            in: CalendarPublishing.recordFolder(schedule: setup.folder))
        try good.write(to: URL(fileURLWithPath: proxiedRecord))
        try proxy.set(mode: "500-writes")
        let broken = try await setup.publish(Self.week2, url: viaProxy)
        #expect(Self.counts(broken) == [.failed: 3, .unchanged: 1])
        #expect(broken.results.allSatisfy { $0.outcome != .failed || $0.status == 500 })
        let kept = try JSONDecoder().decode(
            PublishRecord.self, from: Data(contentsOf: URL(fileURLWithPath: proxiedRecord)))
        let before = try JSONDecoder().decode(PublishRecord.self, from: good)
        // What Tiaoqi knew it wrote is still known; only a write that never landed is noted as pending.
        for (resource, entry) in before.entries {
            #expect(kept.entries[resource]?.etag == entry.etag)
            #expect(kept.entries[resource]?.digest == entry.digest)
        }
        // Every request failed: the server answers 500 to the listing too.
        try proxy.set(mode: "500")
        let down = try await setup.publish(Self.week2, url: viaProxy)
        #expect(down.error?.status == 500 || down.error?.message.contains("500") == true)
        // Once the server is back, the publish goes through as if nothing had happened.
        try proxy.set(mode: "pass")
        let back = try await setup.publish(Self.week2, url: viaProxy)
        #expect(Self.counts(back) == [.updated: 1, .deleted: 1, .unchanged: 1, .created: 1])
    }
}
