import Itinerary
import Timeline
import Travel

/// All plans laid over each other, person by person and company by company: the clashes between plans.
struct Overlay {
    /// Something a person is committed to, from one plan or hand-made week.
    struct Commitment {
        var person: String
        /// Index of the plan (weeks first, then hand plans).
        var source: Int
        var team: String
        var interval: Interval
        /// What it is, in the users' words.
        var what: String
        /// Where the person is during it (a meeting's place, a hand event's city), when known.
        var place: Place?
        var client: String?
        var isVisit: Bool
    }

    let finder: ClashFinder
    let zone: Zone
    let staffNames: [String: String]
    let cityNames: [String: String]
    let commitments: [String: [Commitment]]

    init(finder: ClashFinder) {
        self.finder = finder
        zone = finder.weeks.first?.problem.zone ?? Zone(identifier: "Asia/Shanghai")!
        var names: [String: String] = [:]
        for week in finder.weeks { for person in week.problem.staff where names[person.id] == nil { names[person.id] = person.name } }
        staffNames = names
        cityNames = (finder.weeks.first?.router.timetable.cities ?? [:]).mapValues(\.displayName)
        var byPerson: [String: [Commitment]] = [:]
        for (source, week) in finder.weeks.enumerated() {
            let clients = Dictionary(week.problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let cities = week.router.timetable.cities
            let names = { (id: String) in cities[id]?.displayName ?? id }
            for visit in week.plan.visits {
                let place = clients[visit.client]?.place ?? cities[visit.city].map { Place(cityID: $0.id, coordinate: $0.coordinate, label: visit.clientName) }
                for person in visit.staff {
                    byPerson[person, default: []].append(
                        Commitment(
                            person: person, source: source, team: week.team, interval: visit.interval,
                            what: "visit to \(visit.clientName)", place: place, client: visit.client, isVisit: true))
                }
            }
            for leg in week.plan.legs {
                let services = leg.parts.compactMap(\.service).joined(separator: "+")
                byPerson[leg.person, default: []].append(
                    Commitment(
                        person: leg.person, source: source, team: week.team, interval: leg.interval,
                        what: leg.fromCity == leg.toCity && services.isEmpty
                            ? "taxi in \(names(leg.fromCity))" : "journey \(names(leg.fromCity))→\(names(leg.toCity))\(services.isEmpty ? "" : " by \(services)")",
                        place: nil, client: nil, isVisit: false))
            }
        }
        let cities = finder.weeks.first?.router.timetable.cities ?? [:]
        for (offset, hand) in finder.handPlans.enumerated() {
            for event in hand.events {
                let place = event.city.flatMap { cities[$0] }.map { Place(cityID: $0.id, coordinate: $0.coordinate, label: event.location ?? event.summary) }
                byPerson[hand.person, default: []].append(
                    Commitment(
                        person: hand.person, source: finder.weeks.count + offset, team: hand.team, interval: event.interval,
                        what: "\"\(event.summary)\"", place: place, client: event.client, isVisit: place != nil))
            }
        }
        commitments = byPerson.mapValues { $0.sorted { ($0.interval.start, $0.source) < ($1.interval.start, $1.source) } }
    }

    private func name(_ person: String) -> String { staffNames[person] ?? person }

    private func moment(_ instant: Instant) -> String { "\(zone.local(instant).date.weekday.displayName) \(zone.clock(instant))" }

    private func city(_ id: String) -> String { cityNames[id] ?? id }

    private func when(_ interval: Interval) -> String {
        let (date, time, _) = zone.local(interval.start)
        return "\(date.weekday.displayName) \(time)–\(zone.clock(interval.end))"
    }

    /// A person committed to two things at once in different plans (within one plan, the audit says so).
    func doubleBooked() -> [Clash] {
        var result: [Clash] = []
        for person in commitments.keys.sorted() {
            let items = commitments[person]!
            for (i, a) in items.enumerated() {
                for b in items[(i + 1)...] {
                    guard b.interval.start < a.interval.end else { break }
                    // The same meeting in two plans is one meeting (the same company clash covers it).
                    guard a.source != b.source, !(a.client != nil && a.client == b.client && a.interval == b.interval) else { continue }
                    result.append(
                        Clash(
                            kind: "double-booked", severity: .error, people: [person], clients: [a.client, b.client].compactMap { $0 },
                            teams: unique([a.team, b.team]), start: max(a.interval.start, b.interval.start), end: min(a.interval.end, b.interval.end),
                            explanation: "\(name(person)) is booked twice: \(a.what) \(when(a.interval)) (\(a.team)) and \(b.what) \(when(b.interval)) (\(b.team))",
                            fix: "the two teams agree which one keeps \(name(person)) then; the other moves its visit or sends someone else"))
                }
            }
        }
        return result
    }

    /// A person needed in two places, by two plans, with no journey between them in time.
    func unreachable() -> [Clash] {
        var result: [Clash] = []
        for person in commitments.keys.sorted() {
            let stops = commitments[person]!.filter { $0.isVisit && $0.place != nil }
            for (a, b) in zip(stops, stops.dropFirst()) where a.source != b.source && a.interval.end <= b.interval.start {
                guard let from = a.place, let to = b.place, from.cityID != to.cityID else { continue }
                let router = b.source < finder.weeks.count ? finder.weeks[b.source].router : finder.weeks[0].router
                let journey = router.earliestArrival(from: from, to: to, notBefore: a.interval.end)
                if let journey, journey.arrive <= b.interval.start { continue }
                let best = journey.map { j in
                    let services = j.parts.compactMap(\.service).joined(separator: "+")
                    return "the earliest arrival is \(moment(j.arrive))\(services.isEmpty ? "" : " by \(services)")"
                } ?? "no journey gets there"
                result.append(
                    Clash(
                        kind: "unreachable", severity: .error, people: [person], clients: [a.client, b.client].compactMap { $0 },
                        teams: unique([a.team, b.team]), start: a.interval.end, end: b.interval.start,
                        explanation: "\(name(person)) must be at \(a.what) in \(city(from.cityID)) until \(moment(a.interval.end)) (\(a.team)) and at \(b.what) in \(city(to.cityID)) by \(moment(b.interval.start)) (\(b.team)): \(best)",
                        fix: "move one of the two visits, or send someone else to one of them"))
            }
        }
        return result
    }

    /// The same company (by company key) visited by two teams in one week (a warning) or on one day (an error).
    func sameCompany() -> [Clash] {
        struct Courting {
            var team: String
            var client: String
            var clientName: String
            var people: [String]
            var start: Instant
            var day: LocalDate
        }
        var byKey: [String: [Courting]] = [:]
        for week in finder.weeks {
            let clients = Dictionary(week.problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for visit in week.plan.visits {
                let key = companyKey(id: visit.client, name: visit.clientName, company: clients[visit.client]?.company)
                byKey[key, default: []].append(
                    Courting(team: week.team, client: visit.client, clientName: visit.clientName, people: visit.staff, start: visit.start, day: zone.date(of: visit.start)))
            }
        }
        var result: [Clash] = []
        for key in byKey.keys.sorted() {
            let visits = byKey[key]!.sorted { ($0.start, $0.team) < ($1.start, $1.team) }
            let teams = unique(visits.map(\.team))
            guard teams.count > 1 else { continue }
            let sameDay = visits.contains { a in visits.contains { $0.team != a.team && $0.day == a.day } }
            let list = visits.map { "\($0.team) (\($0.people.map(name).joined(separator: ", ")), \(zone.local($0.start).date.weekday.displayName) \(zone.clock($0.start)))" }
            let company = unique(visits.map(\.clientName)).joined(separator: " / ")
            result.append(
                Clash(
                    kind: sameDay ? "same-company-day" : "same-company-week", severity: sameDay ? .error : .warning,
                    people: unique(visits.flatMap(\.people)), clients: unique(visits.map(\.client)), teams: teams,
                    start: visits[0].start, end: nil,
                    explanation: "\(company) is courted by \(teams.count) teams \(sameDay ? "on the same day" : "in the same week"): \(list.joined(separator: "; "))",
                    fix: "agree which team leads \(company); the other drops its visit or joins it"))
        }
        return result
    }

    /// The key two visits share when they court the same company: the mapping, else clients.csv's `company`, else
    /// the name without spaces or case.
    private func companyKey(id: String, name: String, company: String?) -> String {
        if let key = finder.companies[id] ?? finder.companies[name] ?? company { return key }
        return String(name.lowercased().filter { !$0.isWhitespace })
    }
}

/// The elements in first-seen order, without repeats.
func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}
