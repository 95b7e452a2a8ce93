import Foundation
import Itinerary
import Schedules
import TestSupport
import Testing
import Timeline

/// An open calendar for a client, with `events` (VEVENT bodies) in it.
private func clientFeed(_ events: String = "") -> String {
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Tiaoqi tests//EN\r\nX-WR-TIMEZONE:Asia/Shanghai\r\n\(events)END:VCALENDAR\r\n"
}

@Suite("tiaoqi clashes")
struct ClashesCLITests {
    @Test func aNewEventInAServedFeedShowsAfterRefreshAndKeepRepairsIt() async throws {
        let server = try await LoopbackServer(routes: ["/hz.ics": .text(clientFeed())])
        let folder = Fixtures.temporaryFolder("clash-refresh")
        let out = folder + "/plan"
        try """
        name: 刷新测试
        team: 鼓楼区
        week: {start: 2022-03-07, end: 2022-03-11}
        network: \(Fixtures.network)
        staff:
          - {id: wu, name: 吴志强, home: xuzhou}
        """.write(toFile: folder + "/plan.yaml", atomically: true, encoding: .utf8)
        try """
        id,name,city,address,lat,lon,priority,meeting_minutes,calendar,must_visit,earliest_day,latest_day
        hz,杭州云栖机器人有限公司,hangzhou,杭州市西湖区云栖小镇8号,30.18,120.10,8,90,\(server.url("/hz.ics")),yes,wed,wed
        """.write(toFile: folder + "/clients.csv", atomically: true, encoding: .utf8)
        let planned = try await tiaoqiOffThePool(["plan", folder, "--out", out, "--seconds", "0.05"])
        #expect(planned.status == 0, "\(planned.stderr)")
        let visit = try #require(try PlanJSON.decode(contentsOf: out + "/plan.json").visits.first)
        #expect(try await tiaoqiOffThePool(["clashes", out]).stdout == "no clashes\n")

        // The client books a board meeting over the planned visit.
        func utc(_ instant: Instant) -> String { DateTimeValueText.utc(instant) }
        server.replace(
            "/hz.ics",
            with: .text(
                clientFeed(
                    "BEGIN:VEVENT\r\nUID:board@hz\r\nDTSTAMP:20220305T000000Z\r\nDTSTART:\(utc(visit.start))\r\nDTEND:\(utc(visit.end))\r\nSUMMARY:董事会\r\nEND:VEVENT\r\n"
                )))
        let cached = try await tiaoqiOffThePool(["clashes", out])
        #expect(cached.status == 0 && cached.stdout == "no clashes\n", "without --refresh the cached calendar is used")
        let refreshed = try await tiaoqiOffThePool(["clashes", out, "--refresh", "--format", "json"])
        #expect(refreshed.status == 1)
        #expect(refreshed.stdout.contains("\"kind\" : \"outside-availability\""), "\(refreshed.stdout)")
        #expect(refreshed.stdout.contains("now overlaps the client's \\\"董事会\\\""))

        let replanned = try await tiaoqiOffThePool([
            "plan", folder, "--keep", out + "/plan.json", "--out", out, "--seconds", "0.05",
        ])
        #expect(replanned.status == 0, "\(replanned.stderr)")
        let moved = try #require(try PlanJSON.decode(contentsOf: out + "/plan.json").visits.first)
        #expect(moved.client == "hz" && moved.start != visit.start)
        let again = try await tiaoqiOffThePool(["clashes", out])
        #expect(again.status == 0 && again.stdout == "no clashes\n", "\(again.stdout)")
        await server.stop()
    }

    @Test func theExamplesExitOneOnErrorsAndZeroWhenClean() async throws {
        let clean = try await tiaoqiOffThePool(["clashes", "examples/clashes/clean/plans"])
        #expect(clean.status == 0 && clean.stdout == "no clashes\n")
        let same = try await tiaoqiOffThePool(["clashes", "examples/clashes/same-company/plans"])
        #expect(same.status == 1)
        #expect(same.stdout.hasSuffix("2 clashes: 1 error, 1 warning\n"), "\(same.stdout)")
        let html = try await tiaoqiOffThePool([
            "clashes", "schedules/2022-w10/plans", "--format", "html", "--lang", "en",
        ])
        #expect(html.status == 1 && html.stdout.hasPrefix("<!DOCTYPE html>"))
        for person in ["zhou", "liu", "sun"] { #expect(html.stdout.contains("data-person=\"\(person)\""), "\(person)") }
        #expect(html.stdout.contains("id=\"clash-3\"") && !html.stdout.contains("id=\"clash-4\""))
        #expect(html.stdout.contains("<ol class=\"parts\"><li>"))
        let check = try await tiaoqiOffThePool([
            "check", "schedules/2022-w10/plans/gulou/plan.json", "--format", "html", "--lang", "zh",
        ])
        #expect(check.status == 0 && check.stdout.contains("<html lang=\"zh"))
        // One plan's own problems are findings, not clashes.
        #expect(
            check.stdout.contains("<section id=\"findings\">\n<h2>检查发现 (") && !check.stdout.contains("id=\"clashes\""))
        #expect(
            html.stdout.contains("<section id=\"clashes\">\n<h2>Clashes (") && !html.stdout.contains("id=\"findings\""))
        let bad = try await tiaoqiOffThePool(["clashes", "no/such/plan.json"])
        #expect(bad.status == 2 && bad.stderr.contains("no/such/plan.json"))
    }
}

/// iCalendar UTC date-times for test feeds.
private enum DateTimeValueText {
    static func utc(_ instant: Instant) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(instant.seconds))
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }
}
