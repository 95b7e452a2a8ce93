import Foundation
import Itinerary
import Timeline
import Travel

/// Builds a week by insertion, then improves it by ruin and recreate: take out some visits (at random, those in one
/// city, one person's day, or those costing most travel), put visits back where they add least travel, must-visits
/// and higher priorities first, and accept a worse week now and then while the temperature cools.
struct WeekSearch {
    let context: WeekContext
    private var moves: WeekMoves
    private var random: SplitMix64
    /// Simulations allowed: the search's deterministic measure of time.
    let budget: Int
    /// Hears the percent of the budget spent, when it changes.
    var progress: (@Sendable (Int) -> Void)?
    /// A wall-clock end (uptime nanoseconds) that stops the search before the budget, and the start it counts from.
    var deadline: (start: UInt64, end: UInt64)?

    init(context: WeekContext, seed: UInt64, budget: Int) {
        self.context = context
        moves = WeekMoves(context: context)
        random = SplitMix64(state: seed)
        self.budget = budget
    }

    private var problem: Problem { context.problem }

    /// Simulations run so far.
    var work: Int { moves.work }

    /// The best week found within the budget: built, then improved.
    mutating func run() -> WeekState { improve(construct()) }

    /// A first week: the kept plan's visits as they were, then booked visits, then the rest by insertion, shared
    /// out over `helpers` when given.
    mutating func construct(helpers: [Lane] = []) -> WeekState {
        let possible = problem.clients.indices.filter(isPossible)
        var current = WeekState(people: problem.staff.count, clients: problem.clients.count)
        // Bought tickets are travelled even by someone with no visits.
        for person in problem.staff.indices where !context.booked[person].isEmpty {
            current.schedules[person] = moves.simulate(person, [], fixed: current.fixed) ?? PersonSchedule()
        }
        // A kept plan's visits first, as they were, in time order.
        for (client, kept) in context.kept.sorted(by: { ($0.value.start, $0.key) < ($1.value.start, $1.key) }) {
            _ = moves.keep(client, people: kept.people, start: kept.start, into: &current)
        }
        let pinned = possible.filter { problem.clients[$0].isPinned && !current.isPlaced($0) }
        insert(pinned, into: &current)
        insert(possible.filter { !current.isPlaced($0) }.sorted(by: constructionOrder), into: &current, helpers: helpers)
        return current
    }

    /// Whether the first week may still try `client`: must-visits always are, the rest while effort is left (a week
    /// of many thousand clients stops inserting when the budget is spent, and the search then has none left).
    private func mayTry(_ client: Int, work: Int) -> Bool {
        work < budget || problem.clients[client].mustVisit
    }

    /// The best week found by ruin and recreate from `start` until the budget is spent (counting work done so far).
    mutating func improve(_ start: WeekState, spent: Int = 0) -> WeekState {
        moves.spend(spent)
        var current = start
        let possible = problem.clients.indices.filter { current.isPlaced($0) || isPossible($0) }
        var currentObjective = current.objective(context)
        var best = current, bestObjective = currentObjective
        let movable = possible.filter { !problem.clients[$0].isPinned }
        let first = moves.work
        progress?(0)
        var percent = 0
        defer { progress?(100) }
        // An iteration copies and scans the week's per-client arrays: each 4,096 clients cost about as much as eight
        // simulations (measured on a week of 20,000 clients), and count so, or a huge week runs far past its effort.
        let iterationCost = 1 + problem.clients.count / 4096 * 8
        while moves.work < budget && !movable.isEmpty {
            moves.spend(iterationCost)
            var progress = Double(moves.work - first) / Double(max(1, budget - first))
            if let deadline {
                let now = DispatchTime.now().uptimeNanoseconds
                if now >= deadline.end { break }
                progress = Double(now - deadline.start) / Double(max(1, deadline.end - deadline.start))
            }
            if let report = self.progress, Int(progress * 100) > percent, progress < 1 {
                percent = Int(progress * 100)
                report(percent)
            }
            var candidate = current
            let placed = movable.filter { candidate.isPlaced($0) }
            let most = max(1, min(20, placed.count / 2 + 1))
            let count = 1 + random.below(most)
            var removed: [Int] = []
            for client in chooseRemovals(count, placed: placed, in: candidate) where moves.remove(client, from: &candidate) {
                removed.append(client)
            }
            var pool = movable.filter { !candidate.isPlaced($0) && !removed.contains($0) }
            if pool.count > 2 * count + 8 {
                pool = (0..<(2 * count + 8)).map { _ in pool[random.below(pool.count)] }
                pool = Array(Set(pool)).sorted()
            }
            pool += removed
            moves.noise = random.below(2) == 0 ? 0 : 0.5 * random.unit()
            insert(reinsertionOrder(pool, progress: progress), into: &candidate)
            moves.noise = 0
            let objective = candidate.objective(context)
            let temperature = 2e8 * pow(60 / 2e8, progress)
            let delta = objective.value - currentObjective.value
            if delta >= 0 || random.unit() < exp(delta / temperature) {
                current = candidate
                currentObjective = objective
                if bestObjective < objective {
                    best = candidate
                    bestObjective = objective
                }
            }
        }
        return best
    }

    /// Whether anybody could attend the client at all (someone may lead, and they share a long enough window).
    private func isPossible(_ client: Int) -> Bool {
        let target = problem.clients[client]
        let length = Int64(target.meetingMinutes) * 60
        guard context.with[client].count == target.with.count else { return false }
        if target.isPinned { return !context.with[client].isEmpty }
        var shared = context.windows[client]
        for person in context.with[client] { shared = shared.intersection(problem.staff[person].availability) }
        return context.leads[client].contains {
            shared.intersection(problem.staff[$0].availability).earliestFit(seconds: length, notBefore: context.days[0].start) != nil
        }
    }

    private func constructionOrder(_ a: Int, _ b: Int) -> Bool {
        let x = problem.clients[a], y = problem.clients[b]
        return (x.mustVisit ? 0 : 1, context.isShared(a) ? 0 : 1, -x.priority, x.meetingMinutes, a)
            < (y.mustVisit ? 0 : 1, context.isShared(b) ? 0 : 1, -y.priority, y.meetingMinutes, b)
    }

    /// Must-visits first; then by priority with noise, at random, or in the order of their last possible start.
    private mutating func reinsertionOrder(_ pool: [Int], progress: Double) -> [Int] {
        let noise = 0.5 * (1 - progress) + 0.1
        let kind = random.below(3)
        let keyed = pool.map { client -> (Int, Double) in
            let target = problem.clients[client]
            let key: Double
            switch kind {
            case 0: key = Double(target.priority) * (1 + noise * (random.unit() - 0.5))
            case 1: key = random.unit()
            default: key = -Double(context.latestStart[client].seconds) / 1e6
            }
            return (client, (target.mustVisit ? 1e9 : 0) + key)
        }
        return keyed.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
    }

    private mutating func insert(_ clients: [Int], into state: inout WeekState) {
        for client in clients where !state.isPlaced(client) && mayTry(client, work: moves.work) {
            if let change = moves.bestInsertion(of: client, into: state) { moves.apply(change, to: &state) }
        }
    }

    /// Like `insert`, with each visit's candidates split between `helpers` (one per other thread, each with its own
    /// journeys): the same choices as one thread makes, found side by side.
    private mutating func insert(_ clients: [Int], into state: inout WeekState, helpers: [Lane]) {
        guard !helpers.isEmpty else { return insert(clients, into: &state) }
        moves.candidateLimit = WeekMoves.firstWeekCandidates
        defer { moves.candidateLimit = WeekMoves.candidateCount }
        let lanes = [Lane(moves)] + helpers
        for client in clients where !state.isPlaced(client) && mayTry(client, work: lanes.reduce(0) { $0 + $1.moves.work }) {
            guard let people = lanes[0].moves.singleCandidates(for: client, in: state), people.count > 1 else {
                if let change = lanes[0].moves.bestInsertion(of: client, into: state) { lanes[0].moves.apply(change, to: &state) }
                continue
            }
            let share = (people.count + lanes.count - 1) / lanes.count
            let frozen = state
            DispatchQueue.concurrentPerform(iterations: lanes.count) { index in
                let part = Array(people.dropFirst(index * share).prefix(share))
                lanes[index].found = part.isEmpty ? nil : lanes[index].moves.bestSingleInsertion(of: client, into: frozen, trying: part)
            }
            var best: RouteChange?
            for lane in lanes where lane.found.map({ $0.isBetter(than: best) }) ?? false { best = lane.found }
            if let best { lanes[0].moves.apply(best, to: &state) }
        }
        moves = lanes[0].moves
        moves.spend(helpers.reduce(0) { $0 + $1.moves.work })
    }

    /// Visits to take out: at random, those in one city, one person's visits on one day, or the costliest to reach.
    private mutating func chooseRemovals(_ count: Int, placed: [Int], in state: WeekState) -> [Int] {
        guard !placed.isEmpty else { return [] }
        let seed = placed[random.below(placed.count)]
        switch random.below(4) {
        case 0:
            return (0..<count).map { _ in placed[random.below(placed.count)] }
        case 1:
            let city = problem.clients[seed].place.cityID
            let same = placed.filter { problem.clients[$0].place.cityID == city }
            let others = placed.filter { problem.clients[$0].place.cityID != city }.shuffled(using: &random)
            return Array((same.shuffled(using: &random) + others).prefix(count))
        case 2:
            let person = state.attendees[seed][random.below(state.attendees[seed].count)]
            guard let start = state.starts[seed] else { return [seed] }
            let day = context.dayIndex(start)
            let sameDay = state.routes[person].filter { state.starts[$0].map(context.dayIndex) == day }
            return sameDay + state.routes[person].filter { !sameDay.contains($0) }.shuffled(using: &random).prefix(max(0, count - sameDay.count))
        default:
            let reach = placed.map { client in (client, arrivalSeconds(client, in: state) * Int64(1 + random.below(3))) }
            return reach.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(count).map(\.0)
        }
    }

    /// Seconds of the legs arriving at a visit, over all its attendees.
    private func arrivalSeconds(_ client: Int, in state: WeekState) -> Int64 {
        var total: Int64 = 0
        for person in state.attendees[client] {
            let schedule = state.schedules[person]
            guard let interval = schedule.visits.first(where: { $0.client == client })?.interval else { continue }
            if let leg = schedule.legs.last(where: { $0.journey.arrive <= interval.start }) { total += leg.journey.seconds }
        }
        return total
    }
}

/// One thread's share of a construction: its own moves (and journeys), and what it found last.
final class Lane: @unchecked Sendable {
    var moves: WeekMoves
    var found: RouteChange?

    init(_ moves: WeekMoves) { self.moves = moves }

    /// A lane with its own context for `problem`.
    convenience init(context: WeekContext) { self.init(WeekMoves(context: context)) }
}
