import Itinerary
import Messages
import Timeline
import Travel

/// What every evaluation of one problem shares: local day spans, each person's travel windows, each client's
/// meeting windows, who may lead what, and the journeys found so far. One thread uses it at a time: each search owns
/// one, and hands it back only when all searches have ended.
final class WeekContext: @unchecked Sendable {
    /// The problem with an online visit for each client that may be met either way (`OnlineVisits`): its clients
    /// are the search's visits.
    let problem: Problem
    /// Which visits are held online, and which two meet the same client.
    let modes: OnlineVisits
    /// The weighted wishes, as the simulator counts them in each person's week.
    let wishes: WishTerms
    let cache: JourneyCache
    /// Local day spans of the planning days.
    let days: [Interval]
    /// Per person and day: the travel window, or nil on a day off.
    let travelWindows: [[Interval?]]
    /// Per person and day: where the travel window ends, joined with the next days' windows that open as it closes
    /// (travel hours around the clock): a journey may run through midnight then.
    let travelSpanEnds: [[Instant?]]
    /// Per client: availability within the earliest and latest day (and its preferred hours, when they are a rule).
    let windows: [IntervalSet]
    /// Per client: its preferred hours over the week, when the wish weighs them.
    let preferredWindows: [IntervalSet?]
    /// Per client: the latest start any window allows.
    let latestStart: [Instant]
    /// Per client: indices of the people who may lead the visit.
    let leads: [[Int]]
    /// Per client: indices of the people who must attend besides the lead.
    let with: [[Int]]
    /// Per client: indices of clients that must end before it starts, and that must start after it ends.
    let before: [[Int]]
    let after: [[Int]]
    /// The visits of a plan being kept, by client: who attended (sorted) and when it started.
    let kept: [Int: (people: [Int], start: Instant)]
    /// Whether any visit must come before another.
    let hasPrecedence: Bool
    /// Staff index by id.
    let personIndex: [String: Int]
    /// Per person, for the simulator's inner loops (copying a whole `Staff` there costs more than the work):
    /// where the week starts (home, unless the person starts elsewhere) and must finish, daily travel
    /// cap in seconds, limits on nights and cost.
    let homes: [Place]
    let finishes: [Place]
    let travelCaps: [Int64]
    let nightLimits: [Int?]
    let costLimits: [Double?]
    /// Per client: meeting length in seconds.
    let meetingSeconds: [Int64]
    /// Whether the plan shows times on whole minutes (meetings start on whole minutes): then legs are rounded out to
    /// them, and the daily cap counts them so.
    let wholeMinutes: Bool
    /// Per client: its city, numbered.
    let cityIndex: [Int]
    /// Per person: the bought tickets they still take, in time order.
    private(set) var booked: [[BookedLeg]]
    /// Per person: the events of their own calendar that hold them in a place and can be reached, in time order.
    private(set) var ownEvents: [[OwnEventStop]]
    /// Per person: the tickets and own events, in time order: what their week is built around.
    private(set) var commitments: [[Commitment]]
    /// Per person: when their own calendar keeps them from travelling (busy time but calls).
    let heldAt: [IntervalSet]
    /// Own events no one can be at as planned (kept as busy time only), with why, in the users' words.
    private(set) var unreachableEvents: [(person: Int, event: OwnEvent, why: Message)] = []
    /// Bought tickets no longer usable, with why, in the users' words.
    private(set) var givenUp: [(leg: Leg, why: Message)] = []

    private var common: [[IntervalSet?]]

    init(problem given: Problem, router: Router, times: TravelTimes, keeping previous: Plan? = nil) {
        let (problem, modes) = OnlineVisits.expanding(given)
        self.problem = problem
        self.modes = modes
        wishes = WishTerms(problem: problem, modes: modes)
        let starts = problem.staff.map { $0.start ?? $0.home }
        finishes = problem.staff.map { $0.finish ?? $0.home }
        cache = JourneyCache(
            router: router, times: times,
            places: starts + problem.clients.map(\.place) + finishes
                + problem.staff.flatMap { $0.ownEvents.map(\.place) },
            matrix: problem.travelMatrix)
        common = Array(repeating: Array(repeating: nil, count: problem.staff.count), count: problem.clients.count)
        days = problem.days.map { problem.zone.day($0) }
        let travelWindows = problem.staff.map { person in
            problem.days.map { person.daysOff.contains($0) ? nil : problem.travelWindow(of: person, on: $0) }
        }
        self.travelWindows = travelWindows
        travelSpanEnds = travelWindows.map { windows in
            windows.indices.map { day in
                guard var end = windows[day]?.end else { return nil }
                var next = day + 1
                while next < windows.count, let window = windows[next], window.start == end {
                    end = window.end
                    next += 1
                }
                return end
            }
        }
        // A client's preferred hours: as a rule, the only hours it is met in; as a weighed wish, the hours a meeting
        // starts in when that day allows.
        let preferredHours = problem.clients.map { client in
            client.preferredTime.map { $0.intervals(on: problem.days, in: problem.zone) }
        }
        let preferredRule = problem.wishes.preferredTime?.isRule == true
        let windows = zip(problem.clients, preferredHours).map { client, preferred in
            let open = problem.meetingWindows(of: client)
            guard preferredRule, let preferred else { return open }
            return open.intersection(preferred)
        }
        self.windows = windows
        preferredWindows =
            (problem.wishes.preferredTime?.weight ?? 0) > 0 ? preferredHours : preferredHours.map { _ in nil }
        latestStart = zip(windows, problem.clients).map { set, client in
            (set.intervals.last?.end ?? Instant(seconds: .min / 2)) - Int64(client.meetingMinutes) * 60
        }
        homes = starts
        travelCaps = problem.staff.map { Int64($0.dailyTravelCapMinutes) * 60 }
        nightLimits = problem.staff.map(\.maxNightsAway)
        costLimits = problem.staff.map(\.maxCost)
        meetingSeconds = problem.clients.map { Int64($0.meetingMinutes) * 60 }
        wholeMinutes = problem.meetingStartStep % 60 == 0
        var cities: [String: Int] = [:]
        cityIndex = problem.clients.map { client in
            if let known = cities[client.place.cityID] { return known }
            cities[client.place.cityID] = cities.count
            return cities.count - 1
        }
        let personIndex = Dictionary(problem.staff.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.personIndex = personIndex
        leads = problem.clients.map { client in
            client.isPinned ? [] : problem.staff.indices.filter { client.mayBeLed(by: problem.staff[$0]) }
        }
        with = problem.clients.map { $0.with.compactMap { personIndex[$0] } }
        let clientIndex = Dictionary(problem.clients.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        // A client to be met first is met first whichever way: in person or online.
        let before = problem.clients.map { client in
            client.after.compactMap { clientIndex[$0] }.flatMap { [$0, modes.twin[$0]].filter { $0 >= 0 } }
        }
        self.before = before
        var after = [[Int]](repeating: [], count: problem.clients.count)
        for (client, list) in before.enumerated() { for other in list { after[other].append(client) } }
        self.after = after
        hasPrecedence = before.contains { !$0.isEmpty }
        var kept: [Int: (people: [Int], start: Instant)] = [:]
        for visit in previous?.visits ?? [] {
            // A visit is kept the way it was held, when the client may still be met so.
            guard var client = clientIndex[visit.client] else { continue }
            if visit.isOnline != modes.online[client] { client = modes.twin[client] }
            guard client >= 0 else { continue }
            let people = visit.staff.compactMap { personIndex[$0] }
            if people.count == visit.staff.count { kept[client] = (people.sorted(), visit.start) }
        }
        self.kept = kept
        booked = Array(repeating: [], count: problem.staff.count)
        ownEvents = Array(repeating: [], count: problem.staff.count)
        commitments = Array(repeating: [], count: problem.staff.count)
        heldAt = problem.staff.map(\.noTravel)
        settleBookedLegs(timetable: router.timetable)
        settleOwnEvents()
    }

    /// The number of a client's place among the journey cache's places (staff starts come first, then clients,
    /// then staff finishes).
    func placeIndex(client: Int) -> Int { problem.staff.count + client }

    /// The number of a person's finish among the journey cache's places.
    func finishIndex(_ person: Int) -> Int { problem.staff.count + problem.clients.count + person }

    /// The week of given routes (client indices per person), timed; a route the simulator refuses loses visits from
    /// its end until it works (never, for routes `WindowTours` found feasible on a problem it models).
    func week(of routes: [[Int]]) -> WeekState {
        var state = WeekState(people: problem.staff.count, clients: problem.clients.count)
        let simulator = RouteSimulator(context: self)
        for (person, route) in routes.enumerated() {
            var order = route
            while true {
                if case .success(let schedule) = simulator.simulate(person: person, order: order, fixed: state.fixed) {
                    state.routes[person] = order
                    state.schedules[person] = schedule
                    for (client, interval) in schedule.visits {
                        state.starts[client] = interval.start
                        state.attendees[client] = [person]
                    }
                    break
                }
                assertionFailure("the week simulator refuses a route the window tours found feasible")
                order.removeLast()
            }
        }
        return state
    }

    /// Index of the planning day holding `instant`: -1 before the first, `days.count` after the last.
    func dayIndex(_ instant: Instant) -> Int {
        var low = 0
        var high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid].end <= instant { low = mid + 1 } else { high = mid }
        }
        if low < days.count && instant < days[low].start { return low == 0 ? -1 : low }
        return low
    }

    /// The meeting windows of `client` that `person` is free in too.
    func commonWindows(_ client: Int, _ person: Int) -> IntervalSet {
        if let known = common[client][person] { return known }
        let found = windows[client].intersection(problem.staff[person].availability)
        common[client][person] = found
        return found
    }

    /// The profiles a problem's solves look arrivals up in.
    static func travelTimes(problem: Problem, router: Router) -> TravelTimes {
        let places =
            problem.staff.map(\.home) + problem.clients.map(\.place)
            + problem.staff.flatMap { $0.ownEvents.map(\.place) }
        return TravelTimes(router: router, cities: Array(Set(places.map(\.cityID))).sorted())
    }

    /// Keeps each person's bought tickets that still run, fit their week and can be chained, in time order, and
    /// lists the rest with why.
    private func settleBookedLegs(timetable: Timetable) {
        var tickets = [[BookedLeg]](repeating: [], count: problem.staff.count)
        var seen: [Leg] = []
        for leg in problem.bookedLegs.sorted(by: { ($0.person, $0.depart) < ($1.person, $1.depart) }) {
            // The same ticket listed twice is one ticket.
            guard !seen.contains(where: { $0.isSameTrip(as: leg) }) else { continue }
            seen.append(leg)
            guard let person = personIndex[leg.person] else {
                givenUp.append((leg, Message(.ticketPersonUnknown, ["person": .text(leg.person)])))
                continue
            }
            switch ticket(leg, person: person, timetable: timetable) {
            case .success(let ticket): tickets[person].append(ticket)
            case .failure(let why): givenUp.append((leg, why.text))
            }
        }
        for person in tickets.indices {
            for ticket in tickets[person] {
                booked[person].append(ticket)
                if let why = whyCommitmentsFail(person) {
                    booked[person].removeLast()
                    commitments[person] = merged(person)
                    givenUp.append((ticket.leg, why))
                }
            }
        }
    }

    /// Keeps each person's own events that their week can reach, with the bought tickets, in time order; an event no
    /// journey reaches in time stays busy time only and is listed with why.
    private func settleOwnEvents() {
        var at = problem.staff.count * 2 + problem.clients.count
        for (person, staff) in problem.staff.enumerated() {
            for event in staff.ownEvents {
                defer { at += 1 }
                // An event in their own office is at home: no taxi from home to the office's meeting room.
                let atHome =
                    staff.start == nil && event.place.cityID == staff.home.cityID
                    && event.place.coordinate == staff.home.coordinate
                ownEvents[person].append(OwnEventStop(event: event, at: atHome ? person : at))
                if let why = whyCommitmentsFail(person) {
                    ownEvents[person].removeLast()
                    commitments[person] = merged(person)
                    unreachableEvents.append((person, event, why))
                }
            }
        }
    }

    /// Takes a person's tickets and own events as they now are; says why a week of them alone (no visits) fails,
    /// nil when it works.
    private func whyCommitmentsFail(_ person: Int) -> Message? {
        commitments[person] = merged(person)
        let free = [Instant?](repeating: nil, count: problem.clients.count)
        guard
            case .failure(let obstacle) = RouteSimulator(context: self).simulate(person: person, order: [], fixed: free)
        else { return nil }
        return Explainer(context: self, state: WeekState(people: 0, clients: 0)).words(obstacle, person: person)
    }

    /// A person's tickets and own events in time order.
    private func merged(_ person: Int) -> [Commitment] {
        (booked[person].map(Commitment.ticket) + ownEvents[person].map(Commitment.event)).sorted {
            $0.start < $1.start
        }
    }

    /// A bought ticket as numbered places, or why it no longer works on its own.
    private func ticket(_ leg: Leg, person: Int, timetable: Timetable) -> Result<BookedLeg, TicketFault> {
        let staff = problem.staff[person]
        func place(_ label: String, city: String) -> Int? {
            if label == staff.home.label && city == staff.home.cityID { return person }
            return problem.clients.firstIndex { $0.place.label == label && $0.place.cityID == city }.map(placeIndex)
        }
        let day = dayIndex(leg.depart)
        guard day >= 0 && day < days.count else {
            return .failure(TicketFault(text: Message(.ticketOutsideWeek)))
        }
        guard let window = travelWindows[person][day] else {
            return .failure(TicketFault(text: Message(.ticketOnDayOff, ["person": .text(staff.name)])))
        }
        guard window.contains(leg.interval) else {
            return .failure(TicketFault(text: Message(.ticketOutsideTravelHours, ["person": .text(staff.name)])))
        }
        guard !staff.noTravel.overlaps(leg.interval) else {
            return .failure(TicketFault(text: Message(.ticketOverlapsCalendar, ["person": .text(staff.name)])))
        }
        for part in leg.parts where part.mode.isTimetabled {
            let service = part.service ?? part.mode.rawValue
            guard timetable.hasService(service, from: part.from, to: part.to, depart: part.depart, arrive: part.arrive)
            else {
                return .failure(
                    TicketFault(
                        text: Message(
                            .ticketServiceGone,
                            [
                                "service": .text(service), "from": .text(part.from),
                                "time": .text(problem.zone.clock(part.depart)),
                            ])))
            }
        }
        guard let from = place(leg.from, city: leg.fromCity), let to = place(leg.to, city: leg.toCity) else {
            return .failure(
                TicketFault(
                    text: Message(.ticketPlacesGone, ["from": .place(leg.from), "to": .place(leg.to)])))
        }
        return .success(
            BookedLeg(leg: leg, from: from, to: to, fromPlace: cache.places[from], toPlace: cache.places[to]))
    }

    /// The seconds a journey counts for against the daily cap: on whole minutes when the plan shows them.
    func capSeconds(_ journey: Journey) -> Int64 { wholeMinutes ? journey.wholeMinuteSeconds : journey.seconds }

    /// Whether a client needs a fixed start shared by several people (a delegation) or is already booked.
    func isShared(_ client: Int) -> Bool { problem.clients[client].isPinned || !with[client].isEmpty }
}

/// A bought ticket one person takes as it is, between two numbered places of the journey cache.
struct BookedLeg {
    var leg: Leg
    var from: Int
    var to: Int
    var fromPlace: Place
    var toPlace: Place
}

/// An event of a person's own calendar that holds them at a numbered place of the journey cache.
struct OwnEventStop {
    var event: OwnEvent
    var at: Int
}

/// What a person's week is built around besides visits: a bought ticket, or an own event in a place.
enum Commitment {
    case ticket(BookedLeg)
    case event(OwnEventStop)

    /// When it begins: the ticket's departure, the event's start.
    var start: Instant {
        switch self {
        case .ticket(let ticket): ticket.leg.depart
        case .event(let stop): stop.event.interval.start
        }
    }
}

/// Why a bought ticket no longer works, in the users' words.
private struct TicketFault: Error {
    var text: Message
}
