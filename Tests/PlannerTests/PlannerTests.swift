import Audit
import Itinerary
import Planner
import Schedules
import Testing
import TestSupport
import Timeline
import Travel

func solve(_ schedule: Schedule) -> Plan {
    let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
    return Planner(problem: schedule.problem, router: router).solve()
}

@Suite("Planning real weeks")
struct PlannerTests {
    @Test func theQuickstartPlacesEveryClientAndPassesTheAudit() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        let plan = solve(schedule)
        #expect(plan.leftOut.isEmpty)
        #expect(plan.visits.count == schedule.problem.clients.count)
        #expect(plan.score.mustVisitsPlaced == plan.score.mustVisitsTotal)
        #expect(PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan).isEmpty)
        #expect(plan.legs.last?.toCity == "xuzhou")
        #expect(plan.stays.count == plan.score.nightsAway)
    }

    @Test func theSampleWeekIsFeasibleAndExplainsWhatItLeavesOut() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let plan = solve(schedule)
        let findings = PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
        #expect(plan.score.mustVisitsPlaced == plan.score.mustVisitsTotal)
        #expect(plan.visits.count + plan.leftOut.count == schedule.problem.clients.count)
        for entry in plan.leftOut { #expect(!entry.reasons.isEmpty, "\(entry.client)") }
        let sz01 = try #require(plan.leftOut.first { $0.client == "sz01" })
        #expect(sz01.reasons == ["深圳鹏程新能源科技有限公司 has no free stretch of 60 minutes this week (none)"])
        let cd01 = try #require(plan.leftOut.first { $0.client == "cd01" })
        #expect(cd01.reasons.first?.hasPrefix("no time when 成都蓉芯微电子有限公司 (free Mon 09:00–10:00) and any staff member") == true)
        // hz04 can meet only 17:30–19:00, and only zhou works that late.
        if let hz04 = plan.visits.first(where: { $0.client == "hz04" }) { #expect(hz04.staff == ["zhou"]) }
    }

    @Test func theSameInputGivesTheSameBytes() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        #expect(PlanJSON.encode(solve(schedule)) == PlanJSON.encode(solve(schedule)))
    }

    @Test func anUnreachableWindowIsExplainedWithTheEarliestArrival() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        var problem = schedule.problem
        let zone = problem.zone
        let monday = problem.days[0]
        let chengdu = schedule.timetable.cities["chengdu"]!
        // Free only Monday 08:00–09:00: nobody from Xuzhou can be in Chengdu by then.
        let window = IntervalSet([Interval(zone.instant(monday, TimeOfDay("08:00")!), zone.instant(monday, TimeOfDay("09:00")!))])
        problem.clients = [
            Client(
                id: "cd-early", name: "成都早班公司", place: Place(cityID: "chengdu", coordinate: chengdu.coordinate, label: "成都早班公司"),
                address: "", priority: 5, meetingMinutes: 60, mustVisit: false, sector: "", availability: window)
        ]
        problem.staff = problem.staff.map { person in
            var copy = person
            copy.workingHours = DailyHours("06:00-20:00")!
            copy.availability = copy.workingHours.intervals(on: problem.days, in: zone)
            copy.busy = IntervalSet()
            return copy
        }
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let plan = Planner(problem: problem, router: router).solve()
        let reason = try #require(plan.leftOut.first?.reasons.first)
        #expect(reason.contains("no window of 成都早班公司 overlaps a reachable time: earliest arrival Mon "), "\(reason)")
        #expect(reason.hasSuffix("windows Mon 08:00–09:00"))
    }
}
