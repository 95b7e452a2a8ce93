import Audit
import Itinerary
import Messages
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

@testable import Planner

/// `SlotFinder`: every slot it offers, once the client accepts it (a booked visit), is held by the next plan, which
/// passes the audit.
@Suite("Slots offered to clients")
struct OfferTests {
    /// The sample week with one more client, made up from `seed`: a city of the network, a day or two of hours, a
    /// meeting length and a way of meeting.
    static func problem(_ schedule: Schedule, seed: UInt64) -> Problem {
        var random = SplitMix64(state: seed &* 2_654_435_761 &+ 7)
        var problem = schedule.problem
        let zone = problem.zone
        let city = SmallWeek.cities[random.below(SmallWeek.cities.count)]
        var windows = IntervalSet()
        for _ in 0...random.below(2) {
            let day = problem.days[random.below(problem.days.count)]
            let opens = 9 * 60 + 30 * random.below(12)
            windows.insert(
                Interval(
                    zone.instant(day, TimeOfDay(minutes: opens)),
                    zone.instant(day, TimeOfDay(minutes: opens + 60 * (2 + random.below(4))))))
        }
        var client = Client(
            id: "new", name: "新客户\(seed)",
            place: Place(
                cityID: city, coordinate: schedule.timetable.cities[city]!.coordinate, label: "新客户\(seed)", id: "new"),
            address: "", priority: 5, meetingMinutes: [45, 60, 90][random.below(3)], mustVisit: false, sector: "",
            availability: windows)
        client.mode = [.inPerson, .online, .either][random.below(3)]
        problem.clients.append(client)
        return problem
    }

    @Test(arguments: 0..<12)
    func everyOfferedSlotOnceBookedIsHeldAndPassesTheAudit(seed: UInt64) async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let problem = Self.problem(schedule, seed: seed)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let current = Planner(problem: schedule.problem, router: router, options: .init(seed: 1, seconds: 0.05)).solve()
        let staff = ["zhou", "chen", "sun"][Int(seed % 3)]
        let slots = try SlotFinder(problem: problem, router: router, plan: current).slots(
            client: "new", staff: staff, count: 3)
        for slot in slots {
            #expect(slot.end - slot.start == Int64(problem.clients.last!.meetingMinutes) * 60)
            var booked = problem
            booked.clients[booked.clients.count - 1].pinnedStart = slot.start
            booked.clients[booked.clients.count - 1].with = [staff]
            booked.clients[booked.clients.count - 1].mode = slot.isOnline ? .online : .inPerson
            let plan = Planner(
                problem: booked, router: router, options: .init(seed: 3, seconds: 0.05), keeping: current
            ).solve()
            let visit = plan.visits.first { $0.client == "new" }
            #expect(visit?.start == slot.start, "seed \(seed): \(slot) left out: \(plan.leftOut.last?.reasons ?? [])")
            #expect(visit?.staff == [staff] && visit?.isOnline == slot.isOnline, "seed \(seed)")
            let errors = PlanAudit(problem: booked, timetable: schedule.timetable).findings(for: plan).filter {
                $0.severity == .error && $0.rule != .mustVisitLeftOut
            }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map { $0.message.text(.en) })")
        }
    }

    @Test func slotsAreSpreadOverTheWeekAndNeverOverlap() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        var problem = schedule.problem
        let zone = problem.zone
        var client = ReasonTests.client(schedule, "xz1", city: "xuzhou", day: 0, from: "09:00", to: "18:00")
        client.calendar = ClientCalendar(
            hours: IntervalSet(
                problem.days.map {
                    Interval(zone.instant($0, TimeOfDay("09:00")!), zone.instant($0, TimeOfDay("18:00")!))
                }))
        problem.clients.append(client)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: problem.days)
        let slots = try SlotFinder(problem: problem, router: router, plan: nil).slots(
            client: "xz1", staff: "zhou", count: 4)
        #expect(slots.count == 4)
        #expect(Set(slots.map { zone.date(of: $0.start) }).count == 4)
        #expect(slots.allSatisfy { $0.extraTravelMinutes >= 0 && $0.moves.isEmpty })
        #expect(zip(slots, slots.dropFirst()).allSatisfy { $0.end <= $1.start })
        #expect(throws: OfferError.self) {
            try SlotFinder(problem: problem, router: router, plan: nil).slots(client: "nobody", staff: "zhou", count: 3)
        }
    }
}
