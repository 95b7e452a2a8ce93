import Itinerary
import Timeline
import Travel

/// One person's week for a given order of visits: when each meeting happens, how they travel, where they sleep.
struct PersonSchedule {
    var visits: [(client: Int, interval: Interval)] = []
    var legs: [(from: Place, to: Place, journey: Journey)] = []
    /// Per night (all planning days but the last): the city slept in when away from home, else nil.
    var nights: [String?] = []
    var travelSeconds: Int64 = 0
    /// Seconds away from the home city, from leaving it to getting back.
    var awaySeconds: Int64 = 0
    var ticketCost: Double = 0
    var hotelCost: Double = 0
    /// The wishes the week does not meet, weighed in seconds of travel (`WishTerms`): 0 when every weight is 0.
    var wishSeconds: Int64 = 0

    /// Travel and wishes, as the search compares weeks.
    var weighedSeconds: Int64 { travelSeconds + wishSeconds }

    var nightsAway: Int { nights.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }
    var cost: Double { ticketCost + hotelCost }
}

/// Times a fixed order of visits for one person, or says what stops it. A visit with a fixed start (booked, or
/// shared by a delegation) starts then; any other starts at the earliest time both sides are free once the person
/// is there. Travel happens on the latest day that still arrives in time (the meeting's own day if it can); a person
/// who must be home on a day off, or who has no hotel nights left, goes home overnight and out again.
struct RouteSimulator {
    let context: WeekContext

    private var problem: Problem { context.problem }

    /// The schedule for `order` (client indices), with `fixed` starts by client, or the first obstacle met. With
    /// `leaveLate`, each leg is moved to the latest departure that still reaches the meeting in time.
    func simulate(person: Int, order: [Int], fixed: [Instant?], leaveLate: Bool = false) -> Result<
        PersonSchedule, Obstacle
    > {
        let first = simulate(person: person, order: order, fixed: fixed, leaveLate: leaveLate, travelLate: true)
        guard case .failure = first, !order.isEmpty else { return first }
        // Travelling late can use up a day's cap or hours that a later leg needed: try the earliest legs.
        let second = simulate(person: person, order: order, fixed: fixed, leaveLate: leaveLate, travelLate: false)
        if case .success = second { return second }
        return first
    }

    /// Where a person is while their week is timed.
    private struct Walk {
        var schedule = PersonSchedule()
        var place: Place
        /// The journey cache's number of `place`.
        var at: Int
        var now: Instant
        var travelByDay: [Int64]
        /// How many of the person's commitments (bought tickets, own events) are kept.
        var kept = 0
    }

    /// At home at the start of the week.
    private func start(_ person: Int) -> Walk {
        Walk(
            place: context.homes[person], at: person, now: context.days[0].start,
            travelByDay: [Int64](repeating: 0, count: context.days.count))
    }

    private func simulate(person: Int, order: [Int], fixed: [Instant?], leaveLate: Bool, travelLate: Bool) -> Result<
        PersonSchedule, Obstacle
    > {
        walk(
            person: person, order: order[...], from: start(person), fixed: fixed, leaveLate: leaveLate,
            travelLate: travelLate)
    }

    /// Times `order` from `walk` on, then the tickets left and the way home, and checks the week's limits.
    private func walk(
        person: Int, order: ArraySlice<Int>, from walk: Walk, fixed: [Instant?], leaveLate: Bool, travelLate: Bool
    ) -> Result<PersonSchedule, Obstacle> {
        var walk = walk
        for client in order {
            if let obstacle = step(
                client, person: person, walk: &walk, fixed: fixed, leaveLate: leaveLate, travelLate: travelLate)
            {
                return .failure(obstacle)
            }
        }
        for commitment in context.commitments[person][walk.kept...] {
            if let obstacle = keep(
                commitment, person: person, walk: &walk, leaveLate: leaveLate, travelLate: travelLate)
            {
                return .failure(obstacle)
            }
        }
        let staff = problem.staff[person]
        let finish = context.finishes[person]
        // A person with a finish place goes to its door; anyone else home, when in another city.
        let away =
            staff.finish == nil
            ? walk.place.cityID != finish.cityID
            : walk.at != context.finishIndex(person) && (walk.place.id == nil || walk.place.id != finish.id)
        if away {
            switch leg(
                person, from: walk.at, to: context.finishIndex(person), notBefore: walk.now,
                travelByDay: walk.travelByDay)
            {
            case .success(let journey) where staff.finishBy.map({ journey.arrive <= $0 }) ?? true:
                record(journey, from: walk.place, to: finish, in: &walk)
            case .success: return .failure(.cannotReturnHome(from: walk.place.label, after: walk.now, overCap: nil))
            case .failure(let failure):
                return .failure(.cannotReturnHome(from: walk.place.label, after: walk.now, overCap: failure.overCap))
            }
        } else if let by = staff.finishBy, walk.now > by {
            return .failure(.cannotReturnHome(from: walk.place.label, after: walk.now, overCap: nil))
        }
        var schedule = walk.schedule
        schedule.nights = nights(of: person, legs: schedule.legs)
        schedule.awaySeconds = awaySeconds(of: person, legs: schedule.legs)
        let count = schedule.nightsAway
        schedule.hotelCost = schedule.nights.reduce(0) { total, city in
            total + (city.map { problem.hotelPrice(in: $0) } ?? 0)
        }
        if let limit = context.nightLimits[person], count > limit {
            return .failure(.tooManyNights(nights: count, limit: limit))
        }
        if let limit = context.costLimits[person], schedule.cost > limit + 1e-9 {
            return .failure(.overBudget(cost: schedule.cost, limit: limit))
        }
        if let broken = context.wishes.broken(schedule, person: staff) { return .failure(broken) }
        schedule.wishSeconds = context.wishes.seconds(of: schedule, person: staff)
        return .success(schedule)
    }

    /// The next visit of an order: the commitments (bought tickets, own events) that come before it, then the visit.
    /// A commitment comes first when the visit does not fit before it (with time to reach its door), or when going
    /// after it travels less (the ticket already goes where the visit is).
    private func step(
        _ client: Int, person: Int, walk: inout Walk, fixed: [Instant?], leaveLate: Bool, travelLate: Bool
    ) -> Obstacle? {
        let commitments = context.commitments[person]
        while walk.kept < commitments.count {
            let commitment = commitments[walk.kept]
            var before = walk
            let visitFirst = visit(
                client, person: person, walk: &before, fixed: fixed, leaveLate: leaveLate, travelLate: travelLate)
            if let visitFirst, commitment.start >= (fixed[client] ?? context.latestStart[client]) {
                // The visit must start before the commitment does: keeping the commitment first cannot help.
                return visitFirst
            }
            if visitFirst == nil,
                keep(commitment, person: person, walk: &before, leaveLate: false, travelLate: travelLate) == nil
            {
                var after = walk
                guard keep(commitment, person: person, walk: &after, leaveLate: false, travelLate: travelLate) == nil,
                    visit(client, person: person, walk: &after, fixed: fixed, leaveLate: false, travelLate: travelLate)
                        == nil,
                    after.schedule.travelSeconds < before.schedule.travelSeconds
                else { break }
            }
            if let obstacle = keep(
                commitment, person: person, walk: &walk, leaveLate: leaveLate, travelLate: travelLate)
            {
                return obstacle
            }
        }
        return visit(client, person: person, walk: &walk, fixed: fixed, leaveLate: leaveLate, travelLate: travelLate)
    }

    /// Travels to a client and holds the meeting (or holds it online where the person is), or says what stops it.
    private func visit(
        _ client: Int, person: Int, walk: inout Walk, fixed: [Instant?], leaveLate: Bool, travelLate: Bool
    ) -> Obstacle? {
        let length = context.meetingSeconds[client]
        let there = context.placeIndex(client: client)
        let windows = context.commonWindows(client, person)
        // What already holds the person, for the lunch break (only when it is wished for).
        let lunchBreak =
            context.wishes.wishes.lunch?.isActive == true
            ? walk.schedule.visits.map(\.interval)
                + walk.schedule.legs.map { Interval($0.journey.depart, $0.journey.arrive) }
            : nil
        let start: (Instant) -> Instant? = { arrival in
            // A fixed start (booked or kept) must still lie in the client's and the person's free time: the audit
            // judges it by the same rule.
            if let fixed = fixed[client] {
                return arrival <= fixed && windows.contains(Interval(fixed, fixed + length)) ? fixed : nil
            }
            // Meetings start on the step (five minutes, unless the schedule says otherwise).
            let step = problem.meetingStartStep
            func fit(_ free: IntervalSet, after: Instant) -> Instant? {
                free.earliestFit(seconds: length, notBefore: Instant(seconds: (after.seconds + step - 1) / step * step))
            }
            guard let earliest = fit(windows, after: arrival) else { return nil }
            // With wishes, a later start the same day may meet them: in the client's preferred hours, or after a
            // lunch break the earliest start would take.
            let preferred = context.preferredWindows[client]
            guard preferred != nil || lunchBreak != nil else { return earliest }
            let day = context.dayIndex(earliest)
            var begin = earliest
            if let preferred,
                let later = fit(windows.intersection(preferred), after: arrival),
                context.dayIndex(later) == day
            {
                begin = later
            }
            if let lunch = lunchBreak, context.wishes.breaksLunch(Interval(begin, begin + length), busy: lunch) {
                let opens = problem.zone.instant(problem.zone.date(of: begin), problem.wishes.lunchHours.opens)
                let after = max(arrival, opens) + Int64(problem.wishes.lunchMinutes) * 60
                if let later = fit(windows, after: after), context.dayIndex(later) == day { begin = later }
            }
            return begin
        }
        if context.modes.online[client] {
            // No travel: the call is held where the person is, once what came before is over.
            guard let begin = start(walk.now) else { return .noOnlineTime(client: client, after: walk.now) }
            walk.schedule.visits.append((client, Interval(begin, begin + length)))
            walk.now = begin + length
            return nil
        }
        let reached = reach(
            there, context.cache.places[there], person: person, walk: &walk, leaveLate: leaveLate,
            travelLate: travelLate, start: start
        ) { journey in
            let services = journey.services.compactMap(\.service)
            if let fixed = fixed[client] {
                return .lateForFixedStart(client: client, arrival: journey.arrive, start: fixed, services: services)
            }
            return .noWindow(client: client, arrival: journey.arrive, services: services)
        }
        switch reached {
        case .failure(let obstacle): return obstacle
        case .success(let begin):
            walk.schedule.visits.append((client, Interval(begin, begin + length)))
            walk.now = begin + length
            return nil
        }
    }

    /// Keeps the next commitment: takes the ticket, or is at the own event from its start to its end.
    private func keep(
        _ commitment: Commitment, person: Int, walk: inout Walk, leaveLate: Bool, travelLate: Bool
    ) -> Obstacle? {
        let obstacle: Obstacle?
        switch commitment {
        case .ticket(let ticket):
            obstacle = take(ticket, person: person, walk: &walk, leaveLate: leaveLate, travelLate: travelLate)
        case .event(let stop):
            let event = stop.event
            let reached = reach(
                stop.at, event.place, person: person, walk: &walk, leaveLate: leaveLate, travelLate: travelLate
            ) { arrival in
                arrival <= event.interval.start ? event.interval.start : nil
            } late: { journey in
                .missesOwnEvent(
                    summary: event.summary, at: event.place.label, start: event.interval.start,
                    arrival: journey.arrive)
            }
            switch reached {
            case .failure(let failure): obstacle = failure
            case .success:
                walk.now = max(walk.now, event.interval.end)
                obstacle = nil
            }
        }
        if obstacle == nil { walk.kept += 1 }
        return obstacle
    }

    /// Travels to the door a bought ticket leaves from, by its departure, and takes it.
    private func take(_ ticket: BookedLeg, person: Int, walk: inout Walk, leaveLate: Bool, travelLate: Bool)
        -> Obstacle?
    {
        let depart = ticket.leg.depart
        let reached = reach(
            ticket.from, ticket.fromPlace, person: person, walk: &walk, leaveLate: leaveLate, travelLate: travelLate
        ) { arrival in
            arrival <= depart ? depart : nil
        } late: { journey in
            .missesBookedLeg(
                services: ticket.leg.journey.services.compactMap(\.service), depart: depart, arrival: journey.arrive)
        }
        if case .failure(let obstacle) = reached { return obstacle }
        record(ticket.leg.journey, from: ticket.fromPlace, to: ticket.toPlace, in: &walk)
        walk.place = ticket.toPlace
        walk.at = ticket.to
        walk.now = ticket.leg.arrive
        return nil
    }

    /// Travels from where the walk is to place `there` and returns when the stop there begins (`start` of the
    /// arrival, nil when the arrival is too late for it, `late` says why); goes home overnight first when the rules
    /// on days off or nights require it.
    private func reach(
        _ there: Int, _ destination: Place, person: Int, walk: inout Walk, leaveLate: Bool, travelLate: Bool,
        start: (Instant) -> Instant?, late: (Journey) -> Obstacle
    ) -> Result<Instant, Obstacle> {
        let home = context.homes[person]
        if walk.at == there {
            guard let begin = start(walk.now) else {
                return .failure(late(Journey(depart: walk.now, arrive: walk.now, parts: [])))
            }
            return .success(begin)
        }
        var journey: Journey
        switch leg(person, from: walk.at, to: there, notBefore: walk.now, travelByDay: walk.travelByDay) {
        case .success(let found): journey = found
        case .failure(let failure):
            return .failure(
                .noJourney(from: walk.place.label, to: destination.label, after: walk.now, overCap: failure.overCap))
        }
        guard var begin = start(journey.arrive) else { return .failure(late(journey)) }
        let today = context.dayIndex(walk.now)
        let meetingDay = context.dayIndex(begin)
        if walk.place.cityID != home.cityID && meetingDay > today,
            let cause = homeNightCause(person: person, from: today, to: meetingDay, schedule: walk.schedule)
        {
            // Home tonight, out again on a later day.
            guard
                case .success(let back) = leg(
                    person, from: walk.at, to: person, notBefore: walk.now, travelByDay: walk.travelByDay)
            else {
                return .failure(cause)
            }
            record(back, from: walk.place, to: home, in: &walk)
            walk.place = home
            walk.at = person
            if there == person {
                // Going home was the way there (an own event in their office).
                guard let fit = start(back.arrive) else { return .failure(late(back)) }
                walk.place = destination
                return .success(fit)
            }
            let morning = context.days[min(context.days.count - 1, context.dayIndex(back.arrive) + 1)].start
            switch leg(
                person, from: walk.at, to: there, notBefore: max(back.arrive, morning), travelByDay: walk.travelByDay)
            {
            case .success(let found): journey = found
            case .failure(let failure):
                return .failure(
                    .noJourney(
                        from: walk.place.label, to: destination.label, after: back.arrive, overCap: failure.overCap))
            }
            guard let fit = start(journey.arrive) else { return .failure(late(journey)) }
            begin = fit
        } else if context.wishes.earlyHomeWeight != nil, meetingDay > today, there != person,
            let (morning, fit) = homeEarly(person, to: there, instead: journey, walk: &walk, start: start)
        {
            journey = morning
            begin = fit
        } else if travelLate, destination.cityID != home.cityID || walk.place.cityID == home.cityID,
            context.dayIndex(journey.arrive) < meetingDay, meetingDay < context.days.count
        {
            // Travel as late as still arrives in time: on the meeting's own day if possible, else the day before, and
            // so on, instead of waiting there over several nights. But go home at once, not on the day of what is
            // next at home.
            for day in stride(from: meetingDay, to: max(today, context.dayIndex(journey.depart)), by: -1) {
                guard let window = context.travelWindows[person][day] else { continue }
                if case .success(let later) = leg(
                    person, from: walk.at, to: there, notBefore: max(walk.now, window.start),
                    travelByDay: walk.travelByDay),
                    later.arrive <= begin
                {
                    journey = later
                    break
                }
            }
        }
        // Leave home, or one door for another in a city, as late as still arrives in time; leave a city away from
        // home at the first departure after the last meeting there, not the last one that still arrives in time.
        if leaveLate && (walk.place.cityID == home.cityID || walk.place.cityID == destination.cityID) {
            journey = latestJourney(
                person, from: walk.at, to: there, after: journey, by: lunchDeadline(begin),
                travelByDay: walk.travelByDay)
        }
        record(journey, from: walk.place, to: destination, in: &walk)
        walk.place = destination
        walk.at = there
        return .success(begin)
    }

    /// Home tonight and out to `there` from the next morning on, when the wish to be home early weighs the night at
    /// home more than the travel it adds to `journey` (the way there without going home): the walk goes home, and the
    /// morning's journey and when the stop then begins are returned; nil, the walk untouched, otherwise. Kept out of
    /// `reach` (which runs on every simulated stop) as only a week with that wish asks for it.
    @inline(never)
    private func homeEarly(
        _ person: Int, to there: Int, instead journey: Journey, walk: inout Walk, start: (Instant) -> Instant?
    ) -> (morning: Journey, begin: Instant)? {
        let home = context.homes[person]
        guard let weight = context.wishes.earlyHomeWeight, walk.place.cityID != home.cityID,
            case .success(let evening) = leg(
                person, from: walk.at, to: person, notBefore: walk.now, travelByDay: walk.travelByDay)
        else { return nil }
        var night = walk
        record(evening, from: walk.place, to: home, in: &night)
        let dawn = context.days[min(context.days.count - 1, context.dayIndex(evening.arrive) + 1)].start
        guard
            case .success(let morning) = leg(
                person, from: person, to: there, notBefore: max(evening.arrive, dawn), travelByDay: night.travelByDay),
            let begin = start(morning.arrive),
            weight * Double(morning.depart - evening.arrive)
                > Double(evening.seconds + morning.seconds - journey.seconds)
        else { return nil }
        night.place = home
        night.at = person
        walk = night
        return (morning, begin)
    }

    /// When a journey to a stop beginning at `begin` must arrive: then, or, when a lunch break is wished for and the
    /// stop begins after the day's break could end, early enough for the break before it (not on the way).
    private func lunchDeadline(_ begin: Instant) -> Instant {
        guard context.wishes.wishes.lunch?.isActive == true else { return begin }
        let wishes = problem.wishes
        let day = problem.zone.date(of: begin)
        let opens = problem.zone.instant(day, wishes.lunchHours.opens)
        let length = Int64(wishes.lunchMinutes) * 60
        let closes = problem.zone.instant(day, wishes.lunchHours.closes)
        guard begin >= opens + length, begin <= closes else { return begin }
        return begin - length
    }

    /// Why staying away from day `from` to day `to` is not allowed (a day off between, or the limit on nights), if so.
    private func homeNightCause(person: Int, from: Int, to: Int, schedule: PersonSchedule) -> Obstacle? {
        if from + 1 < to, let day = (from + 1..<to).first(where: { context.travelWindows[person][$0] == nil }) {
            return .awayOnDayOff(day: day)
        }
        guard let limit = context.nightLimits[person] else { return nil }
        let sofar = nights(of: person, legs: schedule.legs).prefix(max(0, from)).reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        return sofar + (to - from) > limit ? .tooManyNights(nights: sofar + to - from, limit: limit) : nil
    }

    /// Where the person sleeps each night but the last: the city the last leg of that day reached, if not home.
    private func nights(of person: Int, legs: [(from: Place, to: Place, journey: Journey)]) -> [String?] {
        let home = context.homes[person].cityID
        var result: [String?] = []
        var city = home
        var index = 0
        for day in context.days.dropLast() {
            while index < legs.count && legs[index].journey.arrive <= day.end {
                city = legs[index].to.cityID
                index += 1
            }
            result.append(city == home ? nil : city)
        }
        return result
    }

    /// Seconds between leaving the home city and getting back to it, over the week.
    private func awaySeconds(of person: Int, legs: [(from: Place, to: Place, journey: Journey)]) -> Int64 {
        let home = context.homes[person].cityID
        var total: Int64 = 0
        var left: Instant?
        for (from, to, journey) in legs {
            if from.cityID == home && to.cityID != home && left == nil { left = journey.depart }
            if to.cityID == home, let start = left {
                total += journey.arrive - start
                left = nil
            }
        }
        if let start = left, let end = context.days.last?.end { total += max(0, end - start) }
        return total
    }

    private func record(_ journey: Journey, from: Place, to: Place, in walk: inout Walk) {
        walk.schedule.legs.append((from, to, journey))
        walk.schedule.travelSeconds += journey.seconds
        walk.schedule.ticketCost += journey.price
        let day = context.dayIndex(journey.depart)
        // The daily cap counts travel as the plan shows it, on whole minutes.
        if day >= 0 && day < walk.travelByDay.count { walk.travelByDay[day] += context.capSeconds(journey) }
    }
}
