import Messages
import Timeline
import Travel

/// A wish a plan does not meet, and by how much.
public struct UnmetWish: Sendable, Codable, Hashable {
    /// Which wish: `lunch`, `preferred-time`, `waiting`, `early-home`, `balance` or `hotel-cap` (stable ids).
    public var wish: String
    /// Whose week misses it, when it is one person's.
    public var person: String?
    /// The client it concerns, for a preferred time.
    public var client: String?
    /// By how much: minutes (lunch, preferred time, waiting, away), visits or minutes (balance), yuan (hotel cap).
    public var amount: Int
    /// What is missed, in the users' words.
    public var reason: Message
}

/// The wishes a plan misses, measured on the plan itself (its visits, legs and stays) with `WishMeasures`: only the
/// wishes that are set (a weight above zero, or a rule) are looked at.
public enum UnmetWishes {
    /// Every wish `plan` misses, person by person.
    public static func of(_ plan: Plan, problem: Problem) -> [UnmetWish] {
        let wishes = problem.wishes
        let zone = problem.zone
        var found: [UnmetWish] = []
        let clients = Dictionary(problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for person in problem.staff {
            let visits = plan.visits.filter { $0.staff.contains(person.id) }
            let legs = plan.legs.filter { $0.person == person.id }
            if wishes.lunch?.isActive == true {
                let busy = visits.map(\.interval) + legs.map(\.interval)
                for day in Set(visits.map { zone.date(of: $0.start) }).sorted() {
                    let missing = WishMeasures.lunchShortfall(
                        busy: busy, on: day, zone: zone, hours: wishes.lunchHours, minutes: wishes.lunchMinutes)
                    guard missing > 0 else { continue }
                    found.append(
                        UnmetWish(
                            wish: "lunch", person: person.id, amount: missing,
                            reason: Message(
                                .wishLunchUnmet,
                                [
                                    "person": .text(person.name), "day": .date(day), "minutes": .number(missing),
                                    "length": .number(wishes.lunchMinutes), "hours": .text("\(wishes.lunchHours)"),
                                ])))
                }
            }
            if wishes.waiting?.isActive == true {
                var city = (person.start ?? person.home).cityID
                var items: [(interval: Interval, cityAfter: String)] = []
                for item
                    in (visits.map { ($0.interval, $0.isOnline ? nil : $0.city) }
                    + legs.map { ($0.interval, $0.toCity) })
                    .sorted(by: { $0.0.start < $1.0.start })
                {
                    if let next = item.1 { city = next }
                    items.append((item.0, city))
                }
                let waits = WishMeasures.waits(items, home: person.home.cityID, zone: zone)
                let counted = wishes.waiting!.isRule ? waits.filter { $0 > wishes.maxWaitMinutes } : waits
                if let longest = counted.max() {
                    found.append(
                        UnmetWish(
                            wish: "waiting", person: person.id, amount: counted.reduce(0, +),
                            reason: Message(
                                .wishWaitingUnmet,
                                [
                                    "person": .text(person.name), "minutes": .hours(minutes: counted.reduce(0, +)),
                                    "longest": .hours(minutes: longest),
                                ])))
                }
            }
            if wishes.earlyHome?.isActive == true {
                let away = awayMinutes(of: person, legs: legs, problem: problem)
                if away > 0 {
                    found.append(
                        UnmetWish(
                            wish: "early-home", person: person.id, amount: away,
                            reason: Message(
                                .wishAwayUnmet, ["person": .text(person.name), "minutes": .hours(minutes: away)])))
                }
            }
            if wishes.policy.strength != nil {
                for stay in plan.stays where stay.person == person.id {
                    guard let cap = wishes.policy.cap(stay.city), stay.cost > cap + 0.005 else { continue }
                    found.append(
                        UnmetWish(
                            wish: "hotel-cap", person: person.id, amount: Int((stay.cost - cap).rounded()),
                            reason: Message(
                                .wishHotelUnmet,
                                [
                                    "person": .text(person.name), "day": .date(stay.night), "city": .text(stay.city),
                                    "price": .yuan(stay.cost), "cap": .yuan(cap),
                                ])))
                }
            }
        }
        if wishes.preferredTime?.isActive == true {
            for visit in plan.visits {
                guard let hours = clients[visit.client]?.preferredTime else { continue }
                let outside = WishMeasures.minutesOutside(visit.interval, preferred: hours, zone: zone)
                guard outside > 0 else { continue }
                found.append(
                    UnmetWish(
                        wish: "preferred-time", client: visit.client, amount: outside,
                        reason: Message(
                            .wishPreferredUnmet,
                            [
                                "client": .text(visit.clientName), "minutes": .number(outside),
                                "hours": .text("\(hours)"),
                            ])))
            }
        }
        if let balance = wishes.balance, balance.isActive, problem.staff.count > 1 {
            let byVisits = wishes.balanceBy == .visits
            let loads = problem.staff.map { person in
                byVisits
                    ? plan.visits.filter { $0.staff.contains(person.id) }.count
                    : Int(plan.legs.filter { $0.person == person.id }.reduce(0) { $0 + $1.interval.seconds } / 60)
            }
            let spread = (loads.max() ?? 0) - (loads.min() ?? 0)
            let busiest = problem.staff[loads.firstIndex(of: loads.max() ?? 0) ?? 0].name
            let least = problem.staff[loads.firstIndex(of: loads.min() ?? 0) ?? 0].name
            if spread > (balance.isRule ? wishes.maxSpread : 0) {
                func load(_ value: Int) -> Message.Argument { byVisits ? .number(value) : .hours(minutes: value) }
                found.append(
                    UnmetWish(
                        wish: "balance", amount: spread,
                        reason: Message(
                            byVisits ? .wishBalanceVisitsUnmet : .wishBalanceTravelUnmet,
                            [
                                "busiest": .text(busiest), "most": load(loads.max() ?? 0), "least": .text(least),
                                "fewest": load(loads.min() ?? 0),
                            ])))
            }
        }
        return found
    }

    /// The planning days on which `person` is away from their home city at some point (a per-diem's days).
    public static func daysAway(of person: Staff, legs: [Leg], problem: Problem) -> Int {
        let home = person.home.cityID
        var away = (person.start ?? person.home).cityID != home
        var count = 0
        var legs = legs.sorted { $0.depart < $1.depart }[...]
        for day in problem.days {
            var today = away
            let end = problem.zone.day(day).end
            while let leg = legs.first, leg.depart < end {
                if leg.toCity != home { today = true }
                away = leg.toCity != home
                legs = legs.dropFirst()
            }
            if today { count += 1 }
        }
        return count
    }

    /// Minutes between leaving the home city and getting back to it, over the week.
    static func awayMinutes(of person: Staff, legs: [Leg], problem: Problem) -> Int {
        let home = person.home.cityID
        var total: Int64 = 0
        var left: Instant?
        for leg in legs.sorted(by: { $0.depart < $1.depart }) {
            if leg.fromCity == home && leg.toCity != home && left == nil { left = leg.depart }
            if leg.toCity == home, let start = left {
                total += leg.arrive - start
                left = nil
            }
        }
        if let start = left, let last = problem.days.last { total += max(0, problem.zone.day(last).end - start) }
        return Int(total / 60)
    }
}
