import Itinerary
import Timeline
import Travel

/// Computes, in the users' words, why a client could not be visited: by re-running the week's rules on that visit
/// alone and against the plan's routes.
struct Explainer {
    let context: WeekContext
    let state: WeekState
    /// Simulations the explanations may run in all (the effort limit of `--seconds` holds here too); past it, a
    /// left-out visit gets the reasons that need no simulation and a word that it was not examined further.
    var budget = Int.max
    private var moves: WeekMoves

    /// An explainer of the visits `state` left out.
    init(context: WeekContext, state: WeekState, budget: Int = .max) {
        self.context = context
        self.state = state
        self.budget = budget
        moves = WeekMoves(context: context)
    }

    /// Explanations at least the simulations a small week needs: a dozen people tried for a score of visits.
    static let minimumBudget = 20_000

    private var problem: Problem { context.problem }

    /// Why each of `clients` was left out, in their order. Must-visits and higher priorities are examined first, so
    /// that when the budget runs out, the least important go without the detailed reasons.
    mutating func explain(_ clients: [Int]) -> [LeftOut] {
        let examined = clients.sorted {
            let a = problem.clients[$0]
            let b = problem.clients[$1]
            return (a.mustVisit ? 0 : 1, -a.priority, $0) < (b.mustVisit ? 0 : 1, -b.priority, $1)
        }
        var reasons: [Int: [String]] = [:]
        var skipped = 0
        for client in examined {
            reasons[client] = self.reasons(client)
            if reasons[client] == nil { skipped += 1 }
        }
        return clients.map { client in
            let target = problem.clients[client]
            return LeftOut(
                client: target.id, clientName: target.name, mustVisit: target.mustVisit, priority: target.priority,
                reasons: reasons[client] ?? [
                    "not examined one by one: the effort for explanations went to the other \(clients.count - skipped) left-out visits, must-visits and higher priorities first; plan with more --seconds for the details"
                ])
        }
    }

    /// The reasons, or nil when they would need simulations past the budget.
    private mutating func reasons(_ client: Int) -> [String]? {
        let target = problem.clients[client]
        let length = Int64(target.meetingMinutes) * 60
        let start = context.days[0].start
        let unknown = target.with.filter { context.personIndex[$0] == nil }
        if !unknown.isEmpty {
            return [
                "needs \(unknown.joined(separator: ", ")), who \(unknown.count == 1 ? "is" : "are") not on the staff list"
            ]
        }
        if !target.isPinned && context.leads[client].isEmpty {
            var needs: [String] = []
            if let language = target.language { needs.append("language \(language)") }
            if !target.eligible.isEmpty { needs.append("one of \(target.eligible.joined(separator: ", "))") }
            return [
                "nobody may lead \(target.name): it needs \(needs.joined(separator: " and "))\(target.with.isEmpty ? "" : ", besides \(names(context.with[client]))")"
            ]
        }
        let windows = context.windows[client]
        if windows.earliestFit(seconds: length, notBefore: start) == nil {
            let days = dayRange(target)
            return [
                "\(target.name) has no free stretch of \(target.meetingMinutes) minutes \(days) (\(describe(target.availability)))"
            ]
        }
        if target.isPinned { return pinnedReasons(client) }
        guard moves.work < budget || target.mustVisit else { return nil }
        var shared = windows
        for person in context.with[client] { shared = shared.intersection(problem.staff[person].availability) }
        if !context.with[client].isEmpty && shared.earliestFit(seconds: length, notBefore: start) == nil {
            return [
                "no time when \(target.name) (free \(describe(windows))) and \(names(context.with[client])) are all free for \(target.meetingMinutes) minutes"
            ]
        }
        let leads = context.leads[client].filter {
            shared.intersection(problem.staff[$0].availability).earliestFit(seconds: length, notBefore: start) != nil
        }
        if leads.isEmpty {
            let who = context.with[client].isEmpty ? "" : ", \(names(context.with[client]))"
            return [
                "no time when \(target.name) (free \(describe(windows)))\(who) and any staff member who may lead it are all free for \(target.meetingMinutes) minutes"
            ]
        }
        var reasons: [String] = []
        var fitsAlone: [Int] = []
        // In a large team, the first dozen who may lead speak for the rest.
        let examined = leads.prefix(12)
        if leads.count > examined.count {
            reasons.append("\(leads.count) people may lead it; the first \(examined.count) were examined one by one")
        }
        for lead in examined {
            let people = context.with[client] + [lead]
            // A delegation tried alone at each start they could share; the first start's obstacles if none works.
            let starts: [Instant?] =
                context.isShared(client)
                ? moves.candidateStarts(client, people: people, length: length).map { $0 } : [nil]
            guard !starts.isEmpty else { continue }
            var firstObstacles: [String]?
            for start in starts {
                var fixed = state.fixed
                fixed[client] = start
                let obstacles = people.compactMap { person -> String? in
                    guard let obstacle = moves.obstacle(person, [client], fixed: fixed) else { return nil }
                    return "\(problem.staff[person].name): " + words(obstacle, person: person)
                }
                if obstacles.isEmpty {
                    firstObstacles = nil
                    break
                }
                if firstObstacles == nil { firstObstacles = obstacles }
            }
            if let obstacles = firstObstacles { reasons += obstacles } else { fitsAlone.append(lead) }
        }
        // What stands in the way in the weeks of a few who could go alone (the rest are alike or say no more).
        for lead in fitsAlone.prefix(3) {
            reasons.append(conflicts(client, lead: lead))
        }
        if fitsAlone.count > 3 {
            reasons.append("\(fitsAlone.count - 3) more could go alone, but their weeks are full too")
        }
        return grouped(reasons.uniqued())
    }

    /// Reasons that differ only in the person they name, joined: "A, B and 3 others: …".
    private func grouped(_ reasons: [String]) -> [String] {
        var order: [String] = []
        var names: [String: [String]] = [:]
        for reason in reasons {
            guard let colon = reason.firstRange(of: ": "),
                let person = problem.staff.first(where: { $0.name == String(reason[..<colon.lowerBound]) })
            else {
                order.append(reason)
                continue
            }
            let text = String(reason[colon.upperBound...])
            let key = "\u{1}" + text
            if names[key] == nil { order.append(key) }
            names[key, default: []].append(person.name)
        }
        return order.map { key in
            guard let people = names[key] else { return key }
            let text = String(key.dropFirst())
            let shown =
                people.count > 4
                ? people.prefix(3).joined(separator: ", ") + " and \(people.count - 3) others"
                : people.joined(separator: ", ")
            return "\(shown): \(text)"
        }
    }

    private func pinnedReasons(_ client: Int) -> [String] {
        let target = problem.clients[client]
        guard let start = target.pinnedStart else { return [] }
        let interval = Interval(start, start + Int64(target.meetingMinutes) * 60)
        var reasons: [String] = []
        if !target.availability.contains(interval) {
            reasons.append(
                "booked for \(local(start)), when \(target.name) is not free (\(describe(target.availability)))")
        }
        var fixed = state.fixed
        fixed[client] = start
        for person in context.with[client] {
            let staff = problem.staff[person]
            if !staff.availability.contains(interval) {
                reasons.append("booked for \(local(start)), outside \(staff.name)'s working hours or own calendar")
            } else if case .failure(let obstacle) = RouteSimulator(context: context).simulate(
                person: person, order: [client], fixed: fixed)
            {
                reasons.append("\(staff.name): " + words(obstacle, person: person))
            } else {
                reasons.append(
                    "\(staff.name): the booked time clashes with must-visits or other booked visits already in the week"
                )
            }
        }
        return reasons
    }

    /// What in the lead's current week stands in the way: visits whose removal lets it in, or precedence.
    private mutating func conflicts(_ client: Int, lead: Int) -> String {
        let staff = problem.staff[lead]
        let target = problem.clients[client]
        var dropping: [String] = []
        let route = state.routes[lead]
        var fixed = state.fixed
        fixed[client] =
            context.isShared(client)
            ? moves.candidateStarts(
                client, people: context.with[client] + [lead], length: Int64(target.meetingMinutes) * 60
            ).first : nil
        // Only visits within a day of the client's windows can make room for it.
        let days = Set(
            context.windows[client].intervals.flatMap { [context.dayIndex($0.start), context.dayIndex($0.end - 1)] })
        for (index, other) in route.enumerated()
        where !problem.clients[other].isPinned && state.attendees[other] == [lead] {
            guard let start = state.starts[other], days.contains(where: { abs($0 - context.dayIndex(start)) <= 1 })
            else { continue }
            var trial = route
            trial.remove(at: index)
            // No position after a visit that already ends past the client's latest start.
            let latest = context.latestStart[client]
            let last = trial.firstIndex { (state.starts[$0] ?? latest) > latest } ?? trial.count
            let fits = (0...min(trial.count, last)).contains { position in
                var order = trial
                order.insert(client, at: position)
                return moves.simulate(lead, order, fixed: fixed) != nil
            }
            if fits {
                let otherClient = problem.clients[other]
                dropping.append(
                    "\(otherClient.name)\(otherClient.mustVisit ? " (must-visit)" : " (priority \(otherClient.priority))")"
                )
            }
        }
        if !dropping.isEmpty { return "\(staff.name): fits only by dropping \(dropping.joined(separator: " or "))" }
        let before = context.before[client].filter { state.isPlaced($0) }.map { problem.clients[$0].name }
        let after = context.after[client].filter { state.isPlaced($0) }.map { problem.clients[$0].name }
        if !before.isEmpty || !after.isEmpty {
            var order: [String] = []
            if !before.isEmpty { order.append("after \(before.joined(separator: ", "))") }
            if !after.isEmpty { order.append("before \(after.joined(separator: ", "))") }
            return "\(staff.name): no time left for \(target.name) \(order.joined(separator: " and ")) as it must come"
        }
        return "\(staff.name): the week is already full around \(target.name)'s windows"
    }

    func words(_ obstacle: Obstacle, person: Int) -> String {
        let staff = problem.staff[person]
        switch obstacle {
        case .noJourney(let from, let to, let after, let overCap):
            if let overCap { return self.overCap(overCap, staff: staff, from: from, to: to) }
            return
                "no journey from \(from) to \(to) after \(local(after)) fits the travel hours, own calendar and days off"
        case .noWindow(let client, let arrival, let services):
            let target = problem.clients[client]
            let by = services.isEmpty ? "" : " by \(services.joined(separator: ", "))"
            return
                "no window of \(target.name) overlaps a reachable time: earliest arrival \(local(arrival))\(by), windows \(describe(context.windows[client]))"
        case .lateForFixedStart(let client, let arrival, let start, let services):
            let by = services.isEmpty ? "" : " by \(services.joined(separator: ", "))"
            return
                "cannot reach \(problem.clients[client].name) by its fixed start \(local(start)): earliest arrival \(local(arrival))\(by)"
        case .missesBookedLeg(let services, let depart, let arrival):
            let ticket = services.isEmpty ? "the booked journey" : "the booked \(services.joined(separator: "+"))"
            return "cannot be in time for \(ticket) at \(local(depart)): earliest arrival \(local(arrival))"
        case .missesOwnEvent(let summary, let place, let start, let arrival):
            let event = summary.isEmpty ? "their own event" : "\"\(summary)\""
            return
                "cannot be at \(place) for \(event) at \(local(start)) (own calendar): earliest arrival \(local(arrival))"
        case .cannotReturnHome(let from, let after, let overCap):
            if let overCap { return self.overCap(overCap, staff: staff, from: from, to: "home") }
            return "cannot get home from \(from) after \(local(after)) by the end of the week"
        case .awayOnDayOff(let day):
            let date = problem.days[day]
            return "would be away on the day off \(date.weekday.displayName) \(date) and cannot get home before it"
        case .tooManyNights(let nights, let limit):
            return "needs \(nights) hotel nights, over \(staff.name)'s limit of \(limit)"
        case .overBudget(let cost, let limit):
            return
                "costs ¥\(Int(cost.rounded())) in tickets and hotels, over \(staff.name)'s limit of ¥\(Int(limit.rounded()))"
        }
    }

    private func overCap(_ overrun: CapOverrun, staff: Staff, from: String, to: String) -> String {
        let day = problem.days[overrun.day].weekday.displayName
        let already = overrun.before > 0 ? " on top of \(hours(overrun.before)) already" : ""
        return
            "over \(staff.name)'s daily travel cap: \(from) to \(to) takes \(hours(overrun.journey)) on \(day)\(already), cap \(hours(staff.dailyTravelCapMinutes))"
    }

    private func hours(_ minutes: Int) -> String { "\(minutes / 60)h\(minutes % 60 < 10 ? "0" : "")\(minutes % 60)" }

    private func names(_ people: [Int]) -> String { people.map { problem.staff[$0].name }.joined(separator: ", ") }

    private func dayRange(_ client: Client) -> String {
        switch (client.earliestDay, client.latestDay) {
        case (nil, nil): return "this week"
        case (let from?, nil): return "from \(from.weekday.displayName) \(from)"
        case (nil, let to?): return "by \(to.weekday.displayName) \(to)"
        case (let from?, let to?):
            return "between \(from.weekday.displayName) \(from) and \(to.weekday.displayName) \(to)"
        }
    }

    private func local(_ instant: Instant) -> String { problem.zone.weekdayClock(instant) }

    private func describe(_ set: IntervalSet) -> String {
        let shown = set.clipped(to: problem.period)
        if shown.isEmpty { return "none" }
        let parts = shown.intervals.prefix(4).map { "\(local($0.start))–\(problem.zone.clock($0.end))" }
        return parts.joined(separator: ", ") + (shown.intervals.count > 4 ? ", …" : "")
    }
}
