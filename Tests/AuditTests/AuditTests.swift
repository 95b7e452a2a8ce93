import Audit
import Itinerary
import Messages
import Planner
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// A schedule folder, a quickly solved plan of it, and the audit over its problem.
func solvedWeek(_ folder: String) async throws -> (Schedule, Plan, PlanAudit) {
    let schedule = try await ScheduleLoader().load(folder: folder)
    let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
    let plan = Planner(problem: schedule.problem, router: router, options: .init(seconds: 0.05)).solve()
    return (schedule, plan, PlanAudit(problem: schedule.problem, timetable: schedule.timetable))
}

@Suite("The independent audit")
struct AuditTests {
    let schedule: Schedule
    let plan: Plan
    let audit: PlanAudit

    init() async throws { (schedule, plan, audit) = try await solvedWeek(Fixtures.quickstart) }

    func rules(_ plan: Plan) -> [String] { audit.findings(for: plan).map(\.rule.rawValue) }

    @Test func theSolvedPlanIsClean() async {
        #expect(audit.findings(for: plan).isEmpty)
    }

    @Test func aVisitMovedOutsideTheClientsFreeTimeIsNamed() async throws {
        var changed = plan
        let index = try #require(changed.visits.indices.first)
        let client = changed.visits[index].client
        // 03:00 local on the same day: outside anyone's hours.
        let night = schedule.problem.zone.instant(
            schedule.problem.zone.date(of: changed.visits[index].start), TimeOfDay("03:00")!)
        let length = changed.visits[index].end - changed.visits[index].start
        changed.visits[index].start = night
        changed.visits[index].end = night + length
        let findings = audit.findings(for: changed)
        let finding = try #require(findings.first { $0.rule == .visitOutsideClientAvailability })
        #expect(finding.client == client)
        #expect(finding.severity == .error)
        #expect(finding.message.text(.en).contains(client))
        #expect(finding.message.text(.en).contains("outside the client's free time"))
    }

    @Test func aServiceThatDoesNotRunIsCaught() async throws {
        var changed = plan
        let leg = try #require(changed.legs.firstIndex { $0.parts.contains { $0.mode == .rail } })
        let part = try #require(changed.legs[leg].parts.firstIndex { $0.mode == .rail })
        changed.legs[leg].parts[part].service = "G9999"
        #expect(rules(changed).contains("unknown-service"))
    }

    @Test func aMissedCheckInIsCaught() async throws {
        var changed = plan
        let leg = try #require(changed.legs.firstIndex { $0.parts.count >= 3 })
        changed.legs[leg].parts[0].arrive = changed.legs[leg].parts[1].depart - 5 * 60
        #expect(rules(changed).contains("missed-connection"))
    }

    @Test func aNightAwayWithoutAHotelIsCaught() async throws {
        var changed = plan
        try #require(!changed.stays.isEmpty)
        changed.stays.removeFirst()
        #expect(rules(changed).contains("missing-stay"))
    }

    @Test func twoThingsAtOnceAreCaught() async throws {
        var changed = plan
        try #require(changed.visits.count >= 2)
        changed.visits[1].start = changed.visits[0].start
        changed.visits[1].end = changed.visits[0].end
        let found = rules(changed)
        #expect(found.contains("double-booked"))
    }

    @Test func aDroppedMustVisitIsCaught() async {
        var changed = plan
        let must = Set(schedule.problem.clients.filter(\.mustVisit).map(\.id))
        changed.visits.removeAll { must.contains($0.client) }
        #expect(rules(changed).contains("must-visit-left-out"))
    }

    @Test func aPersonWhoNeverComesHomeIsCaught() async throws {
        var changed = plan
        try #require(changed.legs.last?.toCity == "xuzhou")
        changed.legs.removeLast()
        #expect(rules(changed).contains("not-home-at-end"))
    }
}

/// The rules of who and when, on the sample week's solved plan changed by hand.
@Suite("The audit of who attends and when")
struct AuditRulesTests {
    let schedule: Schedule
    let plan: Plan
    let audit: PlanAudit

    init() async throws { (schedule, plan, audit) = try await solvedWeek(Fixtures.sampleWeek) }

    func rules(_ plan: Plan) -> Set<String> { Set(audit.findings(for: plan).map(\.rule.rawValue)) }

    @Test func theSolvedPlanIsClean() {
        #expect(audit.findings(for: plan).filter { $0.severity == .error && $0.rule != .mustVisitLeftOut }.isEmpty)
    }

    @Test func aDelegationWithoutItsLeaderIsCaught() throws {
        var changed = plan
        let index = try #require(changed.visits.firstIndex { $0.client == "bj01" })
        changed.visits[index].staff.removeAll { $0 == "liu" }
        #expect(rules(changed).contains("co-attendee-missing"))
    }

    @Test func aBookedVisitMovedOrGivenToSomeoneElseIsCaught() throws {
        var moved = plan
        let index = try #require(moved.visits.firstIndex { $0.client == "hf02" })
        moved.visits[index].start = moved.visits[index].start + 1800
        moved.visits[index].end = moved.visits[index].end + 1800
        #expect(rules(moved).contains("pinned-visit-moved"))
        var handed = plan
        handed.visits[index].staff = ["chen"]
        #expect(rules(handed).contains("pinned-visit-people"))
    }

    /// The audit's rules for the sample problem with one client's entry changed.
    func rules(_ plan: Plan, changing id: String, _ change: (inout Client) -> Void) -> Set<String> {
        var problem = schedule.problem
        change(&problem.clients[problem.clients.firstIndex { $0.id == id }!])
        return Set(PlanAudit(problem: problem, timetable: schedule.timetable).findings(for: plan).map(\.rule.rawValue))
    }

    @Test func aVisitLedBySomeoneNotEligibleIsCaught() throws {
        let visit = try #require(plan.visits.first { $0.staff.count == 1 && $0.client != "hf02" })
        let others = schedule.problem.staff.map(\.id).filter { $0 != visit.staff[0] }
        #expect(rules(plan, changing: visit.client) { $0.eligible = others }.contains("no-eligible-lead"))
        #expect(rules(plan, changing: visit.client) { $0.language = "ja" }.contains("no-eligible-lead"))
        #expect(!rules(plan, changing: visit.client) { $0.eligible = [visit.staff[0]] }.contains("no-eligible-lead"))
    }

    @Test func aFollowUpBeforeItsFirstMeetingIsCaught() throws {
        let ordered = plan.visits.sorted { $0.start < $1.start }
        let first = try #require(ordered.first)
        let last = try #require(ordered.last)
        // The earliest visit declared to follow the latest one.
        #expect(rules(plan, changing: first.client) { $0.after = [last.client] }.contains("order-broken"))
        #expect(!rules(plan, changing: last.client) { $0.after = [first.client] }.contains("order-broken"))
    }

    @Test func travelOnADayOffAndTooManyNightsAreCaught() throws {
        var changed = plan
        let friday = schedule.problem.zone.day(schedule.problem.days[4])
        let leg = try #require(changed.legs.first { $0.person != "sun" })
        var moved = leg
        moved.person = "sun"
        let shift = friday.start.seconds + 10 * 3600 - leg.depart.seconds
        moved.depart = moved.depart + shift
        moved.arrive = moved.arrive + shift
        changed.legs.append(moved)
        #expect(rules(changed).contains("busy-on-day-off"))
        var nights = plan
        for day in schedule.problem.days.dropLast()
        where !nights.stays.contains(where: { $0.person == "liu" && $0.night == day }) {
            nights.stays.append(Stay(person: "liu", city: "beijing", night: day, cost: 450))
        }
        #expect(rules(nights).contains("over-night-limit"))
    }
}
