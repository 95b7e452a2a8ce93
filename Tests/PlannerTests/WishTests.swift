import Audit
import Itinerary
import Messages
import Planner
import Reports
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

/// Each soft wish changes the week when it can and is reported when it cannot; every weight at zero plans exactly
/// as without wishes.
@Suite("Soft wishes")
struct WishTests {
    typealias Week = ReasonTests

    static func clock(_ plan: Plan, _ client: String, _ schedule: Schedule) -> String? {
        plan.visits.first { $0.client == client }.map { schedule.problem.zone.clock($0.start) }
    }

    static func unmet(_ plan: Plan) -> [String] { (plan.unmetWishes ?? []).map { $0.reason.text(.en) } }

    static func errors(_ schedule: Schedule, _ problem: Problem, _ plan: Plan) -> [String] {
        OnlineMeetingTests.errors(schedule, problem, plan)
    }

    @Test func everyWeightAtZeroPlansTheSampleWeekExactlyAsWithoutWishes() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var zero = schedule.problem
        zero.wishes.lunch = .weight(0)
        zero.wishes.preferredTime = .weight(0)
        zero.wishes.waiting = .weight(0)
        zero.wishes.earlyHome = .weight(0)
        zero.wishes.balance = .weight(0)
        zero.wishes.policy.strength = .weight(0)
        let before = solve(schedule, seconds: 0.2)
        let after = solve(schedule, problem: zero, seconds: 0.2)
        #expect(PlanJSON.encode(after) == PlanJSON.encode(before))
        #expect(after.unmetWishes == nil)
    }

    @Test func aLunchBreakMovesAMeetingAfterItAndIsReportedWhenItCannot() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var problem = Week.week(
            schedule, clients: [Week.client(schedule, "xz1", city: "xuzhou", day: 1, from: "11:45")])
        #expect(Self.clock(solve(schedule, problem: problem), "xz1", schedule) == "11:45")
        problem.wishes.lunch = .weight(1)
        let plan = solve(schedule, problem: problem)
        #expect(Self.clock(plan, "xz1", schedule) == "12:30")
        #expect(plan.unmetWishes == nil)
        #expect(Self.errors(schedule, problem, plan).isEmpty)

        // A client free only 12:00–13:00: weighed, it is met and the break reported; as a rule, it is left out.
        problem.clients = [Week.client(schedule, "xz2", city: "xuzhou", day: 1, from: "12:00", to: "13:00")]
        let weighed = solve(schedule, problem: problem)
        #expect(Self.clock(weighed, "xz2", schedule) == "12:00")
        #expect(
            Self.unmet(weighed) == ["周建华: no 60-minute lunch break in 11:30-13:30 on Tue 2022-03-08, 30 minutes short"])
        problem.wishes.lunch = .rule
        let ruled = solve(schedule, problem: problem)
        #expect(ruled.visits.isEmpty)
        let reason = try #require(ruled.leftOut.first?.reasons.first).text(.en)
        #expect(reason.contains("no 60-minute lunch break in 11:30-13:30"), "\(reason)")
    }

    @Test func aPreferredTimeMovesTheMeetingIntoItAndIsReportedWhenItCannot() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var client = Week.client(schedule, "xz1", city: "xuzhou", day: 1)
        client.preferredTime = DailyHours("14:00-16:00")
        var problem = Week.week(schedule, clients: [client])
        #expect(Self.clock(solve(schedule, problem: problem), "xz1", schedule) == "09:00")
        problem.wishes.preferredTime = .weight(1)
        let plan = solve(schedule, problem: problem)
        #expect(Self.clock(plan, "xz1", schedule) == "14:00")
        #expect(plan.unmetWishes == nil)

        problem.clients[0].preferredTime = DailyHours("18:00-19:00")
        let weighed = solve(schedule, problem: problem)
        #expect(Self.unmet(weighed) == ["xz1公司: 60 minutes outside its preferred time 18:00-19:00"])
        problem.wishes.preferredTime = .rule
        #expect(solve(schedule, problem: problem).visits.isEmpty)
    }

    @Test func aBalancedWorkloadSharesTheVisitsOut() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        // Four clients in Xuzhou on Tuesday: one officer can meet them all, the cheapest week.
        let clients = (0..<4).map { Week.client(schedule, "xz\($0)", city: "xuzhou", day: 1) }
        var problem = Week.week(schedule, people: ["zhou", "sun"], clients: clients)
        for person in problem.staff.indices { problem.staff[person].daysOff = [] }
        func loads(_ plan: Plan) -> [Int] {
            ["zhou", "sun"].map { id in plan.visits.filter { $0.staff.contains(id) }.count }.sorted()
        }
        let alone = solve(schedule, problem: problem)
        problem.wishes.balance = .weight(120)
        let shared = solve(schedule, problem: problem)
        #expect(loads(shared) == [2, 2], "\(loads(alone)) → \(loads(shared))")
        #expect(shared.unmetWishes == nil)
        #expect(Self.errors(schedule, problem, shared).isEmpty)
        // Only one may lead them all: the spread is reported.
        for index in problem.clients.indices { problem.clients[index].eligible = ["zhou"] }
        let uneven = solve(schedule, problem: problem)
        #expect(Self.unmet(uneven) == ["workload: 周建华 has 4 visits, 孙雅婷 0"])
    }

    @Test func theTravelPolicyPricesNightsCapsThemAndPaysAPerDiem() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        // Shanghai on Tuesday and again on Wednesday morning: a night there.
        let clients = [
            Week.client(schedule, "sh1", city: "shanghai", day: 1, from: "15:00", to: "18:00"),
            Week.client(schedule, "sh2", city: "shanghai", day: 2, from: "09:00", to: "10:30"),
        ]
        var problem = Week.week(schedule, clients: clients)
        problem.wishes.policy.hotelPrices = ["shanghai": 700]
        problem.wishes.policy.cityTiers = ["shanghai": 1]
        problem.wishes.policy.hotelCaps = [1: 600]
        problem.wishes.policy.perDiem = 100
        problem.wishes.policy.strength = .weight(0.01)
        let plan = solve(schedule, problem: problem)
        #expect(plan.visits.count == 2)
        #expect(plan.stays.map(\.cost) == [700])
        #expect(Self.unmet(plan) == ["周建华: the night of Tue 2022-03-08 in shanghai costs ¥700, over the cap of ¥600"])
        let person = try #require(plan.score.people?.first { $0.person == "zhou" })
        #expect(person.perDiem == 200 && person.hotels == 700)
        // The per-diem is claimed with the week's expenses, and counted in each total.
        let expenses = String(
            decoding: ExpensesCSV.render(plan, problem: problem, language: .en).dropFirst(3), as: UTF8.self
        )
        .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(expenses.first?.suffix(2) == ["per_diem_yuan", "total_yuan"], "\(expenses)")
        #expect(expenses.dropFirst().allSatisfy { $0.suffix(2).first == "200.00" }, "\(expenses)")
        #expect(abs((expenses.last?.last.flatMap(Double.init) ?? 0) - (person.tickets + 700 + 200)) < 0.005)
        #expect(Self.errors(schedule, problem, plan).isEmpty)
        // As a rule, no night there: one of the two is left out, and says why.
        problem.wishes.policy.strength = .rule
        let ruled = solve(schedule, problem: problem)
        #expect(ruled.stays.isEmpty && ruled.visits.count == 1)
        #expect(
            ruled.leftOut.first?.reasons.contains { $0.text(.en).contains("over the travel policy's cap of ¥600") }
                == true)
    }

    @Test func waitingAwayFromHomeIsReportedAndAsARuleRefused() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let clients = [
            Week.client(schedule, "nj1", city: "nanjing", day: 1, from: "10:00", to: "11:00"),
            Week.client(schedule, "nj2", city: "nanjing", day: 1, from: "15:00", to: "16:00"),
        ]
        var problem = Week.week(schedule, clients: clients)
        problem.wishes.waiting = .weight(0.5)
        problem.wishes.earlyHome = .weight(0.01)
        let plan = solve(schedule, problem: problem)
        #expect(plan.visits.count == 2)
        let unmet = Self.unmet(plan)
        #expect(unmet.contains { $0.hasPrefix("周建华: waits ") }, "\(unmet)")
        #expect(unmet.contains { $0.hasPrefix("周建华: ") && $0.hasSuffix(" away from home") }, "\(unmet)")
        problem.wishes.waiting = .rule
        problem.wishes.maxWaitMinutes = 120
        let ruled = solve(schedule, problem: problem)
        #expect(ruled.visits.count == 1)
        // Both fit alone; together they wait five hours in Nanjing: one goes, the other says what is in its way.
        #expect(ruled.leftOut.first?.reasons.map { $0.text(.en) } == ["周建华: fits only by dropping nj1公司 (priority 5)"])
        #expect(ruled.unmetWishes?.map(\.wish) == ["early-home"])
    }

    @Test func anEarlyHomeWeightBringsTheOfficerHomeForTheNight() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        // Nanjing late on Tuesday and before noon on Wednesday: the least travel sleeps there.
        let clients = [
            Week.client(schedule, "nj1", city: "nanjing", day: 1, from: "16:00", to: "17:00"),
            Week.client(schedule, "nj2", city: "nanjing", day: 2, from: "11:00", to: "12:00"),
        ]
        var problem = Week.week(schedule, clients: clients)
        let stays = solve(schedule, problem: problem)
        #expect(stays.visits.count == 2 && stays.stays.map(\.city) == ["nanjing"])
        problem.wishes.earlyHome = .weight(1)
        let home = solve(schedule, problem: problem)
        #expect(home.visits.count == 2 && home.stays.isEmpty, "\(home.legs.map { "\($0.fromCity)→\($0.toCity)" })")
        #expect(home.score.travelMinutes > stays.score.travelMinutes)
        #expect(Self.errors(schedule, problem, home).isEmpty)
        // What is left is the two day trips, and the plan says so.
        #expect(home.unmetWishes?.map(\.wish) == ["early-home"])
    }

    @Test func aWeighedWaitSendsTwoOfficersInsteadOfOneWhoWaits() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        // Nanjing at 09:00 and at 15:00 on Tuesday: one officer doing both waits five hours there.
        let clients = [
            Week.client(schedule, "nj1", city: "nanjing", day: 1, from: "09:00", to: "10:00"),
            Week.client(schedule, "nj2", city: "nanjing", day: 1, from: "15:00", to: "16:00"),
        ]
        var problem = Week.week(schedule, people: ["zhou", "sun"], clients: clients)
        for person in problem.staff.indices { problem.staff[person].daysOff = [] }
        func people(_ plan: Plan) -> Set<String> { Set(plan.visits.flatMap(\.staff)) }
        let one = solve(schedule, problem: problem)
        #expect(one.visits.count == 2 && people(one).count == 1)
        problem.wishes.waiting = .weight(3)
        let two = solve(schedule, problem: problem)
        #expect(two.visits.count == 2 && people(two).count == 2, "\(two.visits.map(\.staff))")
        // What waiting is left is each train's: under an hour a person.
        #expect((two.unmetWishes ?? []).allSatisfy { $0.wish == "waiting" && $0.amount < 60 })
        #expect(Self.errors(schedule, problem, two).isEmpty)
    }
}
