import Itinerary
import Schedules
import TestSupport
import Testing
import Timeline
import Travel

@testable import Planner

/// Small random weeks for one person on the real sample timetable: 4 to 10 clients in six cities, one to three
/// windows each, busy time, caps, sometimes a day off or a limit on nights.
struct SmallWeek {
    static let cities = ["xuzhou", "nanjing", "shanghai", "suzhou", "hefei", "beijing"]

    static func problem(seed: UInt64, schedule: Schedule) -> Problem {
        var random = SplitMix64(state: seed &* 7919 &+ 17)
        func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.below(range.count) }
        let zone = schedule.problem.zone
        let days = schedule.problem.days
        let timetable = schedule.timetable
        let home = timetable.cities["xuzhou"]!
        var busy = IntervalSet()
        for _ in 0..<int(0...2) {
            let start = zone.instant(days[int(0...4)], TimeOfDay(minutes: int(8 * 60...17 * 60)))
            busy.insert(Interval(start, start + Int64(int(30...150)) * 60))
        }
        let daysOff: Set<LocalDate> = int(0...9) == 0 ? [days[int(1...3)]] : []
        let hours = DailyHours("08:30-18:30")!
        let person = Staff(
            id: "p", name: "P", home: Place(cityID: "xuzhou", coordinate: home.coordinate, label: "home"),
            workingHours: hours,
            travelHours: DailyHours("06:30-22:30")!, dailyTravelCapMinutes: int(5...10) * 60, busy: busy,
            availability: hours.intervals(on: days.filter { !daysOff.contains($0) }, in: zone).subtracting(busy),
            daysOff: daysOff,
            maxNightsAway: int(0...3) == 0 ? int(0...2) : nil)
        var clients: [Client] = []
        for index in 0..<int(4...10) {
            let city = timetable.cities[cities[int(0...cities.count - 1)]]!
            var windows = IntervalSet()
            for _ in 0..<int(1...3) {
                let start = zone.instant(days[int(0...4)], TimeOfDay(minutes: int(18...34) * 30))
                windows.insert(Interval(start, start + Int64(int(2...8)) * 1800))
            }
            let place = Place(
                cityID: city.id,
                coordinate: Coordinate(
                    lat: city.coordinate.lat + Double(int(-20...20)) / 1000,
                    lon: city.coordinate.lon + Double(int(-20...20)) / 1000),
                label: "c\(index)")
            clients.append(
                Client(
                    id: "c\(index)", name: "c\(index)", place: place, address: "", priority: int(1...10),
                    meetingMinutes: int(3...8) * 15,
                    mustVisit: int(0...6) == 0, sector: "", availability: windows))
        }
        return Problem(
            name: "small \(seed)", zone: zone, days: days, staff: [person], clients: clients,
            travelRules: schedule.travelRules,
            hotelCost: 450)
    }
}

@Suite("The search against an exact solver")
struct ExactTests {
    static let instances = 300
    /// Simulations each search may run (the search before issue 14 needed 5,000; the engine misses one or two seeds
    /// there and reaches all 300 at 10,000).
    static let budget = 10_000

    @Test func theSearchReachesTheExactOptimumOnSmallWeeks() async throws {
        let schedule = try await ScheduleLoader().load(folder: Fixtures.sampleWeek)
        let router = Router(timetable: schedule.timetable, rules: schedule.travelRules, dates: schedule.problem.days)
        var sample = SmallWeek.problem(seed: 0, schedule: schedule)
        let all = SmallWeek.cities.map { schedule.timetable.cities[$0]! }
        sample.clients = all.map {
            Client(
                id: $0.id, name: $0.id, place: Place(cityID: $0.id, coordinate: $0.coordinate, label: $0.id),
                address: "", priority: 1, meetingMinutes: 60, mustVisit: false, sector: "", availability: IntervalSet())
        }
        let times = WeekContext.travelTimes(problem: sample, router: router)
        let (reached, placedSomething, overnight, missed, beyond) = await offThePool {
            var reached = 0
            var placedSomething = 0
            var overnight = 0
            var missed: [UInt64] = []
            var beyond: [UInt64] = []
            for seed in 1...UInt64(Self.instances) {
                let problem = SmallWeek.problem(seed: seed, schedule: schedule)
                let exact = ExactPlanner(context: WeekContext(problem: problem, router: router, times: times))
                    .solve(person: 0, clients: Array(problem.clients.indices))
                var week = searchedWeek(problem, router: router, times: times, seed: seed, budget: Self.budget)
                let found = week.value
                if exact.objective < found { beyond.append(seed) }
                if found == exact.objective { reached += 1 } else { missed.append(seed) }
                if !exact.order.isEmpty { placedSomething += 1 }
                if exact.objective.nights > 0 { overnight += 1 }
            }
            return (reached, placedSomething, overnight, missed, beyond)
        }
        #expect(beyond.isEmpty, "the search claims better than exhaustive search on seeds \(beyond)")
        // Every instance reaches the exact optimum (measured: 300 of 300 at this budget).
        #expect(reached >= 300, "reached \(reached) of \(Self.instances); missed \(missed)")
        // The instances are not trivial: most place visits, and some need hotel nights.
        #expect(placedSomething > Self.instances * 3 / 4)
        #expect(overnight > Self.instances / 10)
    }
}

/// The week the engine finds for `problem` within `budget` simulations, on one thread: built, then searched.
func searchedWeek(_ problem: Problem, router: Router, times: TravelTimes, seed: UInt64, budget: Int) -> WeekTours {
    let context = WeekContext(problem: problem, router: router, times: times)
    let effort = Effort()
    var first = WeekTours(context: context, effort: effort)
    first.placeKeptAndBooked()
    first.construct(lanes: [], budget: budget)
    var search = Search<WeekTours>(settings: first.settings, seed: seed, effort: effort, budget: budget)
    return search.improve(first) { context.latestStart[$0].seconds }
}
