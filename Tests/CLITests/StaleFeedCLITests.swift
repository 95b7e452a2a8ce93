import Foundation
import Itinerary
import Messages
import Schedules
import TestSupport
import Testing
import Timeline

/// What a user sees when a CalDAV feed answers with something that does not count.
@Suite("Stale feeds on the command line", .serialized)
struct StaleFeedCLITests {
    @Test func planCheckAndClashesWarnThatACalDAVCopyIsStale() async throws {
        let faults = try FaultServer()
        defer { faults.stop() }
        let path = "/caldav/cli-client/"
        let feed = "caldav://127.0.0.1:\(faults.port)\(path)"
        let folder = Fixtures.temporaryFolder("stale-caldav")
        let out = folder + "/plan"
        try """
        name: 过期日历
        week: {start: 2022-03-07, end: 2022-03-11}
        network: \(Fixtures.network)
        staff:
          - {id: wu, name: 吴志强, home: xuzhou}
        """.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        try """
        id,name,city,address,lat,lon,priority,meeting_minutes,calendar,must_visit
        nj,南京宁芯半导体有限公司,nanjing,南京市江北新区,32.15,118.70,8,90,\(feed),yes
        """.write(toFile: folder + "/clients.csv", atomically: true, encoding: .utf8)
        let fetched = try await tiaoqiOffThePool(["fetch", folder])
        #expect(fetched.status == 0, "\(fetched.stdout)\(fetched.stderr)")
        #expect(fetched.stdout.contains("fresh"))

        // The server now answers 207 with the calendar-data forbidden: that is no calendar, not an empty one.
        try faults.set(path, mode: "propstat-403")
        let planned = try await tiaoqiOffThePool(["plan", folder, "--out", out, "--seconds", "0.05"])
        #expect(planned.status == 0, "\(planned.stderr)")
        func warnsStale(_ stderr: String) -> Bool {
            stderr.split(separator: "\n").contains { line in
                line.hasPrefix("tiaoqi: warning: ")
                    && line.contains(feed.replacingOccurrences(of: "caldav://", with: "http://"))
                    && line.contains("403") && line.contains("STALE") && line.contains(" ago")
            }
        }
        #expect(warnsStale(planned.stderr), "\(planned.stderr)")
        // The plan still uses the good copy: the visit is placed, and not on the client's busy Tuesday
        // (09:00-17:00 Shanghai, 2022-03-08T01:00Z-09:00Z), which an empty calendar would have left free.
        let visit = try #require(try PlanJSON.decode(contentsOf: out + "/plan.json").visits.first)
        let busy =
            try #require(
                Instant(iso8601: "2022-03-08T01:00:00Z"))..<(try #require(Instant(iso8601: "2022-03-08T09:00:00Z")))
        #expect(!busy.overlaps(visit.start..<visit.end), "the visit \(visit.start.iso8601) falls in the busy time")
        // The plan says so itself: in plan.json, the table and the report.
        let stale = try #require(try PlanJSON.decode(contentsOf: out + "/plan.json").staleCalendars)
        #expect(stale.count == 1 && stale[0].reason.text(.en).contains("403") && stale[0].ageSeconds >= 0)
        #expect(planned.stdout.contains("Planned from STALE calendar copies (1)"), "\(planned.stdout)")
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("<div class=\"stale\">") && report.contains(stale[0].feed))
        let checked = try await tiaoqiOffThePool(["check", out + "/plan.json"])
        #expect(warnsStale(checked.stderr), "\(checked.stderr)")
        let clashes = try await tiaoqiOffThePool(["clashes", out, "--refresh"])
        #expect(warnsStale(clashes.stderr), "\(clashes.stderr)")
        let table = try await tiaoqiOffThePool(["fetch", folder])
        #expect(table.stdout.contains("stale"), "\(table.stdout)")
        #expect(table.stdout.contains("403"))
    }

    @Test(arguments: ["0", "-5", "3601"])
    func aTimeoutOutsideItsBoundIsRefused(value: String) throws {
        let run = try tiaoqi([
            "fetch", "Tests/ICalendarTests/Fixtures/recurring.ics", "--timeout=\(value)", "--cache",
            Fixtures.temporaryFolder("timeout"),
        ])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("--timeout must be from 1 to 3600"), "\(run.stderr)")
    }
}
