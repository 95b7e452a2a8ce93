import Feeds
import Foundation
import ICalendar
import Schedules
import TestSupport
import Testing

/// `tiaoqi plan --publish-caldav` run as the real binary against Radicale on loopback.
@Suite("plan --publish-caldav", .serialized)
struct PublishCLITests {
    /// The quickstart week copied, a Radicale with li's calendar, and a netrc of its credentials.
    struct Setup {
        let server: Radicale
        let schedule = Fixtures.copy(Fixtures.quickstart)
        let out = Fixtures.temporaryFolder("publish-out")
        let netrc: String

        init() throws {
            server = try Radicale()
            netrc = (out as NSString).appendingPathComponent("netrc")
            try "machine 127.0.0.1 login \(server.user) password \(server.password)\n".write(
                toFile: netrc, atomically: true, encoding: .utf8)
            try server.makeCalendar("li", events: [:])
        }

        /// The base URL on `port` (Radicale's, or a proxy's); the staff id is added to it.
        func url(port: Int? = nil) -> String { "http://127.0.0.1:\(port ?? server.port)/\(server.user)/" }

        func arguments(port: Int? = nil, format: String = "json") -> [String] {
            [
                "plan", schedule, "--out", out, "--publish-caldav", url(port: port), "--netrc", netrc,
                "--allow-insecure-auth", "--format", format, "--lang", "en", "--seed", "1",
            ]
        }

        /// The UIDs of li's `.ics` as `--out` wrote it.
        func plannedUIDs() throws -> [String] {
            let text = try String(contentsOfFile: (out as NSString).appendingPathComponent("li.ics"), encoding: .utf8)
            return try VCalendar.parse(text).events.map(\.uid).sorted()
        }

        /// The UIDs in li's calendar on the server, one per event found (a duplicate shows twice).
        func serverUIDs() async throws -> [String] {
            let location = try FeedLocation("caldav://127.0.0.1:\(server.port)/\(server.user)/li/")
            let report = await FeedService().fetch(
                [
                    FeedSource(
                        location: location, credentials: "\(server.user):\(server.password)", allowInsecureAuth: true)
                ], validate: { _ in nil })[0]
            return try VCalendar.parse(bytes: try #require(report.body)).events.map(\.uid).sorted()
        }
    }

    /// The `caldav_publish` entry of the person in plan JSON output.
    static func summary(_ stdout: String) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let people = try #require(object["caldav_publish"] as? [[String: Any]])
        #expect(object["visits"] != nil)
        return try #require(people.first)
    }

    @Test func planWritesTheItineraryIntoTheCalendarAndARerunChangesNothing() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let first = try tiaoqi(setup.arguments())
        #expect(first.status == 0, "\(first.stderr)")
        let person = try Self.summary(first.stdout)
        let planned = try setup.plannedUIDs()
        #expect(person["staff"] as? String == "li")
        #expect(person["created"] as? Int == planned.count)
        #expect(person["refused"] as? Int == 0)
        #expect(!first.stdout.contains(setup.server.password))
        let events = try #require(person["events"] as? [[String: Any]])
        #expect(events.count == planned.count)
        #expect(
            events.allSatisfy {
                $0["outcome"] as? String == "created" && $0.keys.sorted() == ["outcome", "reason", "status", "uid"]
            })
        #expect(try await setup.serverUIDs() == planned)

        let again = try tiaoqi(setup.arguments(format: "table"))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Written to the CalDAV calendars:"))
        #expect(again.stdout.contains("li: 0 created, 0 updated, 0 deleted, \(planned.count) unchanged"))
        #expect(try await setup.serverUIDs() == planned)
    }

    @Test func aReplanOverEventsEditedInTheCalendarReportsThemAndExits1() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let first = try tiaoqi(setup.arguments())
        #expect(first.status == 0, "\(first.stderr)")
        // Someone edits every event in the calendar (their app keeps Tiaoqi's properties).
        let client = CalDAVClient(server: setup.server)
        for (name, text) in try client.events("li") {
            try client.put("li", name, text.replacingOccurrences(of: "SUMMARY:", with: "SUMMARY:已改 "))
        }
        let edited = try client.events("li")
        // The replan: the first visited client is gone.
        let plan = try String(
            contentsOfFile: (setup.out as NSString).appendingPathComponent("plan.json"), encoding: .utf8)
        let visits = try #require(
            (try JSONSerialization.jsonObject(with: Data(plan.utf8)) as? [String: Any])?["visits"] as? [[String: Any]])
        let dropped = try #require(visits.first?["client"] as? String)
        let clients = (setup.schedule as NSString).appendingPathComponent("clients.csv")
        let rows = try String(contentsOfFile: clients, encoding: .utf8).split(whereSeparator: \.isNewline)
        try (rows.filter { !$0.hasPrefix("\(dropped),") }.joined(separator: "\r\n") + "\r\n").write(
            toFile: clients, atomically: true, encoding: .utf8)

        let replan = try tiaoqi(setup.arguments(format: "table"))
        #expect(replan.status == 1, "\(replan.stderr)")
        #expect(replan.stdout.contains("refused visit-\(dropped)-li-"))
        #expect(replan.stdout.contains("(HTTP 412)"))
        #expect(replan.stderr.contains("412"))
        // Nothing edited was overwritten or deleted.
        let now = try client.events("li")
        for (name, text) in edited { #expect(now[name] == text, "\(name)") }
    }

    @Test func aKilledPublishLeavesNoDuplicateAfterARerun() async throws {
        let setup = try Setup()
        defer { setup.server.stop() }
        let proxy = try CalDAVProxy(upstream: setup.server.port)
        defer { proxy.stop() }
        // Plan once without publishing, to know the events.
        let dry = try tiaoqi(Array(setup.arguments().prefix(4)) + ["--lang", "en", "--seed", "1"])
        #expect(dry.status == 0)
        let planned = try setup.plannedUIDs()
        #expect(planned.count >= 4)
        let record = PublishRecord.path(
            for: try FeedLocation(setup.url(port: proxy.port) + "li/"),
            in: CalendarPublishing.recordFolder(schedule: setup.schedule))

        // Each request takes 0.3 s through the proxy: kill the publish once two events are written.
        try proxy.set(mode: "slow-0.3")
        let process = try startTiaoqi(setup.arguments(port: proxy.port))
        var written = 0
        for _ in 0..<600 where written < 2 {
            try await Task.sleep(for: .milliseconds(20))
            if let data = FileManager.default.contents(atPath: record),
                let entries = try? JSONDecoder().decode(PublishRecord.self, from: data).entries
            {
                written = entries.values.filter { $0.digest != nil }.count
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(written >= 2)
        let partial = try await setup.serverUIDs()
        #expect(partial.count < planned.count, "the publish was killed part-way")

        try proxy.set(mode: "pass")
        let rerun = try tiaoqi(setup.arguments(port: proxy.port))
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let person = try Self.summary(rerun.stdout)
        #expect(person["refused"] as? Int == 0)
        #expect(person["failed"] as? Int == 0)
        #expect((person["created"] as? Int ?? 0) + (person["unchanged"] as? Int ?? 0) == planned.count)
        #expect(try await setup.serverUIDs() == planned)
    }

    @Test func anUnreachableServerExits3AndSaysSo() throws {
        let schedule = Fixtures.copy(Fixtures.quickstart)
        let result = try tiaoqi([
            "plan", schedule, "--publish-caldav", "http://127.0.0.1:9/cal/{staff}/", "--lang", "en", "--timeout", "2",
        ])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.contains("li: 0 created"))
        #expect(result.stderr.contains("could not be fully written"))
    }
}
