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
    var ticketCost: Double = 0
    var hotelCost: Double = 0

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
    func simulate(person: Int, order: [Int], fixed: [Instant?], leaveLate: Bool = false) -> Result<PersonSchedule, Obstacle> {
        let first = simulate(person: person, order: order, fixed: fixed, leaveLate: leaveLate, travelLate: true)
        guard case .failure = first, !order.isEmpty else { return first }
        // Travelling late can use up a day's cap or hours that a later leg needed: try the earliest legs.
        let second = simulate(person: person, order: order, fixed: fixed, leaveLate: leaveLate, travelLate: false)
        if case .success = second { return second }
        return first
    }

    private func simulate(person: Int, order: [Int], fixed: [Instant?], leaveLate: Bool, travelLate: Bool) -> Result<PersonSchedule, Obstacle> {
        let staff = problem.staff[person]
        var schedule = PersonSchedule()
        var place = staff.home, at = person
        var now = context.days[0].start
        var travelByDay = [Int64](repeating: 0, count: context.days.count)
        for client in order {
            let target = problem.clients[client]
            let length = Int64(target.meetingMinutes) * 60
            let windows = context.commonWindows(client, person)
            let there = context.placeIndex(client: client)
            var journey: Journey
            switch leg(person, from: at, to: there, notBefore: now, travelByDay: travelByDay) {
            case .success(let found): journey = found
            case .failure(let failure):
                return .failure(.noJourney(from: place.label, to: target.place.label, after: now, overCap: failure.overCap))
            }
            func start(after arrival: Instant) -> Instant? {
                if let fixed = fixed[client] { return arrival <= fixed ? fixed : nil }
                // Meetings start on the minute, five by five.
                return windows.earliestFit(seconds: length, notBefore: Instant(seconds: (arrival.seconds + 299) / 300 * 300))
            }
            guard var begin = start(after: journey.arrive) else {
                let services = journey.services.compactMap(\.service)
                if let fixed = fixed[client] {
                    return .failure(.lateForFixedStart(client: client, arrival: journey.arrive, start: fixed, services: services))
                }
                return .failure(.noWindow(client: client, arrival: journey.arrive, services: services))
            }
            let today = context.dayIndex(now), meetingDay = context.dayIndex(begin)
            if place.cityID != staff.home.cityID && meetingDay > today,
                let cause = homeNightCause(staff, person: person, from: today, to: meetingDay, schedule: schedule)
            {
                // Home tonight, out again on a later day.
                guard case .success(let home) = leg(person, from: at, to: person, notBefore: now, travelByDay: travelByDay) else {
                    return .failure(cause)
                }
                record(home, from: place, to: staff.home, in: &schedule, travelByDay: &travelByDay)
                place = staff.home
                at = person
                let morning = context.days[min(context.days.count - 1, context.dayIndex(home.arrive) + 1)].start
                switch leg(person, from: at, to: there, notBefore: max(home.arrive, morning), travelByDay: travelByDay) {
                case .success(let found): journey = found
                case .failure(let failure):
                    return .failure(.noJourney(from: place.label, to: target.place.label, after: home.arrive, overCap: failure.overCap))
                }
                guard let fit = start(after: journey.arrive) else {
                    let services = journey.services.compactMap(\.service)
                    return .failure(.noWindow(client: client, arrival: journey.arrive, services: services))
                }
                begin = fit
            } else if travelLate, context.dayIndex(journey.arrive) < meetingDay, meetingDay < context.days.count {
                // Travel as late as still arrives in time: on the meeting's own day if possible, else the day before,
                // and so on, instead of waiting there over several nights.
                for day in stride(from: meetingDay, to: max(today, context.dayIndex(journey.depart)), by: -1) {
                    guard let window = context.travelWindows[person][day] else { continue }
                    if case .success(let later) = leg(person, from: at, to: there, notBefore: max(now, window.start), travelByDay: travelByDay),
                        later.arrive <= begin
                    {
                        journey = later
                        break
                    }
                }
            }
            if leaveLate {
                journey = latestJourney(person, from: at, to: there, after: journey, by: begin, travelByDay: travelByDay)
            }
            record(journey, from: place, to: target.place, in: &schedule, travelByDay: &travelByDay)
            schedule.visits.append((client, Interval(begin, begin + length)))
            now = begin + length
            place = target.place
            at = there
        }
        if place.cityID != staff.home.cityID {
            switch leg(person, from: at, to: person, notBefore: now, travelByDay: travelByDay) {
            case .success(let home): record(home, from: place, to: staff.home, in: &schedule, travelByDay: &travelByDay)
            case .failure(let failure): return .failure(.cannotReturnHome(from: place.label, after: now, overCap: failure.overCap))
            }
        }
        schedule.nights = nights(of: staff, legs: schedule.legs)
        let count = schedule.nightsAway
        schedule.hotelCost = Double(count) * problem.hotelCost
        if let limit = staff.maxNightsAway, count > limit { return .failure(.tooManyNights(nights: count, limit: limit)) }
        if let limit = staff.maxCost, schedule.cost > limit + 1e-9 { return .failure(.overBudget(cost: schedule.cost, limit: limit)) }
        return .success(schedule)
    }

    /// Why staying away from day `from` to day `to` is not allowed (a day off between, or the limit on nights), if so.
    private func homeNightCause(_ staff: Staff, person: Int, from: Int, to: Int, schedule: PersonSchedule) -> Obstacle? {
        if from + 1 < to, let day = (from + 1..<to).first(where: { context.travelWindows[person][$0] == nil }) {
            return .awayOnDayOff(day: day)
        }
        guard let limit = staff.maxNightsAway else { return nil }
        let sofar = nights(of: staff, legs: schedule.legs).prefix(max(0, from)).reduce(0) { $0 + ($1 == nil ? 0 : 1) }
        return sofar + (to - from) > limit ? .tooManyNights(nights: sofar + to - from, limit: limit) : nil
    }

    /// Where the person sleeps each night but the last: the city the last leg of that day reached, if not home.
    private func nights(of staff: Staff, legs: [(from: Place, to: Place, journey: Journey)]) -> [String?] {
        var result: [String?] = []
        var city = staff.home.cityID
        var index = 0
        for day in context.days.dropLast() {
            while index < legs.count && legs[index].journey.arrive <= day.end {
                city = legs[index].to.cityID
                index += 1
            }
            result.append(city == staff.home.cityID ? nil : city)
        }
        return result
    }

    /// The journey leaving latest, no earlier than `known`, that still arrives by `deadline` and takes no longer
    /// (binary search by minute over departure times; earliest arrival grows with departure time).
    private func latestJourney(
        _ person: Int, from: Int, to: Int, after known: Journey, by deadline: Instant, travelByDay: [Int64]
    ) -> Journey {
        var best = known
        var low = known.depart.seconds / 60 + 1
        var high = deadline.seconds / 60
        while low <= high {
            let mid = (low + high) / 2
            if case .success(let candidate) = leg(person, from: from, to: to, notBefore: Instant(seconds: mid * 60), travelByDay: travelByDay),
                candidate.arrive <= deadline
            {
                best = candidate
                low = max(mid, candidate.depart.seconds / 60) + 1
            } else {
                high = mid - 1
            }
        }
        // Leaving later must not cost travel time: that is the objective's third term.
        return best.seconds <= known.seconds ? best : known
    }

    private func record(
        _ journey: Journey, from: Place, to: Place, in schedule: inout PersonSchedule, travelByDay: inout [Int64]
    ) {
        schedule.legs.append((from, to, journey))
        schedule.travelSeconds += journey.seconds
        schedule.ticketCost += journey.price
        let day = context.dayIndex(journey.depart)
        if day >= 0 && day < travelByDay.count { travelByDay[day] += journey.seconds }
    }

    /// The earliest journey leaving at or after `notBefore` that lies inside one day's travel hours (not on a day
    /// off), misses the person's busy time and keeps the day under the travel cap; on failure, the first day the
    /// cap alone stopped it.
    func leg(_ person: Int, from: Int, to: Int, notBefore: Instant, travelByDay: [Int64]) -> Result<Journey, LegFailure> {
        let staff = problem.staff[person]
        var earliest = notBefore
        var overCap: CapOverrun?
        let cap = Int64(staff.dailyTravelCapMinutes) * 60
        for _ in 0..<(8 * context.days.count + 8) {
            let day = max(0, context.dayIndex(earliest))
            guard day < context.days.count else { break }
            let nextDay = day + 1 < context.days.count ? context.days[day + 1].start : context.days[day].end
            guard let window = context.travelWindows[person][day] else {
                earliest = nextDay
                continue
            }
            if earliest < window.start { earliest = window.start }
            if earliest >= window.end {
                earliest = nextDay
                continue
            }
            guard let journey = context.cache.earliestArrival(from: from, to: to, notBefore: earliest) else { break }
            if journey.depart < window.start || journey.arrive > window.end {
                earliest = nextDay
                continue
            }
            if let clash = staff.busy.firstOverlap(with: journey.interval) {
                earliest = max(clash.end, earliest + 60)
                continue
            }
            if travelByDay[day] + journey.seconds > cap {
                if overCap == nil {
                    overCap = CapOverrun(day: day, before: Int(travelByDay[day] / 60), journey: Int(journey.seconds / 60))
                }
                earliest = nextDay
                continue
            }
            return .success(journey)
        }
        return .failure(LegFailure(overCap: overCap))
    }
}

/// Why no leg was found: the first day whose travel cap alone stopped a journey, if any.
struct LegFailure: Error {
    var overCap: CapOverrun?
}

extension Journey {
    var interval: Interval { Interval(depart, arrive) }
}
