import Foundation
import ICalendar
import Itinerary
import Schedules
import Testing
import TestSupport
import Timeline
import Travel

@Suite("Loading schedule folders")
struct ScheduleLoaderTests {
    @Test func theSampleWeekLoads() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let problem = schedule.problem
        #expect(problem.staff.count >= 3)
        #expect(problem.clients.count >= 25)
        #expect(Set(problem.clients.map(\.place.cityID)).count >= 6)
        #expect(problem.days.count == 5)
        #expect(schedule.warnings.isEmpty)
        // Everyone sits in the Monday 局务会 08:30–10:00.
        let meeting = Interval(Instant(iso8601: "2022-03-07T00:30:00Z")!, Instant(iso8601: "2022-03-07T02:00:00Z")!)
        for person in problem.staff { #expect(!person.availability.overlaps(meeting)) }
        // sz01's calendar is busy all week.
        #expect(problem.clients.first { $0.id == "sz01" }?.availability.isEmpty == true)
    }

    @Test func clientWindowsAreBusinessHoursMinusBusy() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let zone = schedule.problem.zone
        for client in schedule.problem.clients {
            for window in client.availability.intervals {
                let start = zone.local(window.start).time, end = zone.local(window.end).time
                #expect(start >= TimeOfDay("08:30")! && end <= TimeOfDay("19:00")!, "\(client.id) \(window)")
                #expect(zone.date(of: window.start).weekday < .saturday)
            }
        }
    }

    func failure(_ change: (String) -> Void) async -> ScheduleError? {
        let folder = Fixtures.copy(Fixtures.quickstart)
        change(folder)
        return await #expect(throws: ScheduleError.self) { try await ScheduleLoader().load(folder: folder) }
    }

    @Test func aMissingFeedFileNamesTheCSVLine() async {
        let error = await failure { folder in
            Fixtures.edit("\(folder)/clients.csv", replacing: "feeds/client-su-robot.ics", with: "feeds/client-nobody.ics")
        }
        #expect(error?.kind == .badInput)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line != nil)
        #expect(error?.message.contains("feeds/client-nobody.ics") == true)
    }

    @Test func anUnknownCitySuggestsCloseOnes() async {
        let error = await failure { folder in Fixtures.edit("\(folder)/clients.csv", replacing: ",suzhou,", with: ",suzou,") }
        #expect(error?.message.contains("unknown city 'suzou'") == true)
        #expect(error?.message.contains("suzhou") == true)
        #expect(error?.line != nil)
    }

    @Test func anUnknownHomeCityNamesThePlanLine() async throws {
        let folder = Fixtures.copy(Fixtures.quickstart)
        let plan = try String(contentsOfFile: "\(folder)/plan.yaml", encoding: .utf8)
        let line = plan.components(separatedBy: "\n").firstIndex { $0.contains("home: xuzhou") }! + 1
        Fixtures.edit("\(folder)/plan.yaml", replacing: "home: xuzhou", with: "home: atlantis")
        let error = await #expect(throws: ScheduleError.self) { try await ScheduleLoader().load(folder: folder) }
        #expect(error?.line == line)
        #expect(error?.file.hasSuffix("plan.yaml") == true)
    }

    @Test func aBrokenCalendarLineNamesTheFeedAndLine() async throws {
        let folder = Fixtures.copy(Fixtures.quickstart)
        let feed = "\(folder)/feeds/client-sh-bio.ics"
        let text = try String(contentsOfFile: feed, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("DTSTART") && !$0.contains("VALUE=DATE") && lines.firstIndex(of: "BEGIN:VEVENT")! < lines.firstIndex(of: $0)! })
        var broken = lines
        broken[index] = "DTSTART;TZID=Asia/Shanghai:2022030XT090000"
        try broken.joined(separator: "\r\n").write(toFile: feed, atomically: true, encoding: .utf8)
        let error = await #expect(throws: ScheduleError.self) { try await ScheduleLoader().load(folder: folder) }
        #expect(error?.file.hasSuffix("feeds/client-sh-bio.ics") == true)
        #expect(error?.line == index + 1)
        // Lenient mode goes on and reports the line as a warning.
        let schedule = try await ScheduleLoader(lenient: true).load(folder: folder)
        #expect(schedule.warnings.contains { $0.contains("client-sh-bio.ics:\(index + 1):") })
    }

    @Test func aMalformedCSVRowNamesItsLine() async {
        let error = await failure { folder in
            Fixtures.edit("\(folder)/clients.csv", replacing: ",yes,", with: ",yes,\"unclosed,")
        }
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line != nil)
    }

    @Test func badYAMLValuesNameTheirLine() async {
        let error = await failure { folder in Fixtures.edit("\(folder)/plan.yaml", replacing: "2022-03-07", with: "7 March") }
        #expect(error?.message.contains("YYYY-MM-DD") == true)
        #expect(error?.line != nil)
    }
}
