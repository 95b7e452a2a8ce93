import Itinerary
import Timeline
import Travel

/// Insertions and removals on a `WeekState`, each kept feasible by simulating the routes it touches.
struct WeekMoves {
    let context: WeekContext
    let simulator: RouteSimulator
    /// Simulations run so far, shared by every copy: the search's measure of work.
    let effort: Effort
    var work: Int { effort.spent }
    /// How much each insertion's added travel is blurred (0: exact), so that a second-best place gets its turn.
    var noise = 0.0
    private var random = SplitMix64(state: 0x5EED)

    init(context: WeekContext, effort: Effort = Effort()) {
        self.context = context
        self.effort = effort
        simulator = RouteSimulator(context: context)
    }

    private var problem: Problem { context.problem }

    /// Counts work done elsewhere for this search (such as building the week it starts from).
    func spend(_ amount: Int) { effort.spend(amount) }

    /// What stops `order` for `person`, nil when it works; counts as work.
    mutating func obstacle(_ person: Int, _ order: [Int], fixed: [Instant?]) -> Obstacle? {
        effort.spend(1)
        guard case .failure(let obstacle) = simulator.simulate(person: person, order: order, fixed: fixed) else {
            return nil
        }
        return obstacle
    }

    mutating func simulate(_ person: Int, _ order: [Int], fixed: [Instant?]) -> PersonSchedule? {
        effort.spend(1)
        guard case .success(let schedule) = simulator.simulate(person: person, order: order, fixed: fixed) else {
            return nil
        }
        return schedule
    }

    /// Takes a placed visit out of every attendee's route; false (and no change) when a route no longer works.
    mutating func remove(_ client: Int, from state: inout WeekState) -> Bool {
        guard state.isPlaced(client), !problem.clients[client].isPinned else { return false }
        var updates: [(Int, [Int], PersonSchedule)] = []
        for person in state.attendees[client] {
            let order = state.routes[person].filter { $0 != client }
            guard let schedule = simulate(person, order, fixed: state.fixed) else { return false }
            updates.append((person, order, schedule))
        }
        func take(from week: inout WeekState) {
            week.attendees[client] = []
            week.starts[client] = nil
            week.fixed[client] = nil
            for (person, order, schedule) in updates { apply(person, order, schedule, to: &week) }
        }
        // Without precedence nothing can refuse the change: make it in place, not on a copy of every client's arrays.
        guard context.hasPrecedence else {
            take(from: &state)
            return true
        }
        var trial = state
        take(from: &trial)
        guard precedenceHolds(trial, people: updates.map(\.0)) else { return false }
        state = trial
        return true
    }

    /// Puts a kept visit back as it was, the same people at the same start, when the client's windows, everyone's
    /// free time, the rules on who attends, and their weeks still allow it.
    mutating func keep(_ client: Int, people: [Int], start: Instant, into state: inout WeekState) -> Bool {
        let target = problem.clients[client]
        let meeting = Interval(start, start + Int64(target.meetingMinutes) * 60)
        guard !state.isPlaced(client), context.windows[client].contains(meeting),
            people.allSatisfy({ problem.staff[$0].availability.contains(meeting) }),
            Set(context.with[client]).isSubset(of: people)
        else { return false }
        if let pinned = target.pinnedStart {
            guard pinned == start, Set(people) == Set(context.with[client]) else { return false }
        } else {
            let leads = people.filter { context.leads[client].contains($0) }
            guard leads.count == people.count - context.with[client].count, leads.count == 1 else { return false }
        }
        var fixed = state.fixed
        fixed[client] = start
        var change = RouteChange(
            client: client, people: people, routes: [], schedules: [], fixed: start, delta: (0, 0, 0))
        for person in people {
            var order = state.routes[person]
            order.insert(client, at: order.firstIndex { (state.starts[$0] ?? start) > start } ?? order.count)
            guard let schedule = simulate(person, order, fixed: fixed) else { return false }
            change.routes.append(order)
            change.schedules.append(schedule)
        }
        guard precedenceHolds(state, change) else { return false }
        apply(change, to: &state)
        return true
    }

    /// The cheapest feasible way to place `client`, if any. Counts as work even when nothing needs simulating.
    mutating func bestInsertion(of client: Int, into state: WeekState) -> RouteChange? {
        effort.spend(1)
        return context.isShared(client)
            ? bestSharedInsertion(of: client, into: state) : bestSingleInsertion(of: client, into: state)
    }

    mutating func apply(_ change: RouteChange, to state: inout WeekState) {
        state.fixed[change.client] = change.fixed
        state.attendees[change.client] = change.people.sorted()
        for (index, person) in change.people.enumerated() {
            apply(person, change.routes[index], change.schedules[index], to: &state)
        }
    }

    /// The change's added travel as compared: blurred by up to `noise` of itself (and of an hour).
    private mutating func weigh(_ change: inout RouteChange) {
        let travel = Double(change.delta.0)
        change.weighed = noise == 0 ? travel : travel + noise * (abs(travel) + 3600) * random.unit()
    }

    func apply(_ person: Int, _ order: [Int], _ schedule: PersonSchedule, to state: inout WeekState) {
        state.routes[person] = order
        state.schedules[person] = schedule
        for (client, interval) in schedule.visits { state.starts[client] = interval.start }
    }

    private mutating func bestSingleInsertion(of client: Int, into state: WeekState) -> RouteChange? {
        bestSingleInsertion(
            of: client, into: state, trying: candidates(for: client, among: context.leads[client], in: state))
    }

    /// The people `bestInsertion` would try for a visit, when it needs one lead and no fixed start; nil otherwise.
    /// With `avoiding`, that person is not among them (a visit handed over to someone else).
    func singleCandidates(for client: Int, in state: WeekState, avoiding: Int = -1) -> [Int]? {
        context.isShared(client)
            ? nil : candidates(for: client, among: context.leads[client].filter { $0 != avoiding }, in: state)
    }

    /// The cheapest feasible way to place a visit led by one of `people` (a visit without a fixed start).
    mutating func bestSingleInsertion(of client: Int, into state: WeekState, trying people: [Int]) -> RouteChange? {
        let length = Int64(problem.clients[client].meetingMinutes) * 60
        var best: RouteChange?
        let large = context.leads[client].count > Self.candidateCount
        for person in people {
            guard
                context.commonWindows(client, person).earliestFit(seconds: length, notBefore: context.days[0].start)
                    != nil
            else { continue }
            let route = state.routes[person]
            let old = state.schedules[person]
            let latest = context.latestStart[client]
            let earliest = context.windows[client].intervals.first?.start ?? latest
            var open: [(position: Int, detour: Int64)] = []
            for position in 0...route.count {
                // After a visit that already ends too late, no later position can work either.
                if position > 0, position <= old.visits.count, old.visits[position - 1].interval.end > latest { break }
                // In a large team, only where the visit can keep its neighbours' times: not before a visit over before
                // the client can begin.
                if large, position < old.visits.count, old.visits[position].interval.end <= earliest { continue }
                guard let detour = detourBound(client, person: person, at: position, in: state) else { continue }
                open.append((position, detour))
            }
            if let most = positionLimit, open.count > most {
                open = Array(open.sorted { ($0.detour, $0.position) < ($1.detour, $1.position) }.prefix(most))
            }
            for (position, _) in open {
                var order = route
                order.insert(client, at: position)
                guard let schedule = simulate(person, order, fixed: state.fixed) else { continue }
                var change = RouteChange(
                    client: client, people: [person], routes: [order], schedules: [schedule], fixed: nil,
                    delta: (
                        schedule.weighedSeconds - old.weighedSeconds, schedule.cost - old.cost,
                        schedule.nightsAway - old.nightsAway
                    ))
                weigh(&change)
                guard change.isBetter(than: best), precedenceHolds(state, change) else { continue }
                best = change
            }
        }
        return best
    }

    /// How many people an insertion tries at most.
    static let candidateCount = 7
    /// How many people an insertion tries now: the first week tries fewer (it is ready sooner; the search that
    /// follows tries `candidateCount`).
    var candidateLimit = candidateCount
    /// The first week's limit, when it is built side by side (six people split evenly over two threads).
    static let firstWeekCandidates = 6
    /// How many positions per person an insertion simulates, those with the least estimated detour first (nil: every
    /// position that passes the bounds). The first week of a large team simulates only the most promising few.
    var positionLimit: Int?
    /// Whether a must-visit is tried with everyone who may lead it, not only the usual few (the first week tries
    /// the few first, and everyone only when none of them can take it).
    var everyoneForMustVisits = true
    /// The first week's position limit.
    static let firstWeekPositions = 3

    /// The people worth trying for a visit: all of them in a small team or for a must-visit; in a large team, those
    /// already going to the client's city (fewest visits first) and a few with the emptiest weeks.
    private func candidates(for client: Int, among leads: [Int], in state: WeekState) -> [Int] {
        let most = candidateLimit
        // A must-visit (few, and first in the objective) is worth trying with everyone.
        guard leads.count > most, !(everyoneForMustVisits && problem.clients[client].mustVisit) else { return leads }
        let city = problem.clients[client].place.cityID
        let going = leads.filter { person in state.routes[person].contains { problem.clients[$0].place.cityID == city }
        }
        let byLoad = { (a: Int, b: Int) in (state.routes[a].count, a) < (state.routes[b].count, b) }
        let nearby = going.sorted(by: byLoad).prefix(most - 2)
        let idle = leads.filter { !nearby.contains($0) }.sorted(by: byLoad).prefix(most - nearby.count)
        return Array(nearby) + Array(idle)
    }

    /// Whether inserting a visit at `position` of a person's route passes two quick bounds: the earliest arrival
    /// from the visit before (which keeps its time) comes by the client's latest start, and from the earliest end
    /// of the meeting the next visit can still be reached by its latest (or fixed) start. Travel hours, caps and
    /// nights only make arrivals later, so a failed bound means the simulation would fail too. When it passes, the
    /// detour those bounds estimate (seconds to the visit and on to the next place, less the seconds between the two),
    /// for ranking positions; 0 when the schedule does not match the route.
    private func detourBound(_ client: Int, person: Int, at position: Int, in state: WeekState) -> Int64? {
        let route = state.routes[person]
        let old = state.schedules[person]
        guard old.visits.count == route.count else { return 0 }
        // A call travels nowhere, and after a call the person is where they were before it: no bound from places.
        if context.modes.any {
            let online = context.modes.online
            guard !online[client], position == 0 || !online[route[position - 1]],
                position == route.count || !online[route[position]]
            else { return 0 }
        }
        let here = context.placeIndex(client: client)
        let from = position == 0 ? person : context.placeIndex(client: route[position - 1])
        let leaving = position == 0 ? context.days[0].start : old.visits[position - 1].interval.end
        guard let arrival = context.cache.arrivalBound(from: from, to: here, notBefore: leaving),
            arrival <= context.latestStart[client]
        else { return nil }
        let length = Int64(problem.clients[client].meetingMinutes) * 60
        let next = position < route.count ? context.placeIndex(client: route[position]) : context.finishIndex(person)
        let direct = context.cache.arrivalBound(from: from, to: next, notBefore: leaving).map { $0 - leaving } ?? 0
        guard position < route.count else {
            let ended = arrival + length
            let home = context.cache.arrivalBound(from: here, to: next, notBefore: ended).map { $0 - ended } ?? 0
            let toVisit = arrival - leaving
            return toVisit + home - direct
        }
        guard let begin = context.commonWindows(client, person).earliestFit(seconds: length, notBefore: arrival),
            let reach = context.cache.arrivalBound(from: here, to: next, notBefore: begin + length),
            reach <= (state.fixed[route[position]] ?? context.latestStart[route[position]])
        else { return nil }
        let toVisit = arrival - leaving
        let onward = reach - (begin + length)
        return toVisit + onward - direct
    }

    /// Places a delegation's or booked visit: for each candidate lead and start, each attendee's best position.
    private mutating func bestSharedInsertion(of client: Int, into state: WeekState) -> RouteChange? {
        let target = problem.clients[client]
        let length = Int64(target.meetingMinutes) * 60
        let required = context.with[client]
        guard required.count == target.with.count else { return nil }
        let leads: [Int?] =
            target.isPinned ? [nil] : candidates(for: client, among: context.leads[client], in: state).map { $0 }
        var best: RouteChange?
        for lead in leads {
            let people = required + (lead.map { [$0] } ?? [])
            for start in candidateStarts(client, people: people, length: length) {
                var fixed = state.fixed
                fixed[client] = start
                var change = RouteChange(
                    client: client, people: people, routes: [], schedules: [], fixed: start, delta: (0, 0, 0))
                for person in people {
                    let route = state.routes[person]
                    let old = state.schedules[person]
                    var chosen: ([Int], PersonSchedule)?
                    // Positions around the start: after every visit that currently starts before it.
                    let position =
                        route.firstIndex { (state.starts[$0] ?? .init(seconds: .max)) > start } ?? route.count
                    for at in Set([position, max(0, position - 1), min(route.count, position + 1)]).sorted() {
                        var order = route
                        order.insert(client, at: at)
                        guard let schedule = simulate(person, order, fixed: fixed) else { continue }
                        if chosen == nil || schedule.weighedSeconds < chosen!.1.weighedSeconds {
                            chosen = (order, schedule)
                        }
                    }
                    guard let (order, schedule) = chosen else {
                        change.routes = []
                        break
                    }
                    change.routes.append(order)
                    change.schedules.append(schedule)
                    change.delta.0 += schedule.weighedSeconds - old.weighedSeconds
                    change.delta.1 += schedule.cost - old.cost
                    change.delta.2 += schedule.nightsAway - old.nightsAway
                }
                guard change.routes.count == people.count else { continue }
                weigh(&change)
                guard change.isBetter(than: best), precedenceHolds(state, change) else { continue }
                best = change
            }
        }
        return best
    }

    /// Starts worth trying for a shared visit: the booked time, or the start of every stretch when all attendees
    /// and the client are free, and every half hour within it (at most 48).
    func candidateStarts(_ client: Int, people: [Int], length: Int64) -> [Instant] {
        if let pinned = problem.clients[client].pinnedStart { return [pinned] }
        var free = context.windows[client]
        for person in people { free = free.intersection(problem.staff[person].availability) }
        var starts: [Instant] = []
        for window in free.intervals where window.seconds >= length {
            var start = window.start
            while start + length <= window.end {
                starts.append(start)
                start = start + 1800
            }
        }
        guard starts.count > 48 else { return starts }
        return (0..<48).map { starts[$0 * starts.count / 48] }
    }

    /// Whether every precedence touching the visits of the changed routes holds after `change`.
    func precedenceHolds(_ state: WeekState, _ change: RouteChange) -> Bool {
        guard context.hasPrecedence else { return true }
        var starts: [Int: Instant] = [:]
        for schedule in change.schedules {
            for (client, interval) in schedule.visits { starts[client] = interval.start }
        }
        func start(_ client: Int) -> Instant? {
            starts[client] ?? (state.isPlaced(client) ? state.starts[client] : nil)
        }
        func length(_ client: Int) -> Int64 { Int64(problem.clients[client].meetingMinutes) * 60 }
        for (client, begin) in starts {
            for earlier in context.before[client] {
                if let other = start(earlier), other + length(earlier) > begin { return false }
            }
            for later in context.after[client] {
                if let other = start(later), other < begin + length(client) { return false }
            }
        }
        return true
    }

    func precedenceHolds(_ state: WeekState, people: [Int]) -> Bool {
        guard context.hasPrecedence else { return true }
        for person in people {
            for client in state.routes[person] {
                guard let start = state.starts[client] else { continue }
                let end = start + Int64(problem.clients[client].meetingMinutes) * 60
                for earlier in context.before[client] {
                    if let other = state.starts[earlier], state.isPlaced(earlier),
                        other + Int64(problem.clients[earlier].meetingMinutes) * 60 > start
                    {
                        return false
                    }
                }
                for later in context.after[client] {
                    if let other = state.starts[later], state.isPlaced(later), other < end { return false }
                }
            }
        }
        return true
    }
}
