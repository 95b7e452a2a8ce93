import ArgumentParser
import Audit
import Foundation
import GTFS
import Itinerary
import Planner
import Schedules
import Timeline
import Travel

/// `tiaoqi-bench clashes`: district teams of a synthetic bureau plan their weeks, the clients' calendars then gain
/// events, and the clash finder overlays every plan and calendar; prints JSON with the time of the overlay.
struct ClashBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clashes",
        abstract:
            "Plan a synthetic bureau's district teams, add calendar events, and time the clash finder over all of it; prints JSON."
    )

    @Option(name: .long, help: "People, over all teams.")
    var people = 100

    @Option(name: .long, help: "District teams the people are split into.")
    var teams = 5

    @Option(name: .long, help: "Calendar events: clients' busy events added after planning, and weeks written by hand.")
    var events = 5_000

    @Option(name: .long, help: "Candidate clients of each team (teams share a pool, so some court the same companies).")
    var clients = 200

    @Option(name: .long, help: "Times the overlay is run; the best and the median are printed.")
    var repeats = 5

    @Option(name: .long, help: "Seed of the bureau, the network and the events.")
    var seed: UInt64 = 1

    func validate() throws {
        guard people >= teams, teams >= 1, events >= 0, clients >= 1, repeats >= 1 else {
            throw ValidationError("--people must be at least --teams; --teams, --clients and --repeats positive")
        }
    }

    func run() throws {
        let folder = NSTemporaryDirectory() + "/tiaoqi-clashes-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var network = NetworkGenerator(stations: 50, tripsPerDay: 800, days: 7, seed: seed)
        try network.write(to: folder)
        let clock = Stopwatch()
        let timetable = try NetworkLoader.load(folder: folder)
        let days = (0..<5).map { network.firstDay.adding(days: $0) }
        // One pool of staff and clients; each team takes its share of the staff and a random slice of the clients.
        let bureau = BureauGenerator(staff: people, clients: clients * teams / 2, seed: seed)
            .problem(timetable: timetable, cities: network.cities.map(\.id), days: days)
        var random = SplitMix64(state: seed &+ 99)
        let router = Router(timetable: timetable, rules: bureau.travelRules, dates: days)
        var weeks: [ClashFinder.Week] = []
        for team in 0..<teams {
            var problem = bureau
            problem.team = "team\(team + 1)"
            problem.staff = bureau.staff.enumerated().filter { $0.offset % teams == team }.map(\.element)
            let ids = Set(problem.staff.map(\.id))
            problem.clients = bureau.clients.filter { _ in random.below(teams) < 2 }.map { client in
                var client = client
                client.with = client.with.filter(ids.contains)
                client.eligible = []
                client.pinnedStart = nil
                client.after = []
                return client
            }
            let plan = Planner(problem: problem, router: router, options: .init(seed: seed, seconds: 0, threads: 2))
                .solve()
            weeks.append(
                ClashFinder.Week(
                    team: problem.team!, source: "team\(team + 1)/plan.json", schedule: "team\(team + 1)", plan: plan,
                    problem: problem, router: router))
        }
        let planSeconds = clock.lap()
        // The calendars change after planning: clients gain busy events, a tenth of the events are hand-made weeks.
        let zone = timetable.zone
        let handCount = events / 10
        let calendars = weeks.indices.flatMap { week in weeks[week].problem.clients.indices.map { (week, $0) } }
        let clientEvents = calendars.isEmpty ? 0 : events - handCount
        for index in 0..<clientEvents {
            let (week, client) = calendars[index % calendars.count]
            let day = days[random.below(days.count)]
            let start = zone.instant(day, TimeOfDay(minutes: 9 * 60 + random.below(16) * 30))
            let event = BusyEvent(interval: Interval(start, start + 3600), summary: "会议 \(index)")
            weeks[week].problem.clients[client].calendar.busy.append(event)
        }
        var handPlans: [HandPlan] = []
        for index in 0..<handCount {
            let person = bureau.staff[index % bureau.staff.count].id
            if handPlans.count <= index % bureau.staff.count {
                handPlans.append(HandPlan(person: person, team: "by hand", source: "\(person).ics", events: []))
            }
            let day = days[random.below(days.count)]
            let start = zone.instant(day, TimeOfDay(minutes: 8 * 60 + random.below(20) * 30))
            let city = network.cities[random.below(network.cities.count)].id
            handPlans[index % bureau.staff.count].events.append(
                HandPlan.Event(start: start, end: start + 5400, summary: "外出 \(index)", location: city, city: city))
        }
        let finder = ClashFinder(weeks: weeks, handPlans: handPlans)
        var times: [Double] = []
        var found: [Clash] = []
        for _ in 0..<repeats {
            clock.reset()
            found = finder.clashes()
            times.append(clock.lap())
        }
        times.sort()
        var kinds: [String: Int] = [:]
        for clash in found { kinds[clash.kind.rawValue, default: 0] += 1 }
        let report: [String: Any] = [
            "people": people, "teams": teams, "plans": weeks.count,
            "visits": weeks.reduce(0) { $0 + $1.plan.visits.count },
            "legs": weeks.reduce(0) { $0 + $1.plan.legs.count }, "client_events": clientEvents,
            "hand_events": handPlans.reduce(0) { $0 + $1.events.count }, "plan_seconds": planSeconds,
            "clash_seconds_best": times[0], "clash_seconds_median": times[times.count / 2], "clashes": found.count,
            "kinds": kinds,
            "peak_rss_mb": Stopwatch.peakMegabytes(),
        ]
        print(
            String(decoding: try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys]), as: UTF8.self))
    }
}
