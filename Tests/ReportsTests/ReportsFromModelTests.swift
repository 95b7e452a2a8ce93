import Audit
import Foundation
import ICalendar
import Itinerary
import Messages
import Reports
import Testing
import Timeline
import Travel

/// The renderers take model values a library user builds in code: no schedule folder, no file.
@Suite struct ReportsFromModelTests {
    static let zone = Zone(identifier: "Asia/Shanghai")!
    static let monday = LocalDate(year: 2025, month: 3, day: 3)!
    static let days = (0..<5).map { monday.adding(days: $0) }
    static let hostileName = "Zhou <script>alert(1)</script>"
    static let hostileClient = "Acme\nEvil & Co"

    /// Two cities with one station each, and nothing else: enough for names.
    static func timetable() throws -> Timetable {
        var records = TimetableRecords(zone: zone)
        records.cities = [
            City(
                id: "BJ", name: "Beijing", nameZh: "北京", coordinate: Coordinate(lat: 39.9, lon: 116.4),
                timeZone: "Asia/Shanghai"),
            City(
                id: "SH", name: "Shanghai", nameZh: "上海", coordinate: Coordinate(lat: 31.2, lon: 121.5),
                timeZone: "Asia/Shanghai"),
        ]
        let source = SourceLine(file: "in code", line: 1)
        records.stops = [
            .init(
                id: "BJP", name: "Beijing South", coordinate: Coordinate(lat: 39.86, lon: 116.38), zoneID: nil,
                source: source),
            .init(
                id: "SHH", name: "Shanghai Hongqiao", coordinate: Coordinate(lat: 31.19, lon: 121.32), zoneID: nil,
                source: source),
        ]
        records.cityStops = [
            .init(stopID: "BJP", cityID: "BJ", source: source), .init(stopID: "SHH", cityID: "SH", source: source),
        ]
        return try Timetable(records)
    }

    static func problem() -> Problem {
        let hours = DailyHours("09:00-18:00")!
        let travel = DailyHours("06:00-22:00")!
        let home = Place(cityID: "BJ", coordinate: Coordinate(lat: 39.9, lon: 116.4), label: "home")
        let office = Place(cityID: "SH", coordinate: Coordinate(lat: 31.23, lon: 121.47), label: "office")
        let staff = Staff(
            id: "zhou", name: hostileName, home: home, workingHours: hours, travelHours: travel,
            dailyTravelCapMinutes: 600,
            busy: IntervalSet(), availability: IntervalSet())
        let client = Client(
            id: "acme", name: hostileClient, place: office, address: "1 Bund Road", priority: 5, meetingMinutes: 60,
            mustVisit: true,
            sector: "", availability: IntervalSet())
        return Problem(
            name: "March week", zone: zone, days: days, staff: [staff], clients: [client], travelRules: TravelRules(),
            hotelCost: 400)
    }

    /// Tuesday: the 08:00 train Beijing → Shanghai, a visit 14:00–15:00 (Shanghai time), a night in Shanghai.
    static func plan() -> Plan {
        let tuesday = days[1]
        func at(_ hour: Int, _ minute: Int = 0) -> Instant {
            zone.instant(tuesday, TimeOfDay(minutes: hour * 60 + minute))
        }
        let train = Journey.Part(
            mode: .rail, service: "G1", tripID: "G1-0304", from: "BJP", to: "SHH", depart: at(8), arrive: at(12, 30),
            price: 553)
        let leg = Leg(
            person: "zhou", fromCity: "BJ", toCity: "SH", from: "home", to: "acme",
            journey: Journey(depart: at(7), arrive: at(13, 15), parts: [train]))
        let visit = ScheduledVisit(
            client: "acme", clientName: hostileClient, city: "SH", staff: ["zhou"], start: at(14), end: at(15))
        let score = Score(
            mustVisitsPlaced: 1, mustVisitsTotal: 1, priorityPlaced: 5, priorityTotal: 5, travelMinutes: 375, cost: 953,
            nightsAway: 1)
        return Plan(
            schedule: nil, name: "March week", timeZone: "Asia/Shanghai", days: days, seed: 1, visits: [visit],
            legs: [leg],
            stays: [Stay(person: "zhou", city: "SH", night: tuesday, cost: 400)], leftOut: [], score: score)
    }

    @Test func planTableShowsNamesAndLocalTimes() throws {
        let text = PlanText.render(Self.plan(), problem: Self.problem(), timetable: try Self.timetable())
        #expect(text.contains("Zhou <script>alert(1)</script> (zhou), home 北京"))
        // The train in Shanghai time (UTC+8), with station names from the timetable.
        #expect(text.contains("G1 Beijing South 08:00 → Shanghai Hongqiao 12:30"))
        #expect(text.contains("14:00–15:00"))
        #expect(text.contains("hotel in 上海"))
        // A line break inside a name is shown, not printed: the client's row stays one line.
        #expect(!text.contains("Acme\nEvil"))
        #expect(text.contains("Score: must-visits 1/1"))
    }

    @Test func calendarsEscapeTextAndUseUTC() throws {
        let calendars = PlanCalendars.render(
            Self.plan(), problem: Self.problem(), timetable: try Self.timetable(), language: .zh)
        #expect(calendars.keys.sorted() == ["zhou"])
        // Unfolded (RFC 5545 3.1), so that a long line can be searched whole.
        let ics = try #require(calendars["zhou"]).replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        // 14:00 in Shanghai is 06:00 UTC.
        #expect(ics.contains("DTSTART:20250304T060000Z"))
        #expect(ics.contains("DTEND:20250304T070000Z"))
        // The train at 08:00 Shanghai time, 00:00 UTC.
        #expect(ics.contains("DTSTART:20250304T000000Z"))
        // A line break in a text value is written as \n, never as a raw line break that would end the property.
        #expect(ics.contains("SUMMARY:拜访 Acme\\nEvil & Co"))
        #expect(!ics.contains("Acme\r\nEvil") && !ics.contains("Acme\nEvil"))
        #expect(ics.contains("DTSTART;VALUE=DATE:20250304"))
        #expect(ics.contains("X-WR-CALNAME:Zhou <script>alert(1)</script> · March week"))
        // The same events in English.
        let english = PlanCalendars.render(Self.plan(), problem: Self.problem(), timetable: try Self.timetable())
        #expect(try #require(english["zhou"]).contains("SUMMARY:Meet Acme\\nEvil & Co"))
    }

    @Test func aLegThatMovesKeepsItsUIDAndAVisitListsWhoAttendsAndWhere() throws {
        let timetable = try Self.timetable()
        let before = PlanCalendars.render(Self.plan(), problem: Self.problem(), timetable: timetable, language: .zh)[
            "zhou"]!
        // The same trip on a train an hour later.
        var later = Self.plan()
        later.legs[0].parts[0].depart = later.legs[0].parts[0].depart + 3600
        later.legs[0].parts[0].arrive = later.legs[0].parts[0].arrive + 3600
        later.legs[0].parts[0].service = "G3"
        later.legs[0].depart = later.legs[0].depart + 3600
        later.legs[0].arrive = later.legs[0].arrive + 3600
        let after = PlanCalendars.render(later, problem: Self.problem(), timetable: timetable)["zhou"]!
        func uids(_ ics: String) -> [String] {
            ics.replacingOccurrences(of: "\r\n ", with: "").split(separator: "\r\n").filter { $0.hasPrefix("UID:leg-") }
                .map(String.init)
        }
        #expect(uids(before).count == 1)
        #expect(uids(before) == uids(after))
        #expect(before.contains("SUMMARY:G1 ") && after.contains("SUMMARY:G3 "))
        let unfolded = before.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\\n参加：Zhou <script>alert(1)</script>\\n地址：1 Bund Road"))
    }

    @Test func htmlReportEscapesHostileNames() throws {
        let week = HTMLReport.Week(
            team: "North", plan: Self.plan(), problem: Self.problem(), timetable: try Self.timetable())
        let html = HTMLReport.render(title: "Week <b>10</b>", weeks: [week], handPlans: [], clashes: [], language: .en)
        #expect(html.contains("<title>Week &lt;b&gt;10&lt;/b&gt;</title>"))
        #expect(html.contains("Zhou &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("Acme") && html.contains("Evil &amp; Co"))
        #expect(html.contains("North"))
        // Times in the bureau's zone.
        #expect(html.contains("14:00"))
        #expect(html.contains("Shanghai Hongqiao"))
    }

    @Test func checkTableAndJSON() {
        #expect(CheckText.table(plan: "week/plan.json", findings: []) == "week/plan.json: no problems found\n")
        let json = CheckText.json(plan: "week/plan.json", findings: [])
        #expect(json.contains("\"ok\" : true"))
        #expect(json.contains("\"plan\" : \"week/plan.json\""))
    }

    @Test func busyLinesInTheGivenZone() {
        let start = Self.zone.instant(Self.days[0], TimeOfDay(minutes: 9 * 60))
        let busy = Interval(start, start + 90 * 60)
        #expect(
            OccurrenceText.busyJSONLine(busy) == "{\"start\":\"2025-03-03T01:00:00Z\",\"end\":\"2025-03-03T02:30:00Z\"}"
        )
        #expect(OccurrenceText.busyHumanLine(busy, zone: Self.zone) == "Mon 2025-03-03 09:00 – 2025-03-03 10:30  busy")
    }
}
