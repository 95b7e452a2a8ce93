import Itinerary
import Timeline
import Travel

/// Chains each person's week: which clients, in what order, which services between them, where they sleep.
///
/// This planner inserts visits greedily by must-visit, then priority, each at the place in any person's week that
/// adds the least travel; visits that fit nowhere are left out with computed reasons.
public struct Planner: Sendable {
    /// Knobs of a solve.
    public struct Options: Sendable, Hashable {
        /// Recorded in the plan; the greedy planner is deterministic and does not draw on it.
        public var seed: UInt64 = 1

        /// The default options.
        public init(seed: UInt64 = 1) { self.seed = seed }
    }

    /// What to plan.
    public let problem: Problem
    /// How to travel.
    public let router: Router
    /// Knobs.
    public let options: Options

    /// A planner for a problem over a router.
    public init(problem: Problem, router: Router, options: Options = Options()) {
        self.problem = problem
        self.router = router
        self.options = options
    }

    /// Plans the week.
    public func solve() -> Plan {
        let places = problem.staff.map(\.home) + problem.clients.map(\.place)
        let simulator = RouteSimulator(problem: problem, cache: JourneyCache(router: router, places: places))
        var routes = [[Int]](repeating: [], count: problem.staff.count)
        var schedules = [PersonSchedule](repeating: PersonSchedule(), count: problem.staff.count)
        var unplaced: [Int] = []
        for client in insertionOrder() {
            var best: (cost: (Int64, Double, Int, Int), person: Int, route: [Int], schedule: PersonSchedule)?
            for (person, staff) in problem.staff.enumerated() {
                let current = routes[person]
                for position in 0...current.count {
                    var candidate = current
                    candidate.insert(client, at: position)
                    guard case .success(let schedule) = simulator.simulate(person: staff, order: candidate) else { continue }
                    let added = (
                        schedule.travelSeconds - schedules[person].travelSeconds,
                        schedule.ticketCost - schedules[person].ticketCost, person, position
                    )
                    if best == nil || added < best!.cost { best = (added, person, candidate, schedule) }
                }
            }
            if let best {
                routes[best.person] = best.route
                schedules[best.person] = best.schedule
            } else {
                unplaced.append(client)
            }
        }
        for (person, route) in routes.enumerated() {
            if case .success(let schedule) = simulator.simulate(person: problem.staff[person], order: route, leaveLate: true) {
                schedules[person] = schedule
            }
        }
        let explainer = Explainer(problem: problem, simulator: simulator, routes: routes)
        return assemble(schedules: schedules, leftOut: unplaced.map(explainer.explain))
    }

    /// Must-visits first, then by priority (higher first), then shorter meetings, then id.
    private func insertionOrder() -> [Int] {
        problem.clients.indices.sorted { a, b in
            let x = problem.clients[a], y = problem.clients[b]
            return (x.mustVisit ? 0 : 1, -x.priority, x.meetingMinutes, x.id) < (y.mustVisit ? 0 : 1, -y.priority, y.meetingMinutes, y.id)
        }
    }

    private func assemble(schedules: [PersonSchedule], leftOut: [LeftOut]) -> Plan {
        var visits: [ScheduledVisit] = []
        var legs: [Leg] = []
        var stays: [Stay] = []
        for (person, schedule) in schedules.enumerated() {
            let staff = problem.staff[person]
            for (client, interval) in schedule.visits {
                let target = problem.clients[client]
                visits.append(
                    ScheduledVisit(
                        client: target.id, clientName: target.name, city: target.place.cityID, staff: [staff.id],
                        start: interval.start, end: interval.end))
            }
            for (from, to, journey) in schedule.legs {
                legs.append(Leg(person: staff.id, fromCity: from.cityID, toCity: to.cityID, from: from.label, to: to.label, journey: journey))
            }
            stays += nights(of: staff, legs: schedule.legs.map { ($0.to.cityID, $0.journey.arrive) })
        }
        visits.sort { ($0.start, $0.client) < ($1.start, $1.client) }
        legs.sort { ($0.person, $0.depart) < ($1.person, $1.depart) }
        let placed = Set(visits.map(\.client))
        let clients = problem.clients
        let cost = legs.reduce(0) { $0 + $1.price } + stays.reduce(0) { $0 + $1.cost }
        let score = Score(
            mustVisitsPlaced: clients.filter { $0.mustVisit && placed.contains($0.id) }.count,
            mustVisitsTotal: clients.filter(\.mustVisit).count,
            priorityPlaced: clients.filter { placed.contains($0.id) }.reduce(0) { $0 + $1.priority },
            priorityTotal: clients.reduce(0) { $0 + $1.priority },
            travelMinutes: Int(legs.reduce(0) { $0 + $1.interval.seconds } / 60),
            cost: cost, nightsAway: stays.count)
        return Plan(
            schedule: nil, name: problem.name, timeZone: problem.zone.identifier, days: problem.days, seed: options.seed,
            visits: visits, legs: legs, stays: stays, leftOut: leftOut, score: score)
    }

    /// Hotel nights: every night but the last, the person sleeps in the city the last leg of that day reached.
    private func nights(of staff: Staff, legs: [(city: String, arrive: Instant)]) -> [Stay] {
        var stays: [Stay] = []
        for day in problem.days.dropLast() {
            let endOfDay = problem.zone.day(day).end
            let city = legs.last(where: { $0.arrive <= endOfDay })?.city ?? staff.home.cityID
            if city != staff.home.cityID {
                stays.append(Stay(person: staff.id, city: city, night: day, cost: problem.hotelCost))
            }
        }
        return stays
    }
}
