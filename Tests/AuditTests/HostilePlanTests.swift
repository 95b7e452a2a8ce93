import Audit
import Foundation
import GTFS
import Itinerary
import Messages
import Planner
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// Plans and schedules written to fool the planner or the audit (issue 13, class 2).
@Suite("Hostile plans and pins")
struct HostilePlanTests {
    /// A quickstart plan.json whose hotel nights cost −10,000 and whose tickets are free.
    static let forged = Fixtures.path("Tests/AuditTests/Fixtures/hostile/forged-costs.plan.json")

    @Test func forgedHotelCostsAndFreeTicketsAreCaughtAndNotBelieved() async throws {
        let plan = try PlanJSON.decode(contentsOf: Self.forged)
        var schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        // A cost limit the honest plan is over: the forged figures would bring it under.
        schedule.problem.staff[0].maxCost = 500
        let findings = PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan)
        let rules = findings.map(\.rule.rawValue)
        #expect(rules.filter { $0 == "wrong-hotel-cost" }.count == plan.stays.count)
        #expect(
            rules.filter { $0 == "wrong-price" }.count
                == plan.legs.filter { $0.parts.contains { $0.mode.isTimetabled } }.count)
        let price = try #require(findings.first { $0.rule == .wrongPrice })
        #expect(price.severity == .error)
        #expect(price.message.text(.en).contains("by the fare table, but the plan says ¥0"))
        let hotel = try #require(findings.first { $0.rule == .wrongHotelCost })
        #expect(hotel.message.text(.en).contains("costs ¥450 by the schedule's hotel rate, but the plan says ¥-10000"))
        // The limit is judged on the recomputed cost, not the plan's negative total.
        #expect(rules.contains("over-cost-limit"))
    }

    @Test func theHonestPlanOfTheSameWeekHasNoCostFinding() async throws {
        let (schedule, plan, audit) = try await solvedWeek(Fixtures.quickstart)
        #expect(!plan.stays.isEmpty || !plan.legs.isEmpty)
        #expect(audit.findings(for: plan).isEmpty, "\(schedule.folder)")
    }

    /// The error loading a hostile schedule fixture stops with; nil (and a recorded issue) when it loads.
    func loadError(_ fixture: String) async -> ScheduleError? {
        do {
            _ = try await ScheduleLoader().load(
                folder: Fixtures.path("Tests/SchedulesTests/Fixtures/hostile/\(fixture)"))
            Issue.record("the schedule loaded")
            return nil
        } catch {
            return error
        }
    }

    @Test func aPinOnADayThatIsNoWorkdayIsAnInputErrorAtLoadTime() async throws {
        guard let error = await loadError("pin-on-a-day-off") else { return }
        #expect(error.file.hasSuffix("clients.csv"))
        #expect(error.line == 2)
        #expect(error.message.contains("pinned visit Wed 2022-03-09 10:00–11:30"))
    }

    @Test func aPinOverTheClientsOwnEventIsAnInputErrorAtLoadTime() async throws {
        guard let error = await loadError("pin-over-a-board-meeting") else { return }
        #expect(error.file.hasSuffix("clients.csv"))
        #expect(error.line == 2)
        #expect(error.message.contains("pinned visit Mon 2022-03-07 10:00–11:30 overlaps \"董事会\" Mon 09:00–14:00"))
        #expect(error.message.contains("client-nj-chip.ics"))
    }

    @Test func aPinTheClientEnteredInItsOwnCalendarIsTheBookingItself() async throws {
        // The client's calendar holds the booked meeting at exactly the pinned time: it does not count against it.
        let source = Fixtures.path("Tests/SchedulesTests/Fixtures/hostile/pin-over-a-board-meeting")
        let folder = Fixtures.temporaryFolder("pin-booked")
        for name in ["plan.yaml", "clients.csv"] {
            let text = try String(contentsOfFile: (source as NSString).appendingPathComponent(name), encoding: .utf8)
                .replacingOccurrences(of: "../../../../../", with: Fixtures.root + "/")
                .replacingOccurrences(of: "li,mon 10:00", with: "li,tue 10:00")
                .replacingOccurrences(
                    of: Fixtures.path("examples/quickstart/feeds/client-nj-chip.ics"), with: "nj-chip.ics")
            try text.write(toFile: (folder as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let calendar = try String(
            contentsOfFile: Fixtures.path("examples/quickstart/feeds/client-nj-chip.ics"), encoding: .utf8
        )
        .replacingOccurrences(
            of: "END:VCALENDAR",
            with: "BEGIN:VEVENT\r\nUID:booked@ningxin-semi.example\r\nDTSTAMP:20220301T000000Z\r\n"
                + "DTSTART;TZID=Asia/Shanghai:20220308T100000\r\nDTEND;TZID=Asia/Shanghai:20220308T113000\r\n"
                + "SUMMARY:徐州投促局来访\r\nEND:VEVENT\r\nEND:VCALENDAR")
        try calendar.write(
            toFile: (folder as NSString).appendingPathComponent("nj-chip.ics"), atomically: true, encoding: .utf8)
        let schedule = try await ScheduleLoader().load(folder: folder)
        let client = try #require(schedule.problem.clients.first { $0.id == "nj-chip" })
        #expect(!client.calendar.busy.contains { $0.summary == "徐州投促局来访" })
        let plan = Planner(problem: schedule.problem, router: schedule.makeRouter(), options: .init(seconds: 0.05))
            .solve()
        #expect(plan.visits.contains { $0.client == "nj-chip" })
        #expect(PlanAudit(problem: schedule.problem, timetable: schedule.timetable).findings(for: plan).isEmpty)
    }

    @Test func thePlannerAndTheAuditAgreeOnAPinOutsideFreeTime() async throws {
        // Built in code, as a library user may: the pin lies outside the attendee's working hours.
        var schedule = try await ScheduleLoader().load(folder: Fixtures.quickstart)
        let zone = schedule.problem.zone
        let day = schedule.problem.days[2]
        schedule.problem.clients[0].with = [schedule.problem.staff[0].id]
        schedule.problem.clients[0].pinnedStart = zone.instant(day, TimeOfDay("19:00")!)
        schedule.problem.clients[0].mustVisit = true
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        let plan = Planner(problem: schedule.problem, router: router, options: .init(seconds: 0.05)).solve()
        let audit = PlanAudit(problem: schedule.problem, timetable: schedule.timetable)
        #expect(!plan.visits.contains { $0.client == schedule.problem.clients[0].id })
        let leftOut = try #require(plan.leftOut.first { $0.client == schedule.problem.clients[0].id })
        #expect(leftOut.reasons.map { $0.text(.en) }.contains { $0.contains("booked for") })
        // The audit finds only what the planner says: the must-visit is not in the plan.
        #expect(audit.findings(for: plan).map(\.rule.rawValue) == ["must-visit-left-out"])
    }
}
