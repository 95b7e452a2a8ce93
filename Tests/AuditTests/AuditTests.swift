import Audit
import Itinerary
import Planner
import Schedules
import Testing
import TestSupport
import Timeline
import Travel

@Suite("The independent audit")
struct AuditTests {
    let schedule: Schedule
    let plan: Plan
    let audit: PlanAudit

    init() async throws {
        schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        plan = Planner(problem: schedule.problem, router: router, options: .init(seconds: 0.05)).solve()
        audit = PlanAudit(problem: schedule.problem, timetable: schedule.timetable)
    }

    func rules(_ plan: Plan) -> [String] { audit.findings(for: plan).map(\.rule) }

    @Test func theSolvedPlanIsClean() async {
        #expect(audit.findings(for: plan).isEmpty)
    }

    @Test func aVisitMovedOutsideTheClientsFreeTimeIsNamed() async throws {
        var changed = plan
        let index = try #require(changed.visits.indices.first)
        let client = changed.visits[index].client
        // 03:00 local on the same day: outside anyone's hours.
        let night = schedule.problem.zone.instant(schedule.problem.zone.date(of: changed.visits[index].start), TimeOfDay("03:00")!)
        let length = changed.visits[index].end - changed.visits[index].start
        changed.visits[index].start = night
        changed.visits[index].end = night + length
        let findings = audit.findings(for: changed)
        let finding = try #require(findings.first { $0.rule == "visit-outside-client-availability" })
        #expect(finding.client == client)
        #expect(finding.severity == .error)
        #expect(finding.message.contains(client))
        #expect(finding.message.contains("outside the client's free time"))
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
