import Planner
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

@testable import Audit
@testable import Itinerary

/// The audit derives a client's free time from the calendar facts with its own code, so a bug in the derivation the
/// planner plans with does not fool it.
@Suite("The audit against a free-time bug in the planner's input")
struct FreeTimeInjectionTests {
    @Test func aVisitPlannedIntoBusyTimeByABuggyDerivationIsCaught() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        // Busy events inside business hours long enough for the meeting, longest first.
        var candidates: [(index: Int, busy: Interval)] = []
        for (index, client) in schedule.problem.clients.enumerated() {
            let length = Int64(client.meetingMinutes) * 60
            for event in client.calendar.busy {
                for stretch in client.calendar.hours.clipped(to: event.interval).intervals
                where stretch.end - stretch.start >= length {
                    candidates.append((index, stretch))
                }
            }
        }
        candidates.sort { a, b in
            let (x, y) = (a.busy.end - a.busy.start, b.busy.end - b.busy.start)
            return x != y ? x > y : a.index < b.index
        }
        #expect(candidates.count >= 3, "the sample week has clients busy during business hours")
        var caught = 0
        var tried = 0
        for (index, busy) in candidates.prefix(6) {
            var problem = schedule.problem
            #expect(
                problem.clients[index].calendar.freeTime.intersection(IntervalSet([busy])).isEmpty,
                "the facts say the client is busy then")
            // The injected bug: the derivation hands the planner exactly the busy event as free time.
            problem.clients[index].availability = IntervalSet([busy])
            problem.clients[index].mustVisit = true
            problem.clients[index].priority = 10
            let plan = Planner(problem: problem, router: router, options: .init(seconds: 0.1)).solve()
            let client = problem.clients[index]
            // A busy event nobody can reach in time stays empty; the others are planned into busy time.
            guard let visit = plan.visits.first(where: { $0.client == client.id }) else { continue }
            tried += 1
            #expect(
                busy.start <= visit.start && visit.end <= busy.end,
                "the misled planner puts the visit in the busy event")
            let findings = PlanAudit(problem: problem, timetable: schedule.timetable).findings(for: plan)
            if findings.contains(where: {
                $0.rule == .visitOutsideClientAvailability && $0.client == client.id && $0.severity == .error
            }) {
                caught += 1
            }
        }
        #expect(tried >= 1, "at least one injected busy event is planned into")
        #expect(caught == tried, "the audit catches every visit planned into busy time (\(caught) of \(tried))")
        let index = candidates[0].index
        let problem = schedule.problem
        // Without the bug the same audit passes the planner's plan on this rule.
        var honest = problem
        honest.clients[index].mustVisit = true
        let clean = Planner(problem: honest, router: router, options: .init(seconds: 0.2)).solve()
        #expect(
            !PlanAudit(problem: honest, timetable: schedule.timetable).findings(for: clean).contains {
                $0.rule == .visitOutsideClientAvailability
            })
    }

    /// On random calendar facts the audit's reading and the planner's derivation agree on every stretch.
    @Test func bothReadingsAgreeOnRandomCalendars() {
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func intervals(_ count: Int) -> [Interval] {
            (0..<count).map { _ in
                let start = Int64(next(48)) * 900
                return Interval(Instant(seconds: start), Instant(seconds: start + Int64(1 + next(12)) * 900))
            }
        }
        var checked = 0
        for _ in 0..<300 {
            let published =
                next(2) == 0
                ? nil
                : PublishedAvailability(
                    covered: IntervalSet(intervals(next(3))), available: IntervalSet(intervals(next(3))))
            let calendar = ClientCalendar(
                hours: IntervalSet(intervals(1 + next(3))), published: published,
                busy: intervals(next(4)).map { BusyEvent(interval: $0, summary: "") })
            let derived = calendar.freeTime
            let audit = ClientFreeTime(calendar: calendar)
            #expect(
                IntervalSet(audit.freeStretches(in: Interval(Instant(seconds: -3600), Instant(seconds: 86_400))))
                    == derived)
            for stretch in intervals(5) {
                #expect(audit.isFree(stretch) == derived.contains(stretch), "\(calendar) \(stretch)")
                checked += 1
            }
        }
        #expect(checked == 1500)
    }
}
