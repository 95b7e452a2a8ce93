import Itinerary
import Timeline

@testable import Planner

/// The best week for two people with one shared visit (one of them leads, the other is named in its `with`) by
/// exhaustive search: whether the shared visit is placed and at which start, who takes each other visit, and every
/// order of each person's visits. The yardstick the search is tested against; it shares no search code with the
/// planner (only `RouteSimulator` to time an order, and `WeekState.objective` to score a week).
///
/// Given the shared start and who takes what, the two people's weeks are independent, and the objective adds
/// their travel, cost and nights: the best week pairs each person's best order. So each person's best timed order
/// is found once per set of visits (and per shared start), then every split is scored.
struct TwoPersonExactPlanner {
    let context: WeekContext
    /// The client index of the shared visit.
    let shared: Int
    /// Whether to cut orders whose relaxed timing fails already (false: simulate every order, to check the cut).
    var cuts = true

    /// The best week found: its objective, the shared visit's start (nil: not placed), and each person's order.
    struct Week {
        var objective: Objective
        var start: Instant?
        var routes: [[Int]]
    }

    /// One person's best timed order of a set of visits.
    private struct Tour {
        var order: [Int]
        var schedule: PersonSchedule

        /// Whether this tour travels less (then costs less, spends fewer nights, is away from home less) than `other`.
        func isBetter(than other: Tour?) -> Bool {
            guard let other else { return true }
            return (schedule.travelSeconds, schedule.cost, schedule.nightsAway, schedule.awaySeconds)
                < (
                    other.schedule.travelSeconds, other.schedule.cost, other.schedule.nightsAway,
                    other.schedule.awaySeconds
                )
        }
    }

    private var problem: Problem { context.problem }

    /// Every start the shared visit may take: the start of every stretch when the client and both people are free
    /// (and the meeting fits), then every half hour while the meeting still fits in the stretch.
    func sharedStarts() -> [Instant] {
        let length = context.meetingSeconds[shared]
        var free = context.windows[shared]
        for person in problem.staff { free = free.intersection(person.availability) }
        var starts: [Instant] = []
        for stretch in free.intervals {
            var start = stretch.start
            while start + length <= stretch.end {
                starts.append(start)
                start = start + 1800
            }
        }
        return starts
    }

    /// The best week, trying the shared visit left out and at every start.
    func solve() -> Week {
        let ordinary = problem.clients.indices.filter { $0 != shared }
        let people = problem.staff.indices
        var best: Week?
        for start in [nil] + sharedStarts().map(Optional.some) {
            let tours = people.map { bestTours(person: $0, ordinary: ordinary, start: start) }
            // Every split of the ordinary visits: nobody, or one person who may lead it.
            var masks = [Int](repeating: 0, count: people.count)
            func split(_ index: Int) {
                guard index == ordinary.count else {
                    split(index + 1)
                    for person in context.leads[ordinary[index]] {
                        masks[person] |= 1 << index
                        split(index + 1)
                        masks[person] &= ~(1 << index)
                    }
                    return
                }
                var chosen: [Tour] = []
                for person in people {
                    guard let tour = tours[person][masks[person]] else { return }
                    chosen.append(tour)
                }
                let week = score(chosen, start: start)
                if best == nil || best!.objective < week.objective { best = week }
            }
            split(0)
        }
        return best!
    }

    /// The week of the given tours, scored by `WeekState.objective`.
    private func score(_ tours: [Tour], start: Instant?) -> Week {
        var state = WeekState(people: problem.staff.count, clients: problem.clients.count)
        for (person, tour) in tours.enumerated() {
            state.routes[person] = tour.order
            state.schedules[person] = tour.schedule
            for client in tour.order { state.attendees[client].append(person) }
        }
        return Week(objective: state.objective(context), start: start, routes: state.routes)
    }

    /// Per set of ordinary visits (bit `i` for `ordinary[i]`): the best timed order `person` can make of them (with
    /// the shared visit at `start`, when given), or nil when no order works.
    private func bestTours(person: Int, ordinary: [Int], start: Instant?) -> [Tour?] {
        let simulator = RouteSimulator(context: context)
        var fixed = [Instant?](repeating: nil, count: problem.clients.count)
        fixed[shared] = start
        var best = [Tour?](repeating: nil, count: 1 << ordinary.count)
        let bit = Dictionary(uniqueKeysWithValues: ordinary.enumerated().map { ($1, 1 << $0) })
        let candidates = ordinary.filter { context.leads[$0].contains(person) } + (start == nil ? [] : [shared])
        func record(_ order: [Int], mask: Int) {
            guard case .success(let schedule) = simulator.simulate(person: person, order: order, fixed: fixed) else {
                return
            }
            let tour = Tour(order: order, schedule: schedule)
            if tour.isBetter(than: best[mask]) { best[mask] = tour }
        }
        // Every order of every subset, depth first. A prefix is cut only when a relaxed timing already fails: the
        // earliest arrival the profiles allow (a lower bound on every journey, rising with the time one leaves), no
        // start rounding, no nights at home. The simulator's visits then end no earlier than the relaxed ones, so
        // no order that begins with the prefix can work.
        func search(_ order: [Int], mask: Int, at place: Int, free: Instant, remaining: [Int]) {
            let hasShared = order.contains(shared)
            if cuts, let start, !hasShared, free > start { return }
            if start == nil || hasShared { record(order, mask: mask) }
            for (index, client) in remaining.enumerated() {
                let there = context.placeIndex(client: client)
                let length = context.meetingSeconds[client]
                var rest = remaining
                rest.remove(at: index)
                guard cuts else {
                    search(order + [client], mask: mask | (bit[client] ?? 0), at: there, free: free, remaining: rest)
                    continue
                }
                guard
                    let arrival = place == there
                        ? free : context.cache.arrivalBound(from: place, to: there, notBefore: free)
                else { continue }
                let begin: Instant
                if client == shared {
                    guard let start, arrival <= start else { continue }
                    begin = start
                } else {
                    guard
                        let fit = context.commonWindows(client, person).earliestFit(seconds: length, notBefore: arrival)
                    else { continue }
                    begin = fit
                }
                search(
                    order + [client], mask: mask | (bit[client] ?? 0), at: there, free: begin + length, remaining: rest)
            }
        }
        search([], mask: 0, at: person, free: context.days[0].start, remaining: candidates)
        return best
    }
}
