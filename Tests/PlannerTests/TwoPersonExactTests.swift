import Itinerary
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

@testable import Planner

/// Small random weeks for two people on the real sample timetable: one at home in Xuzhou, one in Nanjing, three to
/// six ordinary clients in six cities (anyone may lead, or only one of them), and one shared visit that one person
/// leads while the other is named in its `with` (a delegation), with one to three windows. Busy time, caps,
/// sometimes a day off or a limit on nights.
struct TwoPersonWeek {
    /// The client index of the shared visit (the last client).
    static func shared(in problem: Problem) -> Int { problem.clients.count - 1 }

    static func problem(seed: UInt64, schedule: Schedule) -> Problem {
        var random = SplitMix64(state: seed &* 6_364_136_223 &+ 101)
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.below(range.count) }
        let zone = schedule.problem.zone
        let days = schedule.problem.days
        let timetable = schedule.timetable
        let hours = DailyHours("08:30-18:30")!
        func windows(_ count: Int, halfHours: ClosedRange<Int>) -> IntervalSet {
            var windows = IntervalSet()
            for _ in 0..<count {
                let start = zone.instant(days[int(0...4)], TimeOfDay(minutes: int(18...34) * 30))
                windows.insert(Interval(start, start + Int64(int(halfHours)) * 1800))
            }
            return windows
        }
        let staff = [("p", "xuzhou"), ("q", "nanjing")].map { id, city in
            var busy = IntervalSet()
            for _ in 0..<int(0...2) {
                let start = zone.instant(days[int(0...4)], TimeOfDay(minutes: int(8 * 60...17 * 60)))
                busy.insert(Interval(start, start + Int64(int(30...150)) * 60))
            }
            let daysOff: Set<LocalDate> = int(0...9) == 0 ? [days[int(1...3)]] : []
            let home = timetable.cities[city]!
            return Staff(
                id: id, name: id.uppercased(),
                home: Place(cityID: city, coordinate: home.coordinate, label: "home \(id)"), workingHours: hours,
                travelHours: DailyHours("06:30-22:30")!, dailyTravelCapMinutes: int(5...10) * 60, busy: busy,
                availability: hours.intervals(on: days.filter { !daysOff.contains($0) }, in: zone).subtracting(busy),
                daysOff: daysOff,
                maxNightsAway: int(0...3) == 0 ? int(0...2) : nil)
        }
        func place(_ label: String) -> Place {
            let city = timetable.cities[SmallWeek.cities[int(0...SmallWeek.cities.count - 1)]]!
            return Place(
                cityID: city.id,
                coordinate: Coordinate(
                    lat: city.coordinate.lat + Double(int(-20...20)) / 1000,
                    lon: city.coordinate.lon + Double(int(-20...20)) / 1000),
                label: label)
        }
        var clients: [Client] = []
        for index in 0..<int(3...6) {
            // Half may be led by anyone, the rest by one person only.
            let eligible = [[], [], ["p"], ["q"]][int(0...3)]
            clients.append(
                Client(
                    id: "c\(index)", name: "c\(index)", place: place("c\(index)"), address: "", priority: int(1...10),
                    meetingMinutes: int(3...8) * 15, mustVisit: int(0...6) == 0, sector: "",
                    availability: windows(int(1...3), halfHours: 2...8),
                    eligible: eligible))
        }
        clients.append(
            Client(
                id: "shared", name: "shared", place: place("shared"), address: "", priority: int(5...10),
                meetingMinutes: int(3...6) * 15,
                mustVisit: int(0...6) == 0, sector: "", availability: windows(int(1...3), halfHours: 4...8),
                with: [["p"], ["q"]][int(0...1)]))
        return Problem(
            name: "two people \(seed)", zone: zone, days: days, staff: staff, clients: clients,
            travelRules: schedule.travelRules,
            hotelCost: 450)
    }
}

@Suite("The search against an exact solver, two people and a shared visit")
struct TwoPersonExactTests {
    static let instances = 100

    @Test func theSearchReachesTheExactOptimumOnTwoPersonWeeks() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        let times = Self.travelTimes(schedule: schedule, router: router)
        let (tally, missed, beyond) = await offThePool {
            var tally = Tally()
            var missed: [String] = []
            var beyond: [String] = []
            for seed in 1...UInt64(Self.instances) {
                let problem = TwoPersonWeek.problem(seed: seed, schedule: schedule)
                let shared = TwoPersonWeek.shared(in: problem)
                let clock = ContinuousClock.now
                let reference = TwoPersonExactPlanner(
                    context: WeekContext(problem: problem, router: router, times: times), shared: shared)
                let exact = reference.solve()
                tally.exactTime += ContinuousClock.now - clock
                var week = searchedWeek(problem, router: router, times: times, seed: seed, budget: 10000)
                let found = week.value
                let account =
                    "seed \(seed): exact \(exact.objective) shared at \(exact.start.map { "\($0)" } ?? "-") routes \(exact.routes); "
                    + "found \(found) shared at \(week.state.starts[shared].map { "\($0)" } ?? "-") routes \(week.routes)"
                if exact.objective < found { beyond.append(account) }
                if found == exact.objective { tally.reached += 1 } else { missed.append(account) }
                if exact.start != nil { tally.sharedPlaced += 1 }
                if exact.routes.allSatisfy({ $0.contains { $0 != shared } }) { tally.bothBusy += 1 }
                if exact.objective.nights > 0 { tally.overnight += 1 }
                let starts = reference.sharedStarts()
                tally.starts += starts.count
                if starts.isEmpty { tally.noStart += 1 }
                // The reference tries the starts the search tries (its own enumeration, on the same grid).
                let length = reference.context.meetingSeconds[shared]
                let searched = WeekMoves(context: reference.context).candidateStarts(
                    shared, people: [0, 1], length: length)
                if searched != starts { tally.otherStarts.append(seed) }
            }
            return (tally, missed, beyond)
        }
        let counts =
            "shared visit placed in \(tally.sharedPlaced), both people with other visits in \(tally.bothBusy), hotel nights in "
            + "\(tally.overnight) of \(Self.instances); \(tally.starts) shared starts in all (none in \(tally.noStart)); "
            + "exhaustive search took \(tally.exactTime)"
        #expect(
            tally.otherStarts.isEmpty,
            "the search tries other shared starts than the reference on seeds \(tally.otherStarts)")
        #expect(beyond.isEmpty, "the search claims better than exhaustive search: \(beyond)")
        // Every instance reaches the exact optimum. Seeds 23 and 97 need a visit handed over from one person to the
        // other (`OrderedInsertion.handOver`): it is the only stopover that splits the other person's journey under
        // their daily travel cap.
        #expect(
            tally.reached >= Self.instances,
            "reached \(tally.reached) of \(Self.instances) (\(counts)); missed \(missed)")
        // The instances are not trivial (measured: the shared visit placed in 79, both people with other visits in 75,
        // hotel nights in 95 of 100).
        #expect(tally.sharedPlaced > Self.instances * 2 / 3, "\(counts)")
        #expect(tally.bothBusy > Self.instances / 2, "\(counts)")
        #expect(tally.overnight > Self.instances / 10, "\(counts)")
    }
}

/// What the two-person exact test counts.
private struct Tally: Sendable {
    var reached = 0
    var sharedPlaced = 0
    var bothBusy = 0
    var overnight = 0
    /// Shared starts tried by the reference, over all instances.
    var starts = 0
    /// Instances where the client and both people are never free together.
    var noStart = 0
    /// Seeds where the search would try other shared starts than the reference.
    var otherStarts: [UInt64] = []
    var exactTime = Duration.zero
}

extension TwoPersonExactTests {
    /// How many instances the reference is checked on without its cut (every order simulated: slow in a debug
    /// build; checked once on all 100 instances, none differ).
    static let uncutInstances = 10

    /// The reference's cut (a prefix whose relaxed timing fails already) loses no week: with and without it, the
    /// same best objective.
    @Test func theReferenceCutLosesNoWeek() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        let times = Self.travelTimes(schedule: schedule, router: router)
        let differ = await offThePool {
            var differ: [UInt64] = []
            for seed in 1...UInt64(Self.uncutInstances) {
                let problem = TwoPersonWeek.problem(seed: seed, schedule: schedule)
                let context = WeekContext(problem: problem, router: router, times: times)
                var reference = TwoPersonExactPlanner(context: context, shared: TwoPersonWeek.shared(in: problem))
                let cut = reference.solve()
                reference.cuts = false
                if reference.solve().objective != cut.objective { differ.append(seed) }
            }
            return differ
        }
        #expect(differ.isEmpty, "the cut loses the best week on seeds \(differ)")
    }

    /// Journey profiles covering every city the random weeks use.
    static func travelTimes(schedule: Schedule, router: Router) -> TravelTimes {
        var sample = TwoPersonWeek.problem(seed: 0, schedule: schedule)
        sample.clients = SmallWeek.cities.map { schedule.timetable.cities[$0]! }.map {
            Client(
                id: $0.id, name: $0.id, place: Place(cityID: $0.id, coordinate: $0.coordinate, label: $0.id),
                address: "", priority: 1,
                meetingMinutes: 60, mustVisit: false, sector: "", availability: IntervalSet())
        }
        return WeekContext.travelTimes(problem: sample, router: router)
    }
}
