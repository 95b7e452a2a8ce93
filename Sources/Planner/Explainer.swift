import Itinerary
import Messages
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
        var reasons: [Int: [Message]] = [:]
        var skipped = 0
        for client in examined {
            reasons[client] = self.reasons(client)
            // A client that may be met either way is left out when neither way works: both say why.
            let twin = context.modes.twin[client]
            if twin >= 0, let inPerson = reasons[client], let online = self.reasons(twin) {
                reasons[client] =
                    inPerson.map { Message(.inPersonSays, ["text": .message($0)]) }
                    + online.map { Message(.onlineSays, ["text": .message($0)]) }
            }
            if reasons[client] == nil { skipped += 1 }
        }
        return clients.map { client in
            let target = problem.clients[client]
            return LeftOut(
                client: target.id, clientName: target.name, mustVisit: target.mustVisit, priority: target.priority,
                reasons: reasons[client] ?? [Message(.notExamined, ["count": .number(clients.count - skipped)])])
        }
    }

    /// The reasons, or nil when they would need simulations past the budget.
    private mutating func reasons(_ client: Int) -> [Message]? {
        let target = problem.clients[client]
        let length = Int64(target.meetingMinutes) * 60
        let start = context.days[0].start
        let unknown = target.with.filter { context.personIndex[$0] == nil }
        if !unknown.isEmpty {
            return [Message(.needsUnknownStaff, ["people": .names(unknown)])]
        }
        if !target.isPinned && context.leads[client].isEmpty {
            var needs: [Message.Argument] = []
            if let language = target.language {
                needs.append(.message(Message(.needLanguage, ["language": .text(language)])))
            }
            if !target.eligible.isEmpty {
                needs.append(.message(Message(.needOneOf, ["people": .names(target.eligible)])))
            }
            let arguments: [String: Message.Argument] = [
                "client": .text(target.name), "needs": .list(needs, .and), "people": names(context.with[client]),
            ]
            return [Message(target.with.isEmpty ? .nobodyMayLead : .nobodyMayLeadBesides, arguments)]
        }
        let windows = context.windows[client]
        if windows.earliestFit(seconds: length, notBefore: start) == nil {
            let days = dayRange(target)
            return [
                Message(
                    .noFreeStretch,
                    [
                        "client": .text(target.name), "minutes": .number(target.meetingMinutes), "days": days,
                        "free": describe(target.availability),
                    ])
            ]
        }
        if target.isPinned { return pinnedReasons(client) }
        guard moves.work < budget || target.mustVisit else { return nil }
        var shared = windows
        for person in context.with[client] { shared = shared.intersection(problem.staff[person].availability) }
        if !context.with[client].isEmpty && shared.earliestFit(seconds: length, notBefore: start) == nil {
            return [
                Message(
                    .noSharedTime,
                    [
                        "client": .text(target.name), "free": describe(windows), "people": names(context.with[client]),
                        "minutes": .number(target.meetingMinutes),
                    ])
            ]
        }
        let leads = context.leads[client].filter {
            shared.intersection(problem.staff[$0].availability).earliestFit(seconds: length, notBefore: start) != nil
        }
        if leads.isEmpty {
            return [
                Message(
                    context.with[client].isEmpty ? .noLeaderTime : .noLeaderTimeWith,
                    [
                        "client": .text(target.name), "free": describe(windows), "people": names(context.with[client]),
                        "minutes": .number(target.meetingMinutes),
                    ])
            ]
        }
        var reasons: [Reason] = []
        var fitsAlone: [Int] = []
        // In a large team, the first dozen who may lead speak for the rest.
        let examined = leads.prefix(12)
        if leads.count > examined.count {
            reasons.append(
                Reason(
                    Message(.firstLeadsExamined, ["count": .number(leads.count), "examined": .number(examined.count)])))
        }
        for lead in examined {
            let people = context.with[client] + [lead]
            // A delegation tried alone at each start they could share; the first start's obstacles if none works.
            let starts: [Instant?] =
                context.isShared(client)
                ? moves.candidateStarts(client, people: people, length: length).map { $0 } : [nil]
            guard !starts.isEmpty else { continue }
            var firstObstacles: [Reason]?
            for start in starts {
                var fixed = state.fixed
                fixed[client] = start
                let obstacles = people.compactMap { person -> Reason? in
                    guard let obstacle = moves.obstacle(person, [client], fixed: fixed) else { return nil }
                    return Reason(person: problem.staff[person].name, words(obstacle, person: person))
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
            reasons.append(Reason(Message(.moreFullWeeks, ["count": .number(fitsAlone.count - 3)])))
        }
        return grouped(reasons.uniqued())
    }

    /// A reason, and the person it concerns when it is about one person's week.
    private struct Reason: Hashable {
        var person: String?
        var message: Message

        init(person: String? = nil, _ message: Message) {
            self.person = person
            self.message = message
        }
    }

    /// Reasons that differ only in the person they name, joined: "A, B and 3 others: …".
    private func grouped(_ reasons: [Reason]) -> [Message] {
        var order: [Message] = []
        var names: [Message: [String]] = [:]
        var plain: Set<Message> = []
        for reason in reasons {
            guard let person = reason.person else {
                if plain.insert(reason.message).inserted { order.append(reason.message) }
                continue
            }
            if names[reason.message] == nil { order.append(reason.message) }
            if !(names[reason.message]?.contains(person) ?? false) { names[reason.message, default: []].append(person) }
        }
        return order.map { message in
            guard let people = names[message] else { return message }
            let shown: Message.Argument =
                people.count > 4
                ? .message(
                    Message(.andOthers, ["names": .names(Array(people.prefix(3))), "count": .number(people.count - 3)]))
                : .names(people)
            return Message(.personSays, ["people": shown, "text": .message(message)])
        }
    }

    private func pinnedReasons(_ client: Int) -> [Message] {
        let target = problem.clients[client]
        guard let start = target.pinnedStart else { return [] }
        let interval = Interval(start, start + Int64(target.meetingMinutes) * 60)
        var reasons: [Message] = []
        if !target.availability.contains(interval) {
            reasons.append(
                Message(
                    .bookedClientNotFree,
                    ["time": local(start), "client": .text(target.name), "free": describe(target.availability)]))
        }
        var fixed = state.fixed
        fixed[client] = start
        for person in context.with[client] {
            let staff = problem.staff[person]
            let says: Message
            if !staff.availability.contains(interval) {
                reasons.append(Message(.bookedOutsideStaffHours, ["time": local(start), "person": .text(staff.name)]))
                continue
            } else if case .failure(let obstacle) = RouteSimulator(context: context).simulate(
                person: person, order: [client], fixed: fixed)
            {
                says = words(obstacle, person: person)
            } else {
                says = Message(.bookedTimeClashes)
            }
            reasons.append(Message(.personSays, ["people": .text(staff.name), "text": .message(says)]))
        }
        return reasons
    }

    /// What in the lead's current week stands in the way: visits whose removal lets it in, or precedence.
    private mutating func conflicts(_ client: Int, lead: Int) -> Reason {
        let staff = problem.staff[lead]
        let target = problem.clients[client]
        var dropping: [Message.Argument] = []
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
                    .message(
                        otherClient.mustVisit
                            ? Message(.clientMustVisit, ["client": .text(otherClient.name)])
                            : Message(
                                .clientPriority,
                                ["client": .text(otherClient.name), "priority": .number(otherClient.priority)])))
            }
        }
        if !dropping.isEmpty {
            return Reason(person: staff.name, Message(.fitsByDropping, ["visits": .list(dropping, .or)]))
        }
        let before = context.before[client].filter { state.isPlaced($0) }.map { problem.clients[$0].name }
        let after = context.after[client].filter { state.isPlaced($0) }.map { problem.clients[$0].name }
        if !before.isEmpty || !after.isEmpty {
            var order: [Message.Argument] = []
            if !before.isEmpty { order.append(.message(Message(.orderAfter, ["clients": .names(before)]))) }
            if !after.isEmpty { order.append(.message(Message(.orderBefore, ["clients": .names(after)]))) }
            return Reason(
                person: staff.name,
                Message(.noTimeInOrder, ["client": .text(target.name), "order": .list(order, .and)]))
        }
        return Reason(person: staff.name, Message(.weekFull, ["client": .text(target.name)]))
    }

    /// An obstacle in the users' words, for `person`'s week.
    func words(_ obstacle: Obstacle, person: Int) -> Message {
        let staff = problem.staff[person]
        func arrivalText(_ instant: Instant, _ services: [String]) -> Message.Argument {
            .message(
                services.isEmpty
                    ? Message(.earliestArrival, ["time": local(instant)])
                    : Message(.earliestArrivalBy, ["time": local(instant), "services": .names(services)]))
        }
        switch obstacle {
        case .noJourney(let from, let to, let after, let overCap):
            if let overCap { return self.overCap(overCap, staff: staff, from: from, to: to) }
            return Message(.noJourney, ["from": .place(from), "to": .place(to), "time": local(after)])
        case .noWindow(let client, let arrival, let services):
            return Message(
                .noWindow,
                [
                    "client": .text(problem.clients[client].name), "arrival": arrivalText(arrival, services),
                    "windows": describe(context.windows[client]),
                ])
        case .noOnlineTime(let client, let after):
            return Message(
                .noOnlineTime,
                [
                    "client": .text(problem.clients[client].name), "time": local(after),
                    "windows": describe(context.commonWindows(client, person)),
                ])
        case .lateForFixedStart(let client, let arrival, let start, let services):
            return Message(
                .lateForFixedStart,
                [
                    "client": .text(problem.clients[client].name), "start": local(start),
                    "arrival": arrivalText(arrival, services),
                ])
        case .missesBookedLeg(let services, let depart, let arrival):
            let ticket =
                services.isEmpty
                ? Message(.bookedJourney)
                : Message(.bookedServices, ["services": .text(services.joined(separator: "+"))])
            return Message(
                .missesBookedLeg,
                ["ticket": .message(ticket), "time": local(depart), "arrival": arrivalText(arrival, [])])
        case .missesOwnEvent(let summary, let place, let start, let arrival):
            return Message(
                .missesOwnEvent,
                [
                    "event": summary.isEmpty ? .message(Message(.ownEventUnnamed)) : .text(summary),
                    "place": .text(place), "time": local(start), "arrival": arrivalText(arrival, []),
                ])
        case .cannotReturnHome(let from, let after, let overCap):
            if let overCap { return self.overCap(overCap, staff: staff, from: from, to: "home") }
            return Message(.cannotReturnHome, ["from": .place(from), "time": local(after)])
        case .awayOnDayOff(let day):
            return Message(.awayOnDayOff, ["day": .date(problem.days[day])])
        case .tooManyNights(let nights, let limit):
            return Message(
                .tooManyNights, ["nights": .number(nights), "person": .text(staff.name), "limit": .number(limit)])
        case .overBudget(let cost, let limit):
            return Message(.overBudget, ["cost": .yuan(cost), "person": .text(staff.name), "limit": .yuan(limit)])
        case .lunchMissed(let day, let minutes):
            return Message(
                .wishLunchRule,
                [
                    "day": .date(day), "minutes": .number(minutes), "hours": .text("\(problem.wishes.lunchHours)"),
                    "length": .number(problem.wishes.lunchMinutes),
                ])
        case .waitTooLong(let minutes, let limit):
            return Message(.wishWaitRule, ["minutes": .number(minutes), "limit": .number(limit)])
        case .hotelOverCap(let city, let price, let cap):
            return Message(.wishHotelRule, ["city": .text(city), "price": .yuan(price), "cap": .yuan(cap)])
        }
    }

    private func overCap(_ overrun: CapOverrun, staff: Staff, from: String, to: String) -> Message {
        Message(
            overrun.before > 0 ? .overCapAlready : .overCap,
            [
                "person": .text(staff.name), "from": .place(from), "to": .place(to),
                "journey": .hours(minutes: overrun.journey), "day": .weekday(problem.days[overrun.day].weekday),
                "before": .hours(minutes: overrun.before), "cap": .hours(minutes: staff.dailyTravelCapMinutes),
            ])
    }

    private func names(_ people: [Int]) -> Message.Argument { .names(people.map { problem.staff[$0].name }) }

    private func dayRange(_ client: Client) -> Message.Argument {
        switch (client.earliestDay, client.latestDay) {
        case (nil, nil): return .word(.thisWeek)
        case (let from?, nil): return .message(Message(.fromDay, ["day": .date(from)]))
        case (nil, let to?): return .message(Message(.byDay, ["day": .date(to)]))
        case (let from?, let to?): return .message(Message(.betweenDays, ["from": .date(from), "to": .date(to)]))
        }
    }

    private func local(_ instant: Instant) -> Message.Argument { .dayClock(instant, problem.zone) }

    private func describe(_ set: IntervalSet) -> Message.Argument {
        .intervals(set, within: problem.period, problem.zone)
    }
}
