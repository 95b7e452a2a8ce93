import Dispatch
import Itinerary
import Messages
import Synchronization
import Timeline
import Travel

/// Chains the team's week: which clients, who goes, in what order, which services between them, where they sleep,
/// and why anything was left out.
public struct Planner: Sendable {
    /// Knobs of a solve.
    public struct Options: Sendable, Hashable {
        /// Seed of the search; the same input, seed, seconds and threads give the same plan.
        public var seed: UInt64
        /// Search effort, in seconds of a reference machine (counted in simulated routes, so runs repeat exactly).
        public var seconds: Double
        /// Independent searches run side by side; the best plan wins.
        public var threads: Int
        /// Wall-clock seconds from the start of the solve after which the search stops, whatever effort is left (for
        /// benchmarks: a run that stops by the clock does not repeat exactly).
        public var wallSeconds: Double?

        /// Options with a seed, effort and thread count.
        public init(seed: UInt64 = 1, seconds: Double = 1, threads: Int = 2) {
            self.seed = seed
            self.seconds = seconds
            self.threads = max(1, threads)
        }

        /// Simulated routes per second of search on the reference machine (`WeekTours`).
        static let workPerSecond = 80_000.0
        /// Insertion checks and tour timings per second of search on the reference machine (`WindowTours`; measured on
        /// r101 with two tours: two seconds of effort took 0.35 s more than one).
        static let checksPerSecond = 5_000_000.0
    }

    /// What to plan.
    public let problem: Problem
    /// How to travel.
    public let router: Router
    /// Knobs.
    public let options: Options
    /// A plan to keep as far as it still works: its visits stay with the same people at the same times unless
    /// that is no longer possible or a must-visit needs the room; what changes is listed in the new plan.
    public let previous: Plan?
    private let times: TravelTimes

    /// A planner for a problem over a router, keeping `previous` where it can.
    public init(problem: Problem, router: Router, options: Options = Options(), keeping previous: Plan? = nil) {
        self.problem = problem
        self.router = router
        self.options = options
        self.previous = previous
        times = WeekContext.travelTimes(problem: problem, router: router)
    }

    /// Plans the week; `progress` hears the percent of the search done (from one of the searches): 0 as soon as a
    /// first feasible week exists, 100 when the search ends. A problem with fixed travel times and one window per
    /// visit is searched over `WindowTours`, any other over `WeekTours`: the same engine either way.
    public func solve(progress: (@Sendable (Int) -> Void)? = nil) -> Plan {
        let started = DispatchTime.now().uptimeNanoseconds
        let deadline = options.wallSeconds.map { (start: started, end: started + UInt64(max(0, $0) * 1e9)) }
        let context = WeekContext(problem: problem, router: router, times: times, keeping: previous)
        let routes: [[Int]]
        if let layout = WindowLayout(problem: problem, context: context, keeping: previous) {
            routes = solveWindows(layout, deadline: deadline, progress: progress)
        } else {
            return solveWeek(context, deadline: deadline, progress: progress)
        }
        return plan(from: context.week(of: routes), context: context)
    }

    /// The searches over `WindowTours`, side by side from one first solution; the best routes.
    private func solveWindows(
        _ layout: WindowLayout, deadline: (start: UInt64, end: UInt64)?, progress: (@Sendable (Int) -> Void)?
    ) -> [[Int]] {
        let budget = Int(min(options.seconds * Options.checksPerSecond, Double(Int.max / 2)))
        let effort = Effort()
        var first = WindowTours(layout: layout, effort: effort)
        var random = SplitMix64(state: options.seed)
        GreedyInsertion().recreate(&first, free: first.freeVisits, random: &random)
        LocalSearch().improve(&first, random: &random)
        let spent = effort.spent
        let results = Mutex([Int: WindowTours]())
        let (seed, first0) = (options.seed, first)
        DispatchQueue.concurrentPerform(iterations: options.threads) { thread in
            let own = Effort()
            own.spend(spent)
            var start = first0
            start.rebase(effort: own)
            var search = Search<WindowTours>(
                settings: start.settings, seed: seed &+ UInt64(thread) &* 0x9E37_79B9, effort: own, budget: budget)
            if thread == 0 { search.progress = progress }
            search.deadline = deadline
            let best = search.improve(start)
            results.withLock { $0[thread] = best }
        }
        var all = results.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        var chosen = all.removeFirst()
        for other in all where chosen.value < other.value { chosen = other }
        return chosen.routes
    }

    /// The searches over `WeekTours`: a first week (kept and booked visits, then the rest by insertion, shared out
    /// over the threads), then independent searches from it; the best week's plan.
    private func solveWeek(
        _ warm: WeekContext, deadline: (start: UInt64, end: UInt64)?, progress: (@Sendable (Int) -> Void)?
    ) -> Plan {
        let budget = Int(options.seconds * Options.workPerSecond)
        let effort = Effort()
        var first = WeekTours(context: warm, effort: effort)
        first.placeKeptAndBooked()
        let (problem, router, times, previous) = (problem, router, times, previous)
        let lanes = (1..<options.threads).map { _ in
            Lane(context: WeekContext(problem: problem, router: router, times: times, keeping: previous))
        }
        first.construct(lanes: lanes, budget: budget)
        let spent = effort.spent
        let results = Mutex([Int: (WeekTours, WeekContext)]())
        let (seed, start) = (options.seed, first)
        DispatchQueue.concurrentPerform(iterations: options.threads) { thread in
            // The first search goes on with the builder's journeys.
            let context =
                thread == 0 ? warm : WeekContext(problem: problem, router: router, times: times, keeping: previous)
            let own = Effort()
            own.spend(spent)
            let tours = start.rebased(context: context, effort: own)
            var search = Search<WeekTours>(
                settings: tours.settings, seed: seed &+ UInt64(thread) &* 0x9E37_79B9, effort: own, budget: budget)
            if thread == 0 { search.progress = progress }
            search.deadline = deadline
            let best = search.improve(tours) { context.latestStart[$0].seconds }
            results.withLock { $0[thread] = (best, context) }
        }
        var all = results.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        var chosen = all.removeFirst()
        for var other in all where chosen.0.value < other.0.value { chosen = other }
        return plan(from: chosen.0.state, context: chosen.1)
    }

    /// The plan of a search state: legs moved to leave late, stays, reasons for what was left out, and the score.
    private func plan(from state: WeekState, context: WeekContext) -> Plan {
        let simulator = RouteSimulator(context: context)
        // The problem with the online visits of clients that may be met either way.
        let problem = context.problem
        let online = OnlineReason(context: context, state: state)
        var visits: [ScheduledVisit] = []
        var legs: [Leg] = []
        var stays: [Stay] = []
        for (person, route) in state.routes.enumerated() {
            let staff = problem.staff[person]
            let schedule: PersonSchedule
            switch simulator.simulate(person: person, order: route, fixed: state.fixed, leaveLate: true) {
            case .success(let late): schedule = late
            case .failure: schedule = state.schedules[person]
            }
            let tickets = context.booked[person].map(\.leg)
            var lastArrival: Instant?
            for (from, to, exact) in schedule.legs {
                // Times people read are whole minutes; a leg never leaves before the one before it arrived.
                let journey = context.wholeMinutes ? exact.onWholeMinutes(notBefore: lastArrival) : exact
                lastArrival = journey.arrive
                var leg = Leg(
                    person: staff.id, fromCity: from.cityID, toCity: to.cityID, from: from.label, to: to.label,
                    journey: journey)
                leg.fromPlace = from.id
                leg.toPlace = to.id
                if tickets.contains(where: { $0.isSameTrip(as: leg) }) { leg.booked = true }
                legs.append(leg)
            }
            for (night, city) in zip(problem.days, schedule.nights) {
                if let city {
                    stays.append(Stay(person: staff.id, city: city, night: night, cost: problem.hotelPrice(in: city)))
                }
            }
            for (client, interval) in schedule.visits where state.attendees[client].min() == person {
                let target = problem.clients[client]
                var visit = ScheduledVisit(
                    client: target.id, clientName: target.name, city: target.place.cityID,
                    staff: state.attendees[client].map { problem.staff[$0].id }, start: interval.start,
                    end: interval.end)
                if context.modes.online[client] {
                    visit.mode = .online
                    visit.link = problem.meetingLink?.link(
                        client: target.id, date: problem.zone.date(of: interval.start).description, staff: staff.id)
                    if context.modes.twin[client] >= 0 { visit.onlineReason = online.why(client) }
                }
                visits.append(visit)
            }
        }
        visits.sort { ($0.start, $0.client) < ($1.start, $1.client) }
        legs.sort { ($0.person, $0.depart) < ($1.person, $1.depart) }
        stays.sort { ($0.person, $0.night) < ($1.person, $1.night) }
        var explainer = Explainer(
            context: context, state: state,
            budget: max(Int(options.seconds * Options.workPerSecond) / 4, Explainer.minimumBudget))
        let leftOut = explainer.explain(
            (0..<context.modes.clients).filter { client in
                let twin = context.modes.twin[client]
                return !state.isPlaced(client) && !(twin >= 0 && state.isPlaced(twin))
            })
        let placed = Set(visits.map(\.client))
        let clients = problem.clients
        var score = Score(
            mustVisitsPlaced: clients.filter { $0.mustVisit && placed.contains($0.id) }.count,
            mustVisitsTotal: clients.filter(\.mustVisit).count,
            priorityPlaced: clients.filter { placed.contains($0.id) }.reduce(0) { $0 + $1.priority },
            priorityTotal: clients.reduce(0) { $0 + $1.priority },
            travelMinutes: Int(legs.reduce(0) { $0 + $1.interval.seconds } / 60),
            cost: legs.reduce(0) { $0 + $1.price } + stays.reduce(0) { $0 + $1.cost }, nightsAway: stays.count)
        score.people = problem.staff.map { person in
            let own = legs.filter { $0.person == person.id }
            let nights = stays.filter { $0.person == person.id }
            let byDay = Dictionary(grouping: own) { problem.zone.date(of: $0.depart) }.mapValues {
                $0.reduce(0) { $0 + $1.interval.seconds }
            }
            var score = PersonScore(
                person: person.id, visits: visits.filter { $0.staff.contains(person.id) }.count,
                travelMinutes: Int(own.reduce(0) { $0 + $1.interval.seconds } / 60),
                busiestDayMinutes: Int((byDay.values.max() ?? 0) / 60),
                dailyCapMinutes: person.dailyTravelCapMinutes, tickets: own.reduce(0) { $0 + $1.price },
                hotels: nights.reduce(0) { $0 + $1.cost }, costLimit: person.maxCost, nights: nights.count,
                nightsLimit: person.maxNightsAway)
            let calls = visits.filter { $0.isOnline && $0.staff.contains(person.id) }.count
            score.onlineVisits = calls > 0 ? calls : nil
            let perDiem =
                problem.wishes.policy.perDiem * Double(UnmetWishes.daysAway(of: person, legs: own, problem: problem))
            score.perDiem = perDiem > 0 ? perDiem : nil
            return score
        }
        let calls = visits.filter(\.isOnline).count
        score.onlineVisits = calls > 0 ? calls : nil
        var plan = Plan(
            schedule: nil, name: problem.name, timeZone: problem.zone.identifier, days: problem.days,
            seed: options.seed,
            visits: visits, legs: legs, stays: stays, leftOut: leftOut, score: score)
        let unmet = UnmetWishes.of(plan, problem: problem)
        plan.unmetWishes = unmet.isEmpty ? nil : unmet
        plan.team = problem.team
        if !context.unreachableEvents.isEmpty {
            plan.missedOwnEvents = context.unreachableEvents.map { person, event, why in
                MissedOwnEvent(
                    person: problem.staff[person].id, summary: event.summary, location: event.location,
                    start: event.interval.start, reason: why)
            }
        }
        if previous != nil || !problem.bookedLegs.isEmpty {
            plan.changes = changes(state, context: context, leftOut: leftOut)
        }
        return plan
    }

    /// What differs from the kept plan, in the users' words: visits dropped (with why), moved, handed over, added.
    private func changes(_ state: WeekState, context: WeekContext, leftOut: [LeftOut]) -> [Message] {
        let problem = context.problem
        func when(_ instant: Instant) -> Message.Argument { .dayClock(instant, problem.zone) }
        func names(_ people: [Int]) -> Message.Argument { .names(people.map { problem.staff[$0].name }) }
        var lines = context.givenUp.map { leg, why in
            let services = leg.journey.services.compactMap(\.service).joined(separator: "+")
            let person = context.personIndex[leg.person].map { problem.staff[$0].name } ?? leg.person
            return Message(
                .gaveUpBooked,
                [
                    "ticket": services.isEmpty ? .word(.journey) : .text(services), "time": when(leg.depart),
                    "from": .text(leg.fromCity), "to": .text(leg.toCity), "person": .text(person),
                    "why": .message(why),
                ])
        }
        let firstReason = Dictionary(leftOut.map { ($0.client, $0.reasons.first) }, uniquingKeysWith: { a, _ in a })
        for var client in state.changes(context) {
            let target = problem.clients[client]
            let kept = context.kept[client]!
            // Met the other way now: online instead of in person, or in person instead of online.
            let twin = context.modes.twin[client]
            var parts: [Message.Argument] = []
            if !state.isPlaced(client), twin >= 0, state.isPlaced(twin) {
                client = twin
                parts.append(.word(context.modes.online[twin] ? .nowOnline : .nowInPerson))
            }
            guard let start = state.starts[client], state.isPlaced(client) else {
                var arguments: [String: Message.Argument] = [
                    "client": .text(target.name), "time": when(kept.start), "people": names(kept.people),
                ]
                if let why = firstReason[target.id] ?? nil { arguments["why"] = .message(why) }
                lines.append(Message(arguments["why"] == nil ? .droppedVisit : .droppedVisitBecause, arguments))
                continue
            }
            if start != kept.start {
                parts.append(.message(Message(.movedFromTo, ["from": when(kept.start), "to": when(start)])))
            }
            if state.attendees[client] != kept.people {
                parts.append(
                    .message(
                        Message(.nowInsteadOf, ["people": names(state.attendees[client]), "was": names(kept.people)])))
            }
            lines.append(Message(.visitChanged, ["client": .text(target.name), "changes": .list(parts, .semicolon)]))
        }
        for client in problem.clients.indices where state.isPlaced(client) && context.kept[client] == nil {
            let twin = context.modes.twin[client]
            guard twin < 0 || context.kept[twin] == nil else { continue }
            lines.append(
                Message(
                    .addedVisit,
                    [
                        "client": .text(problem.clients[client].name), "time": when(state.starts[client]!),
                        "people": names(state.attendees[client]),
                    ]))
        }
        return lines
    }
}
