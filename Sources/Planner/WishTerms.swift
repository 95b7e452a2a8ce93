import Itinerary
import Timeline
import Travel

/// The wishes of a problem (`Wishes`) as the search counts them: for one person's timed week, what the weighted
/// wishes it misses weigh, in seconds of travel, and which rule it breaks. Rules on preferred times narrow the
/// clients' windows instead (`WeekContext`); the balance across people is the objective's (`WeekState`).
struct WishTerms {
    let wishes: Wishes
    let zone: Zone
    /// Seconds an online visit of a client that may be met either way costs (0 when no client may be).
    let onlineSeconds: Int64
    /// Per visit: whether it is the online way of meeting a client that may be met in person.
    let onlineInstead: [Bool]
    /// Per visit: the client's preferred hours, when the wish weighs them.
    let preferred: [DailyHours?]
    /// Per visit: its city.
    let cities: [String]
    /// Whether any wish besides meeting in person is weighed or ruled on a person's week.
    let active: Bool
    /// Per visit: whether it is held online.
    let online: [Bool]
    /// A night's price where the travel policy names none.
    let hotelCost: Double

    init(problem: Problem, modes: OnlineVisits) {
        wishes = problem.wishes
        zone = problem.zone
        online = modes.online
        hotelCost = problem.hotelCost
        onlineInstead = modes.online.indices.map { modes.online[$0] && modes.twin[$0] >= 0 }
        // Zero when no client may be met either way, so a week without such clients skips the loop on every route.
        onlineSeconds = onlineInstead.contains(true) ? Int64(max(0, wishes.inPersonMinutes)) * 60 : 0
        let weighed = (wishes.preferredTime?.weight ?? 0) > 0
        preferred = problem.clients.map { weighed ? $0.preferredTime : nil }
        cities = problem.clients.map(\.place.cityID)
        active =
            [wishes.lunch, wishes.waiting, wishes.earlyHome, wishes.policy.strength].contains {
                $0?.isActive ?? false
            } || weighed
    }

    /// Minutes of travel a minute away from home is worth, when the wish to be home early is weighed.
    var earlyHomeWeight: Double? {
        guard let weight = wishes.earlyHome?.weight, weight > 0 else { return nil }
        return weight
    }

    /// What the wishes `schedule` misses weigh, in seconds of travel.
    func seconds(of schedule: PersonSchedule, person: Staff) -> Int64 {
        var total: Int64 = 0
        if onlineSeconds > 0 {
            for visit in schedule.visits where onlineInstead[visit.client] { total += onlineSeconds }
        }
        guard active else { return total }
        var minutes = 0.0
        if let weight = wishes.lunch?.weight, weight > 0 {
            minutes += weight * Double(lunchShortfalls(schedule).reduce(0) { $0 + $1.minutes })
        }
        if let weight = wishes.preferredTime?.weight, weight > 0 {
            for (client, interval) in schedule.visits {
                guard let hours = preferred[client] else { continue }
                minutes += weight * Double(WishMeasures.minutesOutside(interval, preferred: hours, zone: zone))
            }
        }
        if let weight = wishes.waiting?.weight, weight > 0 {
            minutes += weight * Double(waits(schedule, person: person).reduce(0, +))
        }
        if let weight = wishes.earlyHome?.weight, weight > 0 { minutes += weight * Double(schedule.awaySeconds) / 60 }
        if let weight = wishes.policy.strength?.weight, weight > 0 {
            for city in schedule.nights.compactMap({ $0 }) {
                guard let cap = wishes.policy.cap(city) else { continue }
                minutes += weight * max(0, hotelPrice(city) - cap) / 100
            }
        }
        return total + Int64((minutes * 60).rounded())
    }

    /// The first rule `schedule` breaks, if any.
    func broken(_ schedule: PersonSchedule, person: Staff) -> Obstacle? {
        guard active else { return nil }
        if wishes.lunch?.isRule == true, let missed = lunchShortfalls(schedule).first {
            return .lunchMissed(day: missed.day, minutes: missed.minutes)
        }
        if wishes.waiting?.isRule == true,
            let wait = waits(schedule, person: person).first(where: { $0 > wishes.maxWaitMinutes })
        {
            return .waitTooLong(minutes: wait, limit: wishes.maxWaitMinutes)
        }
        if wishes.policy.strength?.isRule == true {
            for city in schedule.nights.compactMap({ $0 }) {
                if let cap = wishes.policy.cap(city), hotelPrice(city) > cap + 1e-9 {
                    return .hotelOverCap(city: city, price: hotelPrice(city), cap: cap)
                }
            }
        }
        return nil
    }

    /// A night's price in `city`, as `Problem.hotelPrice(in:)` has it.
    private func hotelPrice(_ city: String) -> Double { wishes.policy.hotelPrice(in: city, otherwise: hotelCost) }

    /// Whether a meeting takes more of the lunch break of its day than what already holds the person (`busy`).
    func breaksLunch(_ meeting: Interval, busy: [Interval]) -> Bool {
        let day = zone.date(of: meeting.start)
        func missing(_ items: [Interval]) -> Int {
            WishMeasures.lunchShortfall(
                busy: items, on: day, zone: zone, hours: wishes.lunchHours, minutes: wishes.lunchMinutes)
        }
        return missing(busy + [meeting]) > missing(busy)
    }

    /// The days whose lunch break the week misses, with the minutes missing.
    func lunchShortfalls(_ schedule: PersonSchedule) -> [(day: LocalDate, minutes: Int)] {
        let busy =
            schedule.visits.map(\.interval) + schedule.legs.map { Interval($0.journey.depart, $0.journey.arrive) }
        let days = Set(schedule.visits.map { zone.date(of: $0.interval.start) }).sorted()
        return days.compactMap { day in
            let missing = WishMeasures.lunchShortfall(
                busy: busy, on: day, zone: zone, hours: wishes.lunchHours, minutes: wishes.lunchMinutes)
            return missing > 0 ? (day, missing) : nil
        }
    }

    /// The waits of a timed week, in minutes. The search times each journey as early as it can, but the plan
    /// leaves home (and one door for another in a city) as late as still arrives in time: a journey of that kind
    /// counts as if it arrived as the stop after it begins, so the wait falls before it, where the plan has it.
    private func waits(_ schedule: PersonSchedule, person: Staff) -> [Int] {
        var items: [(interval: Interval, cityAfter: String)] = []
        var city = (person.start ?? person.home).cityID
        var legs = schedule.legs[...]
        let home = person.home.cityID
        for (client, interval) in schedule.visits {
            while let leg = legs.first, leg.journey.depart < interval.start {
                let late = leg.from.cityID == home || leg.from.cityID == leg.to.cityID
                let shift = late ? max(0, interval.start - leg.journey.arrive) : 0
                items.append((Interval(leg.journey.depart + shift, leg.journey.arrive + shift), leg.to.cityID))
                city = leg.to.cityID
                legs = legs.dropFirst()
            }
            items.append((interval, online[client] ? city : cities[client]))
        }
        for leg in legs { items.append((Interval(leg.journey.depart, leg.journey.arrive), leg.to.cityID)) }
        return WishMeasures.waits(items, home: home, zone: zone)
    }
}
