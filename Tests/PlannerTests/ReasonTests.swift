import Audit
import Itinerary
import Messages
import Planner
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// Each reason a visit is left out, produced by a week built to cause it, on the real sample timetable.
@Suite("Reasons for what is left out")
struct ReasonTests {
    /// The sample week cut down to `people` (with free days 06:00–20:00) and one or more made-up clients.
    static func week(_ schedule: Schedule, people: [String] = ["zhou"], clients: [Client]) -> Problem {
        var problem = schedule.problem
        let zone = problem.zone
        problem.staff = problem.staff.filter { people.contains($0.id) }.map { person in
            var copy = person
            copy.workingHours = DailyHours("06:00-20:00")!
            copy.busy = IntervalSet()
            copy.availability = copy.workingHours.intervals(on: problem.days, in: zone)
            return copy
        }
        problem.clients = clients
        return problem
    }

    static func client(
        _ schedule: Schedule, _ id: String, city: String, day: Int = 1, from: String = "09:00", to: String = "17:00",
        must: Bool = false
    ) -> Client {
        let zone = schedule.problem.zone
        let date = schedule.problem.days[day]
        let centre = schedule.timetable.cities[city]!.coordinate
        let window = IntervalSet([Interval(zone.instant(date, TimeOfDay(from)!), zone.instant(date, TimeOfDay(to)!))])
        return Client(
            id: id, name: "\(id)公司", place: Place(cityID: city, coordinate: centre, label: "\(id)公司"), address: "",
            priority: 5,
            meetingMinutes: 60, mustVisit: must, sector: "", availability: window)
    }

    static func reasons(_ schedule: Schedule, _ problem: Problem, of id: String) throws -> [String] {
        let plan = solve(schedule, problem: problem)
        #expect(
            PlanAudit(problem: problem, timetable: schedule.timetable).findings(for: plan).filter {
                $0.severity == .error && $0.rule != .mustVisitLeftOut
            }.isEmpty)
        return try #require(plan.leftOut.first { $0.client == id }).reasons.map { $0.text(.en) }
    }

    @Test func aLanguageNobodySpeaks() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Self.client(schedule, "ja1", city: "shanghai")
        client.language = "ja"
        let reasons = try Self.reasons(schedule, Self.week(schedule, clients: [client]), of: "ja1")
        #expect(reasons == ["nobody may lead ja1公司: it needs language ja"])
    }

    @Test func overTheDailyTravelCap() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var problem = Self.week(schedule, clients: [Self.client(schedule, "bj9", city: "beijing")])
        problem.staff[0].dailyTravelCapMinutes = 90
        let reasons = try Self.reasons(schedule, problem, of: "bj9")
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("周建华: over 周建华's daily travel cap: home to bj9公司 takes "), "\(reasons)")
        #expect(reasons[0].hasSuffix(", cap 1h30"))
    }

    @Test func aBookedTimeNobodyCanReach() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Self.client(schedule, "pin", city: "beijing", day: 0, from: "06:00", to: "12:00")
        client.with = ["zhou"]
        client.pinnedStart = schedule.problem.zone.instant(schedule.problem.days[0], TimeOfDay("07:00")!)
        let reasons = try Self.reasons(schedule, Self.week(schedule, clients: [client]), of: "pin")
        #expect(reasons.count == 1)
        #expect(
            reasons[0].hasPrefix("周建华: cannot reach pin公司 by its fixed start Mon 07:00: earliest arrival Mon "),
            "\(reasons)")
    }

    @Test func aVisitThatFitsOnlyByDroppingAMustVisit() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let must = Self.client(schedule, "sh9", city: "shanghai", day: 2, from: "10:00", to: "11:00", must: true)
        let other = Self.client(schedule, "bj9", city: "beijing", day: 2, from: "10:00", to: "11:00")
        let reasons = try Self.reasons(schedule, Self.week(schedule, clients: [must, other]), of: "bj9")
        #expect(reasons == ["周建华: fits only by dropping sh9公司 (must-visit)"])
    }

    @Test func noWindowByTheLatestDay() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Self.client(schedule, "nj9", city: "nanjing", day: 2)
        client.latestDay = schedule.problem.days[1]
        let reasons = try Self.reasons(schedule, Self.week(schedule, clients: [client]), of: "nj9")
        #expect(reasons == ["nj9公司 has no free stretch of 60 minutes by Tue 2022-03-08 (Wed 09:00–17:00)"])
    }

    @Test func tooManyHotelNights() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        // Chengdu at 07:00 on Tuesday can only be reached the day before; no hotel nights are allowed.
        var problem = Self.week(
            schedule, clients: [Self.client(schedule, "cd9", city: "chengdu", day: 1, from: "07:00", to: "08:00")])
        problem.staff[0].maxNightsAway = 0
        let reasons = try Self.reasons(schedule, problem, of: "cd9")
        #expect(reasons == ["周建华: needs 1 hotel nights, over 周建华's limit of 0"])
    }

    @Test func aDelegationWhoseLeaderIsBusy() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Self.client(schedule, "hf9", city: "hefei", day: 1, from: "09:00", to: "10:00")
        client.with = ["liu"]
        var problem = Self.week(schedule, people: ["zhou", "liu"], clients: [client])
        let liu = problem.staff.firstIndex { $0.id == "liu" }!
        problem.staff[liu].availability = problem.staff[liu].availability.subtracting(client.availability)
        let reasons = try Self.reasons(schedule, problem, of: "hf9")
        #expect(reasons == ["no time when hf9公司 (free Tue 09:00–10:00) and 刘海峰 are all free for 60 minutes"])
    }
}
