import Foundation
import GTFS
import ICalendar
import Itinerary
import Schedules
import TestSupport
import Testing
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
                let start = zone.local(window.start).time
                let end = zone.local(window.end).time
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
            Fixtures.edit(
                "\(folder)/clients.csv", replacing: "feeds/client-su-robot.ics", with: "feeds/client-nobody.ics")
        }
        #expect(error?.kind == .badInput)
        #expect(error?.file.hasSuffix("clients.csv") == true)
        #expect(error?.line != nil)
        #expect(error?.message.contains("feeds/client-nobody.ics") == true)
    }

    @Test func anUnknownCitySuggestsCloseOnes() async {
        let error = await failure { folder in
            Fixtures.edit("\(folder)/clients.csv", replacing: ",suzhou,", with: ",suzou,")
        }
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
        let index = try #require(
            lines.firstIndex {
                $0.hasPrefix("DTSTART") && !$0.contains("VALUE=DATE")
                    && lines.firstIndex(of: "BEGIN:VEVENT")! < lines.firstIndex(of: $0)!
            })
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

    @Test func theSampleWeeksRulesOfWhoAndWhenLoad() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let problem = schedule.problem
        let client = { (id: String) in problem.clients.first { $0.id == id }! }
        let staff = { (id: String) in problem.staff.first { $0.id == id }! }
        #expect(client("bj01").with == ["liu"])
        #expect(client("hf02").pinnedStart == problem.zone.instant(problem.days[0], TimeOfDay("15:00")!))
        #expect(client("su03").language == "en")
        #expect(client("sh05").eligible == ["chen", "sun"])
        #expect(client("xa01").latestDay == problem.days[3])
        #expect(client("hz02").after == ["hz01"])
        #expect(staff("sun").daysOff == [problem.days[4]])
        #expect(!staff("sun").availability.overlaps(problem.zone.day(problem.days[4])))
        #expect(staff("liu").maxNightsAway == 2)
        #expect(staff("zhou").languages == ["zh", "en"] && staff("zhou").sectors.contains("半导体"))
        #expect(client("wh01").mayBeLed(by: staff("zhou")) && !client("wh01").mayBeLed(by: staff("chen")))
    }

    @Test func workingHoursMayDifferByWeekday() async throws {
        let folder = Fixtures.copy(Fixtures.sampleWeek)
        Fixtures.edit(
            "\(folder)/plan.yaml", replacing: "    working_hours: \"09:00-17:30\"",
            with: "    working_hours: {fri: \"09:00-12:00\"}")
        let problem = try await ScheduleLoader().load(folder: folder).problem
        let liu = problem.staff.first { $0.id == "liu" }!
        let friday = problem.zone.day(problem.days[4])
        #expect(liu.workingHours(on: problem.days[4]) == DailyHours("09:00-12:00")!)
        #expect(liu.availability.clipped(to: friday).intervals.allSatisfy { problem.zone.clock($0.end) <= "12:00" })
        #expect(liu.workingHours(on: problem.days[0]) == DailyHours("08:30-18:30")!)
    }

    @Test func badRulesOfWhoAndWhenNameTheirLine() async {
        let unknown = await failure { folder in Self.addColumn(folder, "with", "nobody") }
        #expect(unknown?.message.contains("with 'nobody' is not a staff id") == true)
        #expect(unknown?.line == 2)
        let pinned = await failure { folder in Self.addColumn(folder, "pinned", "sun 10:00") }
        #expect(pinned?.message.contains("pinned 'sun 10:00'") == true)
        let circle = await failure { folder in Self.addColumn(folder, "after", "$self") }
        #expect(circle?.message.contains("circle") == true)
        let dayOff = await failure { folder in
            Fixtures.edit(
                "\(folder)/plan.yaml", replacing: "    home: xuzhou", with: "    home: xuzhou\n    days_off: [someday]")
        }
        #expect(dayOff?.message.contains("'days_off' entry 'someday'") == true)
        #expect(dayOff?.file.hasSuffix("plan.yaml") == true)
    }

    /// Adds a column to the quickstart's clients.csv, with `value` in the first row ("$self": that row's own id).
    static func addColumn(_ folder: String, _ column: String, _ value: String) {
        let path = "\(folder)/clients.csv"
        let text = try! String(contentsOfFile: path, encoding: .utf8)
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        lines[0] += ",\(column)"
        let id = String(lines[1].prefix { $0 != "," })
        lines[1] += "," + (value == "$self" ? id : value)
        try! lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func badYAMLValuesNameTheirLine() async {
        let error = await failure { folder in
            Fixtures.edit("\(folder)/plan.yaml", replacing: "2022-03-07", with: "7 March")
        }
        #expect(error?.message.contains("YYYY-MM-DD") == true)
        #expect(error?.line != nil)
    }
}
