import Itinerary
import Messages
import Timeline
import Travel

/// Why no slot can be offered at all.
public struct OfferError: Error, Sendable, Hashable {
    /// What is wrong and what to do, in the users' words.
    public var message: Message
}

/// Finds the slots in which a member of staff could meet a client, given a plan of the week: times inside the
/// client's free time and that of everyone who attends, which each attendee's week reaches with the plan's other
/// visits kept where they are (or, failing that, with one of the lead's visits moved), each with its extra travel,
/// nights and cost. Every slot is timed by the planner's own simulation, so a slot pinned as a booked visit is one
/// the next plan can keep.
public struct SlotFinder: Sendable {
    /// The week's problem; it has the client.
    public let problem: Problem
    /// How to travel.
    public let router: Router
    /// The week as planned (nil: an empty week).
    public let plan: Plan?
    /// Seconds between the starts tried: 1800, the half hours.
    public var step: Int64 = 1800

    /// A finder over a problem, its router and the current plan.
    public init(problem: Problem, router: Router, plan: Plan?) {
        self.problem = problem
        self.router = router
        self.plan = plan
    }

    /// At most `count` slots for `client` led by `staff`, cheapest first but spread over the week (no two
    /// overlapping, one a day before a second on any day), then in time order; with `proposed`, only a meeting
    /// starting then (a time the client proposed), in person or online.
    public func slots(client id: String, staff: String, count: Int, at proposed: Instant? = nil) throws(OfferError)
        -> [OfferedSlot]
    {
        let context = WeekContext(
            problem: problem, router: router, times: WeekContext.travelTimes(problem: problem, router: router))
        let expanded = context.problem
        guard let client = problem.clients.firstIndex(where: { $0.id == id }) else {
            throw OfferError(message: Message(.offerUnknownClient, ["client": .text(id)]))
        }
        guard let lead = context.personIndex[staff] else {
            throw OfferError(message: Message(.offerUnknownStaff, ["staff": .text(staff)]))
        }
        let target = problem.clients[client]
        guard target.pinnedStart == nil else {
            throw OfferError(message: Message(.offerAlreadyBooked, ["client": .text(target.name)]))
        }
        guard target.mayBeLed(by: problem.staff[lead]) else {
            throw OfferError(
                message: Message(
                    .offerMayNotLead, ["client": .text(target.name), "person": .text(problem.staff[lead].name)]))
        }
        let people = [lead] + context.with[client].filter { $0 != lead }
        // Each attendee's week as the plan has it: their visits (other than this client's) at their times.
        let index = Dictionary(expanded.clients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var fixed = [Instant?](repeating: nil, count: expanded.clients.count)
        var routes: [[Int]] = Array(repeating: [], count: problem.staff.count)
        var placed: [Int: Interval] = [:]
        for visit in (plan?.visits ?? []).sorted(by: { $0.start < $1.start }) where visit.client != id {
            guard var way = index[visit.client] else { continue }
            if visit.isOnline != context.modes.online[way] { way = context.modes.twin[way] }
            guard way >= 0 else { continue }
            fixed[way] = visit.start
            placed[way] = visit.interval
            for person in visit.staff.compactMap({ context.personIndex[$0] }) { routes[person].append(way) }
        }
        let simulator = RouteSimulator(context: context)
        var before: [Int: PersonSchedule] = [:]
        for person in people {
            switch simulator.simulate(person: person, order: routes[person], fixed: fixed) {
            case .success(let schedule): before[person] = schedule
            case .failure(let obstacle):
                let words = Explainer(context: context, state: WeekState(people: 0, clients: 0)).words(
                    obstacle, person: person)
                throw OfferError(
                    message: Message(
                        .offerPlanBroken, ["person": .text(problem.staff[person].name), "why": .message(words)]))
            }
        }
        // In person where the client may be met so, online where it may be met so.
        let ways = [client, context.modes.twin[client]].filter { $0 >= 0 }
        var found: [OfferedSlot] = []
        for way in ways {
            var free = context.windows[way]
            for person in people { free = free.intersection(context.commonWindows(way, person)) }
            let length = context.meetingSeconds[way]
            for window in free.intervals {
                var start = proposed ?? Instant(seconds: (window.start.seconds + step - 1) / step * step)
                while start >= window.start && start + length <= window.end {
                    defer { start = proposed == nil ? start + step : window.end }
                    let meeting = Interval(start, start + length)
                    guard keepsOrder(way, meeting, placed: placed, context: context),
                        !(context.modes.online[way] && found.contains { $0.start == start && !$0.isOnline })
                    else { continue }
                    if let slot = slot(
                        way, at: meeting, people: people, routes: routes, fixed: fixed, before: before,
                        simulator: simulator)
                    {
                        found.append(slot)
                    }
                }
            }
        }
        return Self.chosen(found, count: count, zone: problem.zone)
    }

    /// The slot of meeting the client by `way` over `meeting`, when every attendee's week takes it (the lead's
    /// perhaps by moving one of their visits), nil when not.
    private func slot(
        _ way: Int, at meeting: Interval, people: [Int], routes: [[Int]], fixed: [Instant?],
        before: [Int: PersonSchedule], simulator: RouteSimulator
    ) -> OfferedSlot? {
        var fixed = fixed
        fixed[way] = meeting.start
        func insert(_ route: [Int]) -> [Int] {
            var order = route
            order.insert(way, at: route.firstIndex { (fixed[$0] ?? meeting.start) > meeting.start } ?? route.count)
            return order
        }
        var travel: Int64 = 0
        var nights = 0
        var cost = 0.0
        var moves: [String] = []
        for (rank, person) in people.enumerated() {
            let old = before[person]!
            var best: (schedule: PersonSchedule, moved: Int?)?
            if case .success(let schedule) = simulator.simulate(
                person: person, order: insert(routes[person]), fixed: fixed)
            {
                best = (schedule, nil)
            } else if rank == 0 {
                // The lead may move one visit of their own (not a booked or shared one) to make room.
                for other in routes[person] where !simulator.context.isShared(other) {
                    var moved = fixed
                    moved[other] = nil
                    guard
                        case .success(let schedule) = simulator.simulate(
                            person: person, order: insert(routes[person].filter { $0 != other }), fixed: moved)
                    else { continue }
                    if best == nil || schedule.travelSeconds < best!.schedule.travelSeconds { best = (schedule, other) }
                }
            }
            guard let (schedule, moved) = best else { return nil }
            travel += schedule.travelSeconds - old.travelSeconds
            nights += schedule.nightsAway - old.nightsAway
            cost += schedule.cost - old.cost
            if let moved { moves.append(simulator.context.problem.clients[moved].id) }
        }
        return OfferedSlot(
            start: meeting.start, end: meeting.end, mode: simulator.context.modes.online[way] ? .online : nil,
            extraTravelMinutes: Int(travel / 60), extraNights: nights, extraCost: cost, moves: moves)
    }

    /// Whether a meeting then keeps the order rules with the visits the plan has placed.
    private func keepsOrder(_ way: Int, _ meeting: Interval, placed: [Int: Interval], context: WeekContext) -> Bool {
        context.before[way].allSatisfy { placed[$0].map { $0.end <= meeting.start } ?? true }
            && context.after[way].allSatisfy { placed[$0].map { $0.start >= meeting.end } ?? true }
    }

    /// The slots to offer: without moving a visit before with, in person before online, then by extra travel,
    /// nights, cost and time; no two overlapping; one a day until every day with a slot has one; in time order.
    static func chosen(_ slots: [OfferedSlot], count: Int, zone: Zone) -> [OfferedSlot] {
        let ranked = slots.sorted {
            ($0.moves.count, $0.isOnline ? 1 : 0, $0.extraTravelMinutes, $0.extraNights, $0.extraCost, $0.start)
                < ($1.moves.count, $1.isOnline ? 1 : 0, $1.extraTravelMinutes, $1.extraNights, $1.extraCost, $1.start)
        }
        var picked: [OfferedSlot] = []
        for onePerDay in [true, false] {
            for slot in ranked where picked.count < count {
                let day = zone.date(of: slot.start)
                guard !picked.contains(where: { $0.start < slot.end && slot.start < $0.end }),
                    !onePerDay || !picked.contains(where: { zone.date(of: $0.start) == day })
                else { continue }
                picked.append(slot)
            }
        }
        return picked.sorted { $0.start < $1.start }
    }
}
