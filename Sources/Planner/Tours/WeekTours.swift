import Dispatch
import Itinerary
import Timeline
import Travel

/// The week's tours, one per person, timed by simulating a person's whole week for every change that touches it
/// (`RouteSimulator`: timetables, travel hours and caps, calendars, nights, bought tickets). Shared visits (a
/// delegation, a booked meeting) sit on every attendee's tour at one fixed start; the local moves leave them where
/// they are, and never change a kept plan's visit that still stands.
struct WeekTours: TourModel {
    private(set) var context: WeekContext
    private(set) var state: WeekState
    private(set) var moves: WeekMoves
    /// Per visit: whether anyone could attend it at all.
    private let possible: [Bool]
    private var cached: Objective?
    private var nearest = NeighbourCache()

    /// An empty week over `context`, counting its simulations in `effort`.
    init(context: WeekContext, effort: Effort) {
        self.context = context
        let problem = context.problem
        state = WeekState(people: problem.staff.count, clients: problem.clients.count)
        moves = WeekMoves(context: context, effort: effort)
        possible = problem.clients.indices.map { WeekTours.isPossible($0, context: context) }
    }

    /// Past this many clients, the first week simulates only each person's most promising positions for a visit.
    static let largeWeek = 500

    /// What one must-visit is worth against priority in `worth` (as in `Objective.value`: 1e13 against 1e8).
    static let mustWeight = 1e5

    private var problem: Problem { context.problem }

    var visitCount: Int { problem.clients.count }
    var tourCount: Int { problem.staff.count }
    var routes: [[Int]] { state.routes }
    var toursAreAlike: Bool { false }
    var value: Objective {
        mutating get {
            if let cached { return cached }
            let found = state.objective(context)
            cached = found
            return found
        }
    }
    var annealingValue: Double { mutating get { value.value } }

    var settings: SearchSettings {
        SearchSettings(
            ruins: [.random, .related, .strings, .costliest], annealing: Annealing(hot: 2e8, cold: 60), hopeless: 2e8,
            polish: false,
            recreate: .ordered(sample: 2, extra: 8), mostRemoved: 20, ruinShare: 0.5, bigRuinEvery: nil,
            restartAfter: nil,
            // A step copies and scans the week's per-client arrays: each 4,096 clients cost about as much as eight
            // simulations (measured on a week of 20,000 clients), and count so, or a huge week runs past its effort.
            stepCost: 1 + problem.clients.count / 4096 * 8, reorderBest: true)
    }

    func tour(of visit: Int) -> Int { state.attendees[visit].count == 1 ? state.attendees[visit][0] : -1 }
    func isPlaced(_ visit: Int) -> Bool { state.isPlaced(visit) }
    func isMovable(_ visit: Int) -> Bool { !problem.clients[visit].isPinned }
    func isCandidate(_ visit: Int) -> Bool { possible[visit] && !isTwinPlaced(visit) }
    /// Whether the other way of meeting the visit's client is placed: then this one may not be.
    private func isTwinPlaced(_ visit: Int) -> Bool {
        let twin = context.modes.twin[visit]
        return twin >= 0 && state.isPlaced(twin)
    }
    func isMustVisit(_ visit: Int) -> Bool { problem.clients[visit].mustVisit }
    func worth(_ visit: Int) -> Double {
        Double(problem.clients[visit].priority) + (isMustVisit(visit) ? Self.mustWeight : 0)
    }
    func startTime(of visit: Int) -> Int64 { state.starts[visit]?.seconds ?? 0 }
    func day(of visit: Int) -> Int { state.starts[visit].map(context.dayIndex) ?? -1 }
    func city(of visit: Int) -> Int { context.cityIndex[visit] }
    func tours(of visit: Int) -> [Int] { state.attendees[visit] }
    func length(of tour: Int) -> Int64 { state.schedules[tour].weighedSeconds }
    func insertionPositions(of visit: Int, in tour: Int) -> ClosedRange<Int> { 0...state.routes[tour].count }

    /// Places are the clients, then each person's start and finish.
    private func placeOf(_ index: Int) -> Place {
        let clients = problem.clients.count
        if index < clients { return problem.clients[index].place }
        let person = problem.staff[(index - clients) / 2]
        return (index - clients) % 2 == 0 ? person.start ?? person.home : person.finish ?? person.home
    }

    func place(_ tour: Int, _ position: Int) -> Int {
        position < 0
            ? visitCount + 2 * tour
            : position < state.routes[tour].count ? state.routes[tour][position] : visitCount + 2 * tour + 1
    }

    func travel(_ a: Int, _ b: Int) -> Int64 {
        if a == b { return 0 }
        let from = placeOf(a)
        let to = placeOf(b)
        if let id = from.id, let other = to.id, let seconds = problem.travelMatrix.seconds(from: id, to: other) {
            return seconds
        }
        return problem.travelRules.roadSeconds(from: from.coordinate, to: to.coordinate)
    }

    /// The seconds of the legs that reach the visit, over all its attendees.
    func cost(of visit: Int) -> Int64 {
        var total: Int64 = 0
        for person in state.attendees[visit] {
            let schedule = state.schedules[person]
            guard let interval = schedule.visits.first(where: { $0.client == visit })?.interval else { continue }
            if let leg = schedule.legs.last(where: { $0.journey.arrive <= interval.start }) {
                total += leg.journey.seconds
            }
        }
        return total
    }

    mutating func neighbours(of visit: Int) -> [Int] {
        let problem = problem
        let possible = possible
        return nearest.neighbours(of: visit) {
            let here = problem.clients[visit].place.coordinate
            return Array(
                problem.clients.indices.filter { $0 != visit && possible[$0] }
                    .map { ($0, problem.clients[$0].place.coordinate.kilometres(to: here)) }
                    .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(30).map(\.0))
        }
    }

    mutating func remove(_ doomed: [Bool]) -> [Bool] {
        var taken = [Bool](repeating: false, count: visitCount)
        for visit in doomed.indices where doomed[visit] && moves.remove(visit, from: &state) { taken[visit] = true }
        cached = nil
        return taken
    }

    mutating func insertBest(_ visit: Int, avoiding: Int, noise: Double, random: inout SplitMix64) -> Bool {
        guard !isTwinPlaced(visit) else { return false }
        moves.noise = noise
        defer { moves.noise = 0 }
        let found: RouteChange?
        if avoiding >= 0, let people = moves.singleCandidates(for: visit, in: state, avoiding: avoiding) {
            found = moves.bestSingleInsertion(of: visit, into: state, trying: people)
        } else {
            found = moves.bestInsertion(of: visit, into: state)
        }
        guard let change = found else { return false }
        moves.apply(change, to: &state)
        cached = nil
        return true
    }

    mutating func cheapestInsertion(of visit: Int, into tour: Int) -> (shift: Int64, position: Int)? {
        guard !context.isShared(visit), context.leads[visit].contains(tour), !isTwinPlaced(visit),
            let change = moves.bestSingleInsertion(of: visit, into: state, trying: [tour]),
            let position = change.routes[0].firstIndex(of: visit)
        else { return nil }
        return (change.delta.0, position)
    }

    mutating func insert(_ visit: Int, tour: Int, position: Int) {
        guard !isTwinPlaced(visit) else { return }
        var order = state.routes[tour]
        order.insert(visit, at: position)
        guard let schedule = moves.simulate(tour, order, fixed: state.fixed) else { return }
        moves.apply(
            RouteChange(
                client: visit, people: [tour], routes: [order], schedules: [schedule], fixed: nil, delta: (0, 0, 0)),
            to: &state)
        cached = nil
    }

    /// The schedule `tour` would have with `route`, when it works, keeps the order rules and changes no kept visit.
    private mutating func trial(_ route: [Int], tour: Int) -> PersonSchedule? {
        guard let schedule = moves.simulate(tour, route, fixed: state.fixed) else { return nil }
        if !context.kept.isEmpty {
            for (client, interval) in schedule.visits {
                guard let kept = context.kept[client], state.starts[client] == kept.start,
                    state.attendees[client] == kept.people
                else { continue }
                if interval.start != kept.start { return nil }
            }
        }
        if context.hasPrecedence {
            let change = RouteChange(
                client: route.first ?? 0, people: [tour], routes: [route], schedules: [schedule], fixed: nil,
                delta: (0, 0, 0))
            guard moves.precedenceHolds(state, change) else { return nil }
        }
        return schedule
    }

    mutating func length(of route: [Int], tour: Int) -> Int64? {
        guard
            route.allSatisfy({
                state.routes[tour].contains($0) || (context.leads[$0].contains(tour) && !isTwinPlaced($0))
            })
        else {
            return nil
        }
        return trial(route, tour: tour)?.weighedSeconds
    }

    mutating func lengthWithout(_ position: Int, of tour: Int) -> Int64? {
        var route = state.routes[tour]
        route.remove(at: position)
        return trial(route, tour: tour)?.weighedSeconds
    }

    mutating func lengthWith(_ visit: Int, at position: Int, of tour: Int) -> Int64? {
        guard context.leads[visit].contains(tour), !isTwinPlaced(visit) else { return nil }
        var route = state.routes[tour]
        route.insert(visit, at: position)
        return trial(route, tour: tour)?.weighedSeconds
    }

    mutating func lengthJoining(_ a: Int, head: Int, _ b: Int, tail: Int) -> Int64? {
        let moved = state.routes[b][tail...]
        guard moved.allSatisfy({ context.leads[$0].contains(a) }) else { return nil }
        return trial(Array(state.routes[a][..<head] + moved), tour: a)?.weighedSeconds
    }

    mutating func bestSwap(_ visit: Int, tour: Int, best: inout Swap?) {
        guard !context.isShared(visit), context.leads[visit].contains(tour), !isTwinPlaced(visit) else { return }
        let worth = worth(visit)
        let route = state.routes[tour]
        let now = length(of: tour)
        for (position, old) in route.enumerated()
        where isMovable(old) && self.tour(of: old) == tour && !isMustVisit(old) {
            let gain = worth - self.worth(old)
            guard gain > 0, best == nil || gain >= best!.gain else { continue }
            var trial = route
            trial[position] = visit
            guard let schedule = self.trial(trial, tour: tour) else { continue }
            let shift = schedule.weighedSeconds - now
            if best == nil || gain > best!.gain || shift < best!.shift {
                best = Swap(gain: gain, shift: shift, tour: tour, position: position, visit: visit)
            }
        }
    }

    mutating func replaceRoutes(_ changes: [(tour: Int, route: [Int])]) {
        let staying = Set(changes.flatMap(\.route))
        for (tour, _) in changes {
            for visit in state.routes[tour] where !staying.contains(visit) && state.attendees[visit] == [tour] {
                state.attendees[visit] = []
                state.starts[visit] = nil
            }
        }
        for (tour, route) in changes {
            guard let schedule = moves.simulate(tour, route, fixed: state.fixed) else { continue }
            for visit in route where !state.attendees[visit].contains(tour) {
                state.attendees[visit] = [tour]
            }
            moves.apply(tour, route, schedule, to: &state)
        }
        cached = nil
    }

    /// Places the booked visits, then the visits of a kept plan as they were (in time order): a booking (a slot the
    /// client accepted) comes before a visit the last plan merely had; bought tickets and own events away are
    /// travelled even by someone with no visits.
    mutating func placeKeptAndBooked() {
        for person in problem.staff.indices where !context.commitments[person].isEmpty {
            state.schedules[person] = moves.simulate(person, [], fixed: state.fixed) ?? PersonSchedule()
        }
        for client in problem.clients.indices
        where problem.clients[client].isPinned && possible[client] && !state.isPlaced(client) && !isTwinPlaced(client) {
            _ = moves.bestInsertion(of: client, into: state).map { moves.apply($0, to: &state) }
        }
        for (client, kept) in context.kept.sorted(by: { ($0.value.start, $0.key) < ($1.value.start, $1.key) }) {
            _ = moves.keep(client, people: kept.people, start: kept.start, into: &state)
        }
        cached = nil
    }

    /// The same week over another context (another thread's journeys), counting work in `effort`.
    func rebased(context: WeekContext, effort: Effort) -> WeekTours {
        var copy = self
        copy.context = context
        copy.moves = WeekMoves(context: context, effort: effort)
        copy.nearest = NeighbourCache()
        return copy
    }

    /// The first week: every possible visit not yet placed, must-visits first, delegations next, then by priority
    /// (shortest meetings first), each where it adds least; with `lanes`, each visit's candidates are shared out
    /// over them. Past `budget` only must-visits are still tried (a week of many thousand clients).
    mutating func construct(lanes: [Lane], budget: Int) {
        let problem = problem
        let context = context
        let order = problem.clients.indices.filter { possible[$0] && !state.isPlaced($0) }.sorted { a, b in
            let x = problem.clients[a]
            let y = problem.clients[b]
            return (x.mustVisit ? 0 : 1, context.isShared(a) ? 0 : 1, -x.priority, x.meetingMinutes, a)
                < (y.mustVisit ? 0 : 1, context.isShared(b) ? 0 : 1, -y.priority, y.meetingMinutes, b)
        }
        if !lanes.isEmpty {
            let positions = problem.clients.count > Self.largeWeek ? WeekMoves.firstWeekPositions : nil
            (moves.candidateLimit, moves.positionLimit) = (WeekMoves.firstWeekCandidates, positions)
            for lane in lanes {
                (lane.moves.candidateLimit, lane.moves.positionLimit) = (WeekMoves.firstWeekCandidates, positions)
            }
        }
        defer {
            (moves.candidateLimit, moves.positionLimit, moves.everyoneForMustVisits) = (
                WeekMoves.candidateCount, nil, true
            )
        }
        for client in order
        where !state.isPlaced(client) && !isTwinPlaced(client)
            && (moves.work < budget || problem.clients[client].mustVisit)
        {
            let must = problem.clients[client].mustVisit
            setEveryoneForMustVisits(false, lanes: lanes)
            insertBest(client, lanes: lanes)
            if must && !state.isPlaced(client) {
                setEveryoneForMustVisits(true, lanes: lanes)
                insertBest(client, lanes: lanes)
            }
        }
    }

    private mutating func setEveryoneForMustVisits(_ everyone: Bool, lanes: [Lane]) {
        moves.everyoneForMustVisits = everyone
        for lane in lanes { lane.moves.everyoneForMustVisits = everyone }
    }

    /// Puts a visit where one of several lanes (each with its own journeys, one per thread) finds best: the same
    /// choice one lane makes, found side by side; their work counts here.
    private mutating func insertBest(_ visit: Int, lanes: [Lane]) {
        cached = nil
        guard !lanes.isEmpty, let people = moves.singleCandidates(for: visit, in: state), people.count > 1 else {
            if let change = moves.bestInsertion(of: visit, into: state) { moves.apply(change, to: &state) }
            return
        }
        let share = (people.count + lanes.count) / (lanes.count + 1)
        let frozen = state
        let all = [Lane(moves)] + lanes
        let before = lanes.map(\.moves.work)
        DispatchQueue.concurrentPerform(iterations: all.count) { index in
            let part = Array(people.dropFirst(index * share).prefix(share))
            all[index].found =
                part.isEmpty ? nil : all[index].moves.bestSingleInsertion(of: visit, into: frozen, trying: part)
        }
        var best: RouteChange?
        for lane in all where lane.found.map({ $0.isBetter(than: best) }) ?? false { best = lane.found }
        moves = all[0].moves
        moves.spend(zip(lanes, before).reduce(0) { $0 + $1.0.moves.work - $1.1 })
        if let best { moves.apply(best, to: &state) }
    }

    /// Whether anybody could attend the client at all (someone may lead, and they share a long enough window).
    private static func isPossible(_ client: Int, context: WeekContext) -> Bool {
        let problem = context.problem
        let target = problem.clients[client]
        let length = context.meetingSeconds[client]
        guard context.with[client].count == target.with.count else { return false }
        if target.isPinned { return !context.with[client].isEmpty }
        var shared = context.windows[client]
        for person in context.with[client] { shared = shared.intersection(problem.staff[person].availability) }
        return context.leads[client].contains {
            shared.intersection(problem.staff[$0].availability).earliestFit(
                seconds: length, notBefore: context.days[0].start) != nil
        }
    }
}

/// One thread's share of building the first week: its own moves (and journeys), and what it found last.
final class Lane: @unchecked Sendable {
    var moves: WeekMoves
    var found: RouteChange?

    init(_ moves: WeekMoves) { self.moves = moves }

    /// A lane with its own context (and effort).
    convenience init(context: WeekContext) { self.init(WeekMoves(context: context)) }
}
