import Itinerary
import Timeline
import Travel

/// What the solver compares, in order: must-visits placed, priority placed, then less travel, cost and nights, and
/// among plans equal in all those, less time away from home (less waiting away, earlier home).
struct Objective: Comparable {
    var mustVisits = 0
    /// Visits of a kept plan dropped, moved or given to other people.
    var changes = 0
    /// How far the balance across people breaks its rule (`Wishes.maxSpread`), compared before priority.
    var ruleBreaks = 0
    var priority = 0
    /// Travel, and the wishes not met weighed as travel (`PersonSchedule.weighedSeconds`).
    var travelSeconds: Int64 = 0
    var cost: Double = 0
    var nights = 0
    var awaySeconds: Int64 = 0

    /// True when `lhs` is the worse plan.
    static func < (lhs: Objective, rhs: Objective) -> Bool {
        let first = (lhs.mustVisits, -lhs.changes, -lhs.ruleBreaks)
        let other = (rhs.mustVisits, -rhs.changes, -rhs.ruleBreaks)
        if first != other { return first < other }
        let left = (lhs.priority, -lhs.travelSeconds, -lhs.cost, -lhs.nights)
        let right = (rhs.priority, -rhs.travelSeconds, -rhs.cost, -rhs.nights)
        return left < right || (left == right && lhs.awaySeconds > rhs.awaySeconds)
    }

    /// One number that orders plans nearly as `<` does, for annealing.
    var value: Double {
        Double(mustVisits) * 1e13 - Double(changes) * 1e12 - Double(ruleBreaks) * 1e11 + Double(priority) * 1e8
            - Double(travelSeconds) - cost
            * 1e-3 - Double(nights) * 1e-4 - Double(awaySeconds) * 1e-10
    }
}

/// A week under construction: each person's order of visits and its timing, and who attends which visit when.
struct WeekState {
    /// Per person: client indices in visiting order.
    var routes: [[Int]]
    /// Per person: the timing of their route.
    var schedules: [PersonSchedule]
    /// Per client: the people attending, empty when not placed.
    var attendees: [[Int]]
    /// Per client: the fixed start of a shared or booked visit.
    var fixed: [Instant?]
    /// Per client: when the visit starts, when placed.
    var starts: [Instant?]

    init(people: Int, clients: Int) {
        routes = Array(repeating: [], count: people)
        schedules = Array(repeating: PersonSchedule(), count: people)
        attendees = Array(repeating: [], count: clients)
        fixed = Array(repeating: nil, count: clients)
        starts = Array(repeating: nil, count: clients)
    }

    func isPlaced(_ client: Int) -> Bool { !attendees[client].isEmpty }

    func objective(_ context: WeekContext) -> Objective {
        let problem = context.problem
        var result = Objective()
        result.changes = changes(context).count
        for (client, people) in attendees.enumerated() where !people.isEmpty {
            if problem.clients[client].mustVisit { result.mustVisits += 1 }
            result.priority += problem.clients[client].priority
        }
        for schedule in schedules {
            result.travelSeconds += schedule.weighedSeconds
            result.cost += schedule.cost
            result.nights += schedule.nightsAway
            result.awaySeconds += schedule.awaySeconds
        }
        // A balanced workload: the spread between the busiest and the least busy person.
        if let balance = problem.wishes.balance, balance.isActive, schedules.count > 1 {
            let byVisits = problem.wishes.balanceBy == .visits
            let loads = schedules.map { byVisits ? Int64($0.visits.count) : $0.travelSeconds / 60 }
            let spread = Int((loads.max() ?? 0) - (loads.min() ?? 0))
            if balance.isRule {
                result.ruleBreaks = max(0, spread - problem.wishes.maxSpread)
            } else {
                result.travelSeconds += Int64((balance.weight * Double(spread) * 60).rounded())
            }
        }
        return result
    }
}

extension WeekState {
    /// The visits of the kept plan that this week drops, moves or gives to other people, by client.
    func changes(_ context: WeekContext) -> [Int] {
        guard !context.kept.isEmpty else { return [] }
        return context.kept.keys.sorted().filter { client in
            let kept = context.kept[client]!
            return attendees[client] != kept.people || starts[client] != kept.start
        }
    }
}

/// A change to some people's routes, with the timing that results.
struct RouteChange {
    var client: Int
    var people: [Int]
    var routes: [[Int]]
    var schedules: [PersonSchedule]
    var fixed: Instant?
    /// Added travel seconds, cost and nights, compared in that order.
    var delta: (Int64, Double, Int)
    /// Added travel as the search weighs it (with noise, when the search asks for some).
    var weighed: Double = 0

    func isBetter(than other: RouteChange?) -> Bool {
        guard let other else { return true }
        return (weighed, delta.1, delta.2) < (other.weighed, other.delta.1, other.delta.2)
    }
}
