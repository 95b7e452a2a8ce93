import Audit
import Foundation
import Itinerary
import Messages
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

@testable import Planner

/// Visits held online or in person, on the real sample timetable: who is met how, why, and that a call never
/// travels.
@Suite("Online and in-person meetings")
struct OnlineMeetingTests {
    typealias Week = ReasonTests

    /// The audit's errors on a plan of `problem` (must-visits left out are the plan's outcome, not an error).
    static func errors(_ schedule: Schedule, _ problem: Problem, _ plan: Plan) -> [String] {
        PlanAudit(problem: problem, timetable: schedule.timetable).findings(for: plan).filter {
            $0.severity == .error && $0.rule != .mustVisitLeftOut
        }.map { "\($0.rule): \($0.message.text(.en))" }
    }

    @Test func anEitherClientOutOfReachIsMetOnlineAndAnInPersonOneIsLeftOut() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        // Xi'an on Monday morning: zhou is at the 局务会 in Xuzhou until 10:00 (his own calendar), so no train gets him
        // there by 11:00; and no train from Xuzhou arrives by 08:00.
        var either = Week.client(schedule, "xa1", city: "xian", day: 0, from: "10:00", to: "11:00")
        either.mode = .either
        let inPerson = Week.client(schedule, "xa2", city: "xian", day: 0, from: "07:00", to: "08:00")
        var problem = Week.week(schedule, clients: [either, inPerson])
        problem.meetingLink = MeetingLink(template: "https://meeting.tencent.com/dm/xz-{client}-{date}")
        let plan = solve(schedule, problem: problem)
        #expect(Self.errors(schedule, problem, plan).isEmpty)

        let call = try #require(plan.visits.first { $0.client == "xa1" })
        #expect(call.isOnline)
        #expect(call.link == "https://meeting.tencent.com/dm/xz-xa1-20220307")
        let why = try #require(call.onlineReason).text(.en)
        #expect(why.hasPrefix("online, as in person is out of reach: no window of xa1公司 overlaps"), "\(why)")
        #expect(why.contains("earliest arrival Mon"), "\(why)")
        #expect(try #require(call.onlineReason).text(.zh).hasPrefix("改为线上，因为线下去不了："))
        // A call travels nowhere: no leg reaches Xi'an or the client.
        #expect(!plan.legs.contains { $0.toCity == "xian" || $0.toPlace == "xa1" })
        #expect(plan.score.onlineVisits == 1)
        #expect(plan.score.people?.first { $0.person == "zhou" }?.onlineVisits == 1)

        let left = try #require(plan.leftOut.first { $0.client == "xa2" })
        let reasons = left.reasons.map { $0.text(.en) }
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("周建华: no window of xa2公司 overlaps a reachable time: earliest arrival Mon "))
    }

    @Test func anEitherClientWithinReachIsMetInPerson() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Week.client(schedule, "nj1", city: "nanjing", day: 1)
        client.mode = .either
        let problem = Week.week(schedule, clients: [client])
        let plan = solve(schedule, problem: problem)
        #expect(Self.errors(schedule, problem, plan).isEmpty)
        let visit = try #require(plan.visits.first)
        #expect(visit.mode == nil && visit.link == nil && visit.onlineReason == nil)
        #expect(plan.legs.contains { $0.toCity == "nanjing" })
        #expect(plan.score.onlineVisits == nil)
    }

    @Test func theInPersonWishWeighsTravelAgainstMeetingOnline() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Week.client(schedule, "nj1", city: "nanjing", day: 1)
        client.mode = .either
        var problem = Week.week(schedule, clients: [client])
        // Nanjing and back takes hours: worth it when meeting in person weighs 10,000 minutes, not when it weighs 0.
        problem.wishes.inPersonMinutes = 10_000
        #expect(!(try #require(solve(schedule, problem: problem).visits.first)).isOnline)
        problem.wishes.inPersonMinutes = 0
        let plan = solve(schedule, problem: problem)
        let call = try #require(plan.visits.first)
        #expect(call.isOnline)
        #expect(plan.legs.isEmpty)
        let why = try #require(call.onlineReason).text(.en)
        #expect(why.hasPrefix("online, as in person would add "), "\(why)")
        #expect(why.hasSuffix("more than the 0h00 the plan gives meeting in person"), "\(why)")
        #expect(Self.errors(schedule, problem, plan).isEmpty)
    }

    @Test func anOnlineOnlyClientIsNeverVisited() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Week.client(schedule, "bj1", city: "beijing", day: 2)
        client.mode = .online
        let problem = Week.week(schedule, clients: [client])
        let plan = solve(schedule, problem: problem)
        let call = try #require(plan.visits.first)
        #expect(call.isOnline && call.onlineReason == nil)
        // The sample plan.yaml gives every online visit a room of its own.
        #expect(call.link == "https://meeting.tencent.com/dm/xz-bj1-20220309")
        #expect(plan.legs.isEmpty && plan.stays.isEmpty)
        #expect(Self.errors(schedule, problem, plan).isEmpty)
    }

    @Test func theAuditRefusesACallForAClientMetOnlyInPersonAndACallOnATrain() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let problem = Week.week(schedule, clients: [Week.client(schedule, "nj1", city: "nanjing", day: 1)])
        var plan = solve(schedule, problem: problem)
        var visit = try #require(plan.visits.first)
        let leg = try #require(plan.legs.first { $0.toCity == "nanjing" })
        visit.mode = .online
        // Held online, but the client is met only in person; and now nobody is in Nanjing for a reason, which the
        // audit does not mind: a call is held wherever the person is.
        plan.visits = [visit]
        #expect(Self.errors(schedule, problem, plan).map { $0.prefix(16) } == ["visit-wrong-mode"])
        // A call during the journey there is double-booked.
        visit.start = leg.depart
        visit.end = leg.depart + 3600
        plan.visits = [visit]
        #expect(Self.errors(schedule, problem, plan).contains { $0.hasPrefix("double-booked") })
    }

    @Test func aKeptCallStaysOnlineAndAKeptVisitStaysInPerson() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var near = Week.client(schedule, "nj1", city: "nanjing", day: 1)
        near.mode = .either
        var far = Week.client(schedule, "xa1", city: "xian", day: 0, from: "10:00", to: "11:00")
        far.mode = .either
        let problem = Week.week(schedule, clients: [near, far])
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let first = Planner(problem: problem, router: router, options: .init(seed: 1, seconds: 0.05)).solve()
        #expect(first.visits.map(\.isOnline) == [true, false] || first.visits.map(\.isOnline) == [false, true])
        let again = Planner(problem: problem, router: router, options: .init(seed: 7, seconds: 0.05), keeping: first)
            .solve()
        #expect(
            again.visits.map { [$0.client, "\($0.isOnline)", "\($0.start)"] }
                == first.visits.map { [$0.client, "\($0.isOnline)", "\($0.start)"] })
        #expect(again.changes == [])
    }

    /// Random weeks of clients met either way, online or in person, all over the sample network: every plan passes
    /// the audit, no call is reached by a leg, and each client is met at most once.
    @Test(arguments: 0..<12)
    func randomWeeksWithCallsPassTheAudit(seed: Int) async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var random = SplitMix64(state: UInt64(seed) &+ 19)
        let cities = SmallWeek.cities
        let modes: [MeetingMode] = [.inPerson, .online, .either]
        let clients = (0..<8).map { index in
            let from = 8 + random.below(6)
            var client = Week.client(
                schedule, "r\(index)", city: cities[random.below(cities.count)], day: random.below(5),
                from: String(format: "%02d:00", from), to: String(format: "%02d:00", from + 1 + random.below(5)))
            client.mode = modes[random.below(3)]
            return client
        }
        var problem = Week.week(schedule, people: ["zhou", "sun"], clients: clients)
        // Working every day, as the cut-down week's hours say.
        for person in problem.staff.indices { problem.staff[person].daysOff = [] }
        let plan = solve(schedule, problem: problem)
        #expect(Self.errors(schedule, problem, plan).isEmpty, "seed \(seed)")
        #expect(Set(plan.visits.map(\.client)).count == plan.visits.count)
        for call in plan.visits where call.isOnline {
            #expect(!plan.legs.contains { $0.toPlace == call.client }, "seed \(seed): \(call.client)")
            #expect(problem.clients.first { $0.id == call.client }?.mode != .inPerson)
        }
        for visit in plan.visits where !visit.isOnline {
            #expect(problem.clients.first { $0.id == visit.client }?.mode != .online)
        }
    }
}
