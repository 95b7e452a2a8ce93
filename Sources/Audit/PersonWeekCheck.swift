import Itinerary
import Messages
import Timeline
import Travel

/// Walks one person's week in time order: where they are, whether they travel legally, where they sleep.
struct PersonWeekCheck {
    let audit: PlanAudit
    let person: Staff
    let plan: Plan
    let clients: [String: Client]

    private var problem: Problem { audit.problem }

    private enum Item {
        case visit(ScheduledVisit)
        case leg(Leg)
        case ownEvent(OwnEvent)

        var interval: Interval {
            switch self {
            case .visit(let visit): visit.interval
            case .leg(let leg): leg.interval
            case .ownEvent(let event): event.interval
            }
        }
    }

    func findings() -> [Finding] {
        let visits = plan.visits.filter { $0.staff.contains(person.id) }
        let legs = plan.legs.filter { $0.person == person.id }
        let items = (visits.map(Item.visit) + legs.map(Item.leg)).sorted { $0.interval.start < $1.interval.start }
        // An own event comes after what ends as it starts, so a leg arriving on time puts them there.
        let walked = (items + person.ownEvents.map(Item.ownEvent)).sorted { a, b in
            if a.interval.start != b.interval.start { return a.interval.start < b.interval.start }
            if case .ownEvent = b { return true }
            return false
        }
        var findings: [Finding] = []
        func add(
            _ rule: AuditRule, _ time: Instant?, _ key: MessageKey, _ arguments: [String: Message.Argument],
            client: String? = nil
        ) {
            findings.append(
                Finding(
                    rule: rule, severity: .error, person: person.id, client: client, time: time,
                    message: says(Message(key, arguments))))
        }
        for (a, b) in zip(items, items.dropFirst()) where a.interval.end > b.interval.start {
            add(.doubleBooked, b.interval.start, .itemsOverlap, ["first": describe(a), "second": describe(b)])
        }
        var city = person.start?.cityID ?? person.home.cityID
        // The place id where they are, when known: where the week starts, where a leg ends, and (with a travel
        // matrix, which times the moves between places) the client of a visit.
        let tracksPlaces = !problem.travelMatrix.isEmpty
        var place = person.start?.id ?? person.home.id
        var lastLeg: Leg?
        var nightCity: [LocalDate: String] = [:]
        var travelByDay: [LocalDate: Int64] = [:]
        var tickets = 0.0
        for item in walked {
            switch item {
            case .ownEvent(let event):
                if event.place.cityID != city {
                    add(
                        .awayFromOwnEvent, event.interval.start, .awayFromOwnEvent,
                        [
                            "summary": .text(event.summary), "span": audit.span(event.interval),
                            "location": .text(event.location), "city": audit.city(event.place.cityID),
                            "here": audit.city(city),
                        ])
                }
                continue
            case .visit(let visit) where visit.isOnline:
                // A call is held wherever they are: it keeps them from travelling, not in a place.
                break
            case .visit(let visit):
                let visitPlace = clients[visit.client]?.place.id
                if visit.city != city {
                    add(
                        .notThere, visit.start, .visitInOtherCity,
                        ["visit": describe(item), "city": audit.city(visit.city), "here": audit.city(city)],
                        client: visit.client)
                } else if tracksPlaces, let here = place, let there = visitPlace, here != there {
                    add(
                        .notThere, visit.start, .visitAtOtherPlace,
                        ["visit": describe(item), "place": .text(there), "here": .text(here)], client: visit.client)
                }
                place = tracksPlaces ? visitPlace : nil
            case .leg(let leg):
                if leg.fromCity != city {
                    add(
                        .legFromElsewhere, leg.depart,
                        .legLeavesOtherCity,
                        ["leg": describe(item), "city": audit.city(leg.fromCity), "here": audit.city(city)])
                } else if let here = place, let from = leg.fromPlace, here != from {
                    add(
                        .legFromElsewhere, leg.depart, .legLeavesOtherPlace,
                        ["leg": describe(item), "place": .text(from), "here": .text(here)])
                }
                let checked = checkLeg(leg)
                findings += checked.findings
                tickets += checked.fare
                let day = problem.zone.date(of: leg.depart)
                travelByDay[day, default: 0] += leg.arrive - leg.depart
                city = leg.toCity
                place = leg.toPlace
                lastLeg = leg
            }
            nightCity[problem.zone.date(of: item.interval.end)] = city
        }
        for (day, seconds) in travelByDay.sorted(by: { $0.key < $1.key })
        where seconds > Int64(person.dailyTravelCapMinutes) * 60 {
            add(
                .overTravelCap, problem.zone.day(day).start,
                .travelsOverCap,
                [
                    "minutes": .number(Int(seconds / 60)), "day": .date(day),
                    "cap": .number(person.dailyTravelCapMinutes),
                ])
        }
        findings += checkEnd(city: city, place: place, lastLeg: lastLeg)
        findings += checkStays(nightCity: nightCity)
        findings += checkLimits(tickets: tickets)
        for day in person.daysOff.sorted() {
            let span = problem.zone.day(day)
            if legs.contains(where: { $0.interval.overlaps(span) })
                || visits.contains(where: { $0.interval.overlaps(span) })
            {
                add(.busyOnDayOff, span.start, .busyOnDayOff, ["day": .date(day)])
            }
            let before = day.adding(days: -1)
            if nightCity[before].map({ $0 != person.home.cityID }) ?? false
                || plan.stays.contains(where: { $0.person == person.id && ($0.night == before || $0.night == day) })
            {
                add(.awayOnDayOff, span.start, .notHomeAroundDayOff, ["day": .date(day)])
            }
        }
        return findings
    }

    /// The leg's findings, and what it costs by the timetable's fares, never by the price the plan claims: a ride the
    /// timetable does not have costs what the plan says if that is more (it is an error anyway), else nothing.
    private func checkLeg(_ leg: Leg) -> (findings: [Finding], fare: Double) {
        var findings: [Finding] = []
        let label = describe(.leg(leg))
        func add(_ rule: AuditRule, _ key: MessageKey, _ arguments: [String: Message.Argument]) {
            findings.append(
                Finding(
                    rule: rule, severity: .error, person: person.id, time: leg.depart,
                    message: says(Message(key, arguments.merging(["leg": label]) { a, _ in a }))))
        }
        // Travel hours of days that follow each other join when one closes as the next opens (around the clock): a
        // journey may run through midnight then.
        let hours = IntervalSet(problem.days.map { problem.travelWindow(of: person, on: $0) })
        if !hours.contains(leg.interval) {
            add(.outsideTravelHours, .legOutsideTravelHours, ["hours": .text("\(person.travelHours)")])
        }
        if person.noTravel.overlaps(leg.interval) {
            add(.travelDuringOwnEvent, .legOverlapsOwnCalendar, [:])
        }
        if let from = leg.fromPlace, let to = leg.toPlace,
            let needed = problem.travelMatrix.seconds(from: from, to: to), leg.arrive - leg.depart < needed
        {
            add(
                .legTooFast, .legTooFast,
                [
                    "duration": duration(leg.arrive - leg.depart), "from": .text(from), "to": .text(to),
                    "needed": duration(needed),
                ])
        }
        // One timetable look-up per part, for both the checks and the fare.
        let rides = leg.parts.map { part -> Timetable.Ride? in
            guard part.mode.isTimetabled, let service = part.service else { return nil }
            return timetable.ride(service, from: part.from, to: part.to, depart: part.depart, arrive: part.arrive)
        }
        let fare = zip(leg.parts, rides).reduce(0) { total, pair in
            total + (pair.1.map { $0.price ?? 0 } ?? max(pair.0.price ?? 0, 0))
        }
        guard let first = leg.parts.first, let last = leg.parts.last, first.depart == leg.depart,
            last.arrive == leg.arrive
        else {
            add(.legPartsMismatch, .legPartsMismatch, [:])
            return (findings, fare)
        }
        for (index, part) in leg.parts.enumerated() {
            if part.arrive < part.depart {
                add(.legPartBackwards, .legPartBackwards, ["from": .text(part.from), "to": .text(part.to)])
            }
            if index > 0 {
                let previous = leg.parts[index - 1]
                let buffer = part.mode.isTimetabled ? Int64(problem.travelRules.checkIn(part.mode)) * 60 : 0
                if previous.arrive + buffer > part.depart {
                    add(
                        .missedConnection, .legMissedConnection,
                        [
                            "service": .text(part.service ?? part.mode.rawValue),
                            "time": .text(problem.zone.clock(part.depart)), "minutes": .number(Int(buffer / 60)),
                            "stop": .text(part.from),
                        ])
                }
            }
            guard part.mode.isTimetabled else {
                if part.mode == .car {
                    for (rule, key, arguments) in audit.drives.problems(of: leg, part: index) {
                        add(rule, key, arguments)
                    }
                } else if let price = part.price, price != 0 {
                    add(.wrongPrice, .legUnticketedPrice, audit.drives.unpricedArguments(part, price))
                }
                continue
            }
            let service = part.service ?? "?"
            guard let ride = rides[index] else {
                add(
                    .unknownService, .legUnknownService,
                    [
                        "service": .text(service),
                        "ride": .text(
                            "\(part.from) \(problem.zone.clock(part.depart)) → \(part.to) \(problem.zone.clock(part.arrive))"
                        ),
                    ])
                continue
            }
            if !sameYuan(part.price ?? 0, ride.price ?? 0) {
                add(
                    .wrongPrice, .legWrongFare,
                    [
                        "service": .text(service), "fare": .text("¥" + yuan(ride.price ?? 0)),
                        "price": .text("¥" + yuan(part.price ?? 0)),
                    ])
            }
        }
        return (findings, fare)
    }

    private var timetable: Timetable { audit.timetable }

    /// The person's limits on hotel nights and on the cost of tickets and hotels.
    private func checkLimits(tickets: Double) -> [Finding] {
        var findings: [Finding] = []
        let stays = plan.stays.filter { $0.person == person.id }
        if let limit = person.maxNightsAway, stays.count > limit {
            findings.append(
                Finding(
                    rule: .overNightLimit, severity: .error, person: person.id,
                    message: says(Message(.overNightLimit, ["nights": .number(stays.count), "limit": .number(limit)]))))
        }
        // Costs come from the fare table and the hotel rate, never from the plan's own figures.
        let cost = tickets + stays.reduce(0) { $0 + problem.hotelPrice(in: $1.city) }
        if let limit = person.maxCost, cost > limit + 0.005 {
            findings.append(
                Finding(
                    rule: .overCostLimit, severity: .error, person: person.id,
                    message: says(
                        Message(.overCostLimit, ["cost": .text("¥" + yuan(cost)), "limit": .text("¥" + yuan(limit))]))))
        }
        return findings
    }

    private func checkStays(nightCity: [LocalDate: String]) -> [Finding] {
        var findings: [Finding] = []
        let stays = plan.stays.filter { $0.person == person.id }
        var city = person.start?.cityID ?? person.home.cityID
        for stay in stays where !sameYuan(stay.cost, problem.hotelPrice(in: stay.city)) {
            findings.append(
                Finding(
                    rule: .wrongHotelCost, severity: .error, person: person.id,
                    time: problem.zone.day(stay.night).end - 1,
                    message: says(
                        Message(
                            .wrongHotelCost,
                            [
                                "night": .date(stay.night), "city": audit.city(stay.city),
                                "rate": .text("¥" + yuan(problem.hotelPrice(in: stay.city))),
                                "price": .text("¥" + yuan(stay.cost)),
                            ]))))
        }
        for day in problem.days.dropLast() {
            if let known = nightCity[day] { city = known }
            let stay = stays.first { $0.night == day }
            if city != person.home.cityID && stay?.city != city {
                findings.append(
                    Finding(
                        rule: .missingStay, severity: .error, person: person.id, time: problem.zone.day(day).end - 1,
                        message: says(Message(.missingStay, ["night": .date(day), "city": audit.city(city)]))))
            }
            if city == person.home.cityID, let stay {
                findings.append(
                    Finding(
                        rule: .needlessStay, severity: .warning, person: person.id, time: problem.zone.day(day).end - 1,
                        message: says(Message(.needlessStay, ["night": .date(day), "city": audit.city(stay.city)]))))
            }
        }
        return findings
    }

    private func describe(_ item: Item) -> Message.Argument {
        switch item {
        case .visit(let visit):
            .message(
                Message(
                    .visitItem,
                    ["client": .text(clients[visit.client]?.name ?? visit.client), "time": audit.span(visit.interval)]))
        case .leg(let leg):
            .message(
                Message(
                    .legItem,
                    ["from": audit.city(leg.fromCity), "to": audit.city(leg.toCity), "time": audit.span(leg.interval)]))
        case .ownEvent(let event):
            .message(Message(.ownEventItem, ["summary": .text(event.summary), "span": audit.span(event.interval)]))
        }
    }

    /// `message` said of the person: `刘海峰: …`.
    func says(_ message: Message) -> Message {
        Message(.personSays, ["people": .text(person.name), "text": .message(message)])
    }
}

/// Yuan to the fen: prices within half a fen are the same.
private func sameYuan(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.005 }

/// Yuan as people read them: whole yuan, or with fen when there are any.
func yuan(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "\(value)" }
    let fen = Int((value * 100).rounded())
    let cents = abs(fen % 100)
    let sign = fen < 0 ? "-" : ""
    return cents == 0 ? "\(sign)\(abs(fen / 100))" : "\(sign)\(abs(fen / 100)).\(cents < 10 ? "0" : "")\(cents)"
}
