import Itinerary
import Messages
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
        var what: Message.Argument
        /// Where the person is during it (a meeting's place, a hand event's city), when known.
        var place: Place?
        var client: String?
        var isVisit: Bool
        /// What makes two commitments the same one in two plans: the company of a visit, the trains of a leg.
        var key: String
    }

    let finder: ClashFinder
    let zone: Zone
    let staffNames: [String: String]
    let cityNames: [String: String]
    let commitments: [String: [Commitment]]

    init(finder: ClashFinder) {
        self.finder = finder
        zone = finder.weeks.first?.problem.zone ?? .utc
        var names: [String: String] = [:]
        for week in finder.weeks {
            for person in week.problem.staff where names[person.id] == nil { names[person.id] = person.name }
        }
        staffNames = names
        let cities = finder.weeks.first?.router.timetable.cities ?? [:]
        cityNames = cities.mapValues(\.displayName)
        var byPerson: [String: [Commitment]] = [:]
        for (source, week) in finder.weeks.enumerated() {
            let clients = Dictionary(week.problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let cities = week.router.timetable.cities
            let names = { (id: String) in cities[id]?.displayName ?? id }
            for visit in week.plan.visits {
                let place =
                    clients[visit.client]?.place
                    ?? cities[visit.city].map {
                        Place(cityID: $0.id, coordinate: $0.coordinate, label: visit.clientName)
                    }
                for person in visit.staff {
                    byPerson[person, default: []].append(
                        Commitment(
                            person: person, source: source, team: week.team, interval: visit.interval,
                            what: .message(Message(.visitTo, ["client": .text(visit.clientName)])),
                            place: visit.isOnline ? nil : place,
                            client: visit.client, isVisit: true,
                            key: finder.companyKey(
                                id: visit.client, name: visit.clientName, company: clients[visit.client]?.company)))
                }
            }
            for leg in week.plan.legs {
                let services = leg.parts.compactMap(\.service).joined(separator: "+")
                byPerson[leg.person, default: []].append(
                    Commitment(
                        person: leg.person, source: source, team: week.team, interval: leg.interval,
                        what: .message(
                            leg.fromCity == leg.toCity && services.isEmpty
                                ? Message(.taxiIn, ["city": .text(names(leg.fromCity))])
                                : services.isEmpty
                                    ? Message(
                                        .journeyFromTo,
                                        ["from": .text(names(leg.fromCity)), "to": .text(names(leg.toCity))])
                                    : Message(
                                        .journeyFromToBy,
                                        [
                                            "from": .text(names(leg.fromCity)), "to": .text(names(leg.toCity)),
                                            "services": .text(services),
                                        ])),
                        place: nil, client: nil, isVisit: false, key: "\(leg.fromCity)>\(leg.toCity) \(services)"))
            }
        }
        var clientNames: [String: String] = [:]
        var companies: [String: String] = [:]
        for week in finder.weeks {
            for client in week.problem.clients {
                clientNames[client.id] = client.name
                if let company = client.company { companies[client.id] = company }
            }
        }
        for (offset, hand) in finder.handPlans.enumerated() {
            for event in hand.events {
                let place = event.city.flatMap { cities[$0] }.map {
                    Place(cityID: $0.id, coordinate: $0.coordinate, label: event.location ?? event.summary)
                }
                byPerson[hand.person, default: []].append(
                    Commitment(
                        person: hand.person, source: finder.weeks.count + offset, team: hand.team,
                        interval: event.interval,
                        what: .message(Message(.quoted, ["text": .text(event.summary)])), place: place,
                        client: event.client, isVisit: place != nil,
                        key: event.client.map { id in
                            finder.companyKey(id: id, name: clientNames[id] ?? id, company: companies[id])
                        } ?? event.summary))
            }
        }
        commitments = byPerson.mapValues {
            $0.sorted { ($0.interval.start, $0.source) < ($1.interval.start, $1.source) }
        }
    }

    private func name(_ person: String) -> String { staffNames[person] ?? person }

    private func moment(_ instant: Instant) -> Message.Argument { .dayClock(instant, zone) }

    private func city(_ id: String) -> String { cityNames[id] ?? id }

    private func when(_ interval: Interval) -> Message.Argument { .span(interval, zone) }

    /// A person committed to two things at once in different plans (within one plan, the audit says so). The
    /// overlaps of one person between the same plans on one day are one problem (the person given to both teams that
    /// day): one clash, with each overlap as a part.
    func doubleBooked() -> [Clash] {
        var result: [Clash] = []
        for person in commitments.keys.sorted() {
            let items = commitments[person]!
            var overlaps: [(a: Commitment, b: Commitment)] = []
            for (i, a) in items.enumerated() {
                for b in items[(i + 1)...] {
                    guard b.interval.start < a.interval.end else { break }
                    // The same meeting or journey in two plans is one (a same-company clash covers a shared meeting).
                    guard a.source != b.source, !(a.key == b.key && a.interval == b.interval) else { continue }
                    overlaps.append((a, b))
                }
            }
            struct PlansOnADay: Hashable {
                var sources: [Int]
                var day: LocalDate
            }
            let problems = Dictionary(grouping: overlaps) { pair in
                PlansOnADay(
                    sources: [pair.a.source, pair.b.source].sorted(),
                    day: zone.date(of: max(pair.a.interval.start, pair.b.interval.start)))
            }
            for (key, pairs) in problems.sorted(by: {
                ($0.key.day, $0.key.sources[0], $0.key.sources[1]) < ($1.key.day, $1.key.sources[0], $1.key.sources[1])
            }) {
                func arguments(_ a: Commitment, _ b: Commitment) -> [String: Message.Argument] {
                    [
                        "first": a.what, "firstTime": when(a.interval), "firstTeam": .text(a.team), "second": b.what,
                        "secondTime": when(b.interval), "secondTeam": .text(b.team),
                    ]
                }
                let teams = pairs.flatMap { [$0.a.team, $0.b.team] }.uniqued()
                let first = pairs[0]
                var clash = Clash(
                    kind: .doubleBooked, severity: .error, people: [person],
                    clients: pairs.flatMap { [$0.a.client, $0.b.client].compactMap { $0 } }.uniqued(), teams: teams,
                    start: pairs.map { max($0.a.interval.start, $0.b.interval.start) }.min(),
                    end: pairs.map { min($0.a.interval.end, $0.b.interval.end) }.max(),
                    explanation: Message(
                        .bookedTwice, arguments(first.a, first.b).merging(["person": .text(name(person))]) { a, _ in a }
                    ),
                    remedy: Remedy(.teamsAgreeOnPerson, subject: name(person)))
                if pairs.count > 1 {
                    clash.explanation = Message(
                        .personGivenToTeams,
                        [
                            "person": .text(name(person)), "teams": .list(teams.map(Message.Argument.text), .and),
                            "day": .date(key.day), "count": .number(pairs.count),
                        ])
                    clash.parts = pairs.map { Message(.overlapPart, arguments($0.a, $0.b)) }
                }
                result.append(clash)
            }
        }
        return result
    }

    /// A person needed in two places, by two plans, with no journey between them in time.
    func unreachable() -> [Clash] {
        var result: [Clash] = []
        for person in commitments.keys.sorted() {
            let stops = commitments[person]!.filter { $0.isVisit && $0.place != nil }
            for (a, b) in zip(stops, stops.dropFirst()) where a.source != b.source && a.interval.end <= b.interval.start
            {
                guard let from = a.place, let to = b.place, from.cityID != to.cityID else { continue }
                let router = b.source < finder.weeks.count ? finder.weeks[b.source].router : finder.weeks[0].router
                let journey = router.earliestArrival(from: from, to: to, notBefore: a.interval.end)
                if let journey, journey.arrive <= b.interval.start { continue }
                let best =
                    journey.map { j in
                        let services = j.parts.compactMap(\.service).joined(separator: "+")
                        return Message.Argument.message(
                            services.isEmpty
                                ? Message(.theEarliestArrival, ["time": moment(j.arrive)])
                                : Message(
                                    .theEarliestArrivalBy, ["time": moment(j.arrive), "services": .text(services)]))
                    } ?? .word(.noJourneyGetsThere)
                result.append(
                    Clash(
                        kind: .unreachable, severity: .error, people: [person],
                        clients: [a.client, b.client].compactMap { $0 },
                        teams: [a.team, b.team].uniqued(), start: a.interval.end, end: b.interval.start,
                        explanation: Message(
                            .unreachable,
                            [
                                "person": .text(name(person)), "first": a.what, "firstCity": .text(city(from.cityID)),
                                "until": moment(a.interval.end), "firstTeam": .text(a.team), "second": b.what,
                                "secondCity": .text(city(to.cityID)), "by": moment(b.interval.start),
                                "secondTeam": .text(b.team), "best": best,
                            ]),
                        remedy: Remedy(.moveOneVisit)))
            }
        }
        return result
    }

    /// The same company (by company key) visited by two teams in one week (a warning) or on one day (an error).
    func sameCompany() -> [Clash] {
        struct Courting {
            var source: Int
            var team: String
            var client: String
            var clientName: String
            var people: [String]
            var start: Instant
            var day: LocalDate
        }
        var byKey: [String: [Courting]] = [:]
        for (source, week) in finder.weeks.enumerated() {
            let clients = Dictionary(week.problem.clients.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for visit in week.plan.visits {
                let key = finder.companyKey(
                    id: visit.client, name: visit.clientName, company: clients[visit.client]?.company)
                byKey[key, default: []].append(
                    Courting(
                        source: source, team: week.team, client: visit.client, clientName: visit.clientName,
                        people: visit.staff, start: visit.start, day: zone.date(of: visit.start)))
            }
        }
        var result: [Clash] = []
        for key in byKey.keys.sorted() {
            let visits = byKey[key]!.sorted { ($0.start, $0.team) < ($1.start, $1.team) }
            // Plans, not team names, tell the courting parties apart.
            guard Set(visits.map(\.source)).count > 1 else { continue }
            let teams = visits.map(\.team).uniqued()
            let sameDay = visits.contains { a in visits.contains { $0.source != a.source && $0.day == a.day } }
            let list = visits.map {
                Message.Argument.message(
                    Message(
                        .courtingTeam,
                        ["team": .text($0.team), "people": .names($0.people.map(name)), "time": moment($0.start)]))
            }
            let company = visits.map(\.clientName).uniqued().joined(separator: " / ")
            result.append(
                Clash(
                    kind: sameDay ? .sameCompanyDay : .sameCompanyWeek, severity: sameDay ? .error : .warning,
                    people: visits.flatMap(\.people).uniqued(), clients: visits.map(\.client).uniqued(), teams: teams,
                    start: visits[0].start, end: nil,
                    explanation: Message(
                        sameDay ? .courtedSameDay : .courtedSameWeek,
                        [
                            "company": .text(company), "count": .number(Set(visits.map(\.source)).count),
                            "teams": .list(list, .semicolon),
                        ]),
                    remedy: Remedy(.teamsAgreeOnCompany, subject: company)))
        }
        return result
    }
}
