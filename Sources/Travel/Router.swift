import Timeline

/// Answers journey questions over a timetable by connection scans: earliest arrival, latest departure and the day's
/// profile, door to door (taxi, check-in, changes, a drive where it is quicker) or by the timetable alone.
public struct Router: Sendable {
    /// The timetable queried.
    public let timetable: Timetable
    /// Buffers and speeds.
    public let rules: TravelRules
    let network: ScanNetwork

    /// A router over the trips that run on `dates` (and the runs of earlier days still under way).
    public init(timetable: Timetable, rules: TravelRules, dates: [LocalDate]) {
        self.timetable = timetable
        self.rules = rules
        network = ScanNetwork(timetable: timetable, rules: rules, dates: dates)
    }

    /// How many elementary connections (one stop to the next on one run) the router scans.
    public var connectionCount: Int { network.connections.count }

    // MARK: Door to door

    /// The journey reaching `destination` earliest when leaving `origin` no earlier than `earliest`; it leaves as late
    /// as its first service allows. Nil when neither the timetable nor the road gets there.
    public func earliestArrival(from origin: Place, to destination: Place, notBefore earliest: Instant) -> Journey? {
        if origin.cityID == destination.cityID { return taxi(from: origin, to: destination, leaving: earliest) }
        let byTimetable = scheduledArrival(from: origin, to: destination, notBefore: earliest)
        guard let drive = roadSeconds(from: origin, to: destination) else { return byTimetable }
        if let byTimetable, byTimetable.arrive <= earliest + drive { return byTimetable }
        return road(from: origin, to: destination, leaving: earliest, seconds: drive)
    }

    /// The journey leaving `origin` as late as possible and reaching `destination` by `deadline`; nil when none does.
    public func latestDeparture(from origin: Place, to destination: Place, arriveBy deadline: Instant) -> Journey? {
        if origin.cityID == destination.cityID {
            let seconds = rules.roadSeconds(from: origin.coordinate, to: destination.coordinate)
            return taxi(from: origin, to: destination, leaving: deadline - seconds)
        }
        let drive = roadSeconds(from: origin, to: destination)
        let leave = network.latestDeparture(
            from: endpoints(origin), to: endpoints(destination),
            by: deadline.seconds, changes: network.doorToDoor)
        if let leave, drive.map({ leave >= deadline.seconds - $0 }) ?? true,
            let journey = scheduledArrival(from: origin, to: destination, notBefore: Instant(seconds: leave)),
            journey.arrive <= deadline
        {
            return journey
        }
        return drive.map { road(from: origin, to: destination, leaving: deadline - $0, seconds: $0) }
    }

    /// Every journey worth taking from `origin` to `destination` that leaves on `date` (in the origin city's zone),
    /// earliest first: the Pareto-optimal ones, where leaving later always means arriving later; journeys a drive
    /// beats are left out.
    public func profile(from origin: Place, to destination: Place, on date: LocalDate) -> [Journey] {
        guard origin.cityID != destination.cityID else { return [] }
        let zone = timetable.cities[origin.cityID].flatMap { Zone(identifier: $0.timeZone) } ?? timetable.zone
        let day = zone.day(date)
        let pairs = profilePairs(
            sources: endpoints(origin), targets: endpoints(destination), changes: network.doorToDoor)
        let drive = roadSeconds(from: origin, to: destination)
        return pairs.reversed().filter { day.start.seconds <= $0.depart && $0.depart < day.end.seconds }
            .filter { pair in drive.map { pair.arrival <= pair.depart + $0 } ?? true }
            .compactMap { scheduledArrival(from: origin, to: destination, notBefore: Instant(seconds: $0.depart)) }
    }

    // MARK: Timetable only

    /// The earliest arrival at stop `target` leaving stop `origin` no earlier than `earliest`, by the timetable alone:
    /// no access and no check-in; a change within a stop takes transfers.txt's minimum time for it, a change to another
    /// stop is possible only where transfers.txt allows it.
    public func earliestArrival(fromStop origin: String, toStop target: String, notBefore earliest: Instant) -> Journey?
    {
        guard let from = timetable.stopIndex[origin], let goal = timetable.stopIndex[target] else { return nil }
        if from == goal { return Journey(depart: earliest, arrive: earliest, parts: []) }
        guard
            let found = network.earliestArrival(
                from: [Endpoint(stop: from, seconds: earliest.seconds)], to: [Endpoint(stop: goal, seconds: 0)],
                changes: network.timetableOnly)
        else { return nil }
        let parts = found.legs.map { part($0, changes: network.timetableOnly) }
        return Journey(depart: parts.first?.depart ?? earliest, arrive: Instant(seconds: found.arrival), parts: parts)
    }

    /// The journey leaving stop `origin` as late as possible to reach stop `target` by `deadline`, timetable only.
    public func latestDeparture(fromStop origin: String, toStop target: String, arriveBy deadline: Instant) -> Journey?
    {
        guard let from = timetable.stopIndex[origin], let goal = timetable.stopIndex[target] else { return nil }
        if from == goal { return Journey(depart: deadline, arrive: deadline, parts: []) }
        guard
            let leave = network.latestDeparture(
                from: [Endpoint(stop: from, seconds: 0)], to: [Endpoint(stop: goal, seconds: 0)], by: deadline.seconds,
                changes: network.timetableOnly)
        else { return nil }
        return earliestArrival(fromStop: origin, toStop: target, notBefore: Instant(seconds: leave))
    }

    /// The Pareto-optimal journeys from stop `origin` to stop `target` departing on `date` (the timetable's zone),
    /// timetable only.
    public func profile(fromStop origin: String, toStop target: String, on date: LocalDate) -> [Journey] {
        guard let from = timetable.stopIndex[origin], let goal = timetable.stopIndex[target], from != goal else {
            return []
        }
        let day = timetable.zone.day(date)
        let pairs = profilePairs(
            sources: [Endpoint(stop: from, seconds: 0)], targets: [Endpoint(stop: goal, seconds: 0)],
            changes: network.timetableOnly)
        return pairs.reversed().filter { day.start.seconds <= $0.depart && $0.depart < day.end.seconds }
            .compactMap { earliestArrival(fromStop: origin, toStop: target, notBefore: Instant(seconds: $0.depart)) }
    }

    // MARK: Pieces

    /// The stops a person at `place` starts from or ends at, with the seconds between the door and each: the stops of
    /// the place's city, or of the nearest city with stops when its own has none.
    func endpoints(_ place: Place) -> [Endpoint] {
        var sameCity = true
        var stops = timetable.stopsByCity[place.cityID] ?? []
        if stops.isEmpty,
            let nearest = timetable.stopsByCity.keys.min(by: { a, b in
                (timetable.cities[a]?.coordinate.kilometres(to: place.coordinate) ?? .infinity, a)
                    < (timetable.cities[b]?.coordinate.kilometres(to: place.coordinate) ?? .infinity, b)
            })
        {
            stops = timetable.stopsByCity[nearest] ?? []
            sameCity = false
        }
        return stops.map { index in
            let stop = timetable.stops[index]
            if sameCity, let minutes = stop.accessMinutes ?? rules.accessMinutes {
                return Endpoint(stop: index, seconds: Int64(minutes) * 60)
            }
            return Endpoint(stop: index, seconds: rules.roadSeconds(from: place.coordinate, to: stop.coordinate))
        }
    }

    /// Seconds by road between two places in different cities, when the drive is short enough to count.
    func roadSeconds(from origin: Place, to destination: Place) -> Int64? {
        guard rules.roadKilometres(from: origin.coordinate, to: destination.coordinate) <= rules.maximumRoadKilometres
        else { return nil }
        return rules.roadSeconds(from: origin.coordinate, to: destination.coordinate)
    }

    /// Door-to-door pairs (leave the door, reach the door) of the profile, latest departure first, Pareto-optimal.
    func profilePairs(sources: [Endpoint], targets: [Endpoint], changes: ScanNetwork.Changes) -> [(
        depart: Int64, arrival: Int64
    )] {
        let profiles = network.profiles(to: targets, changes: changes, order: network.byBoarding(changes))
        return Self.pareto(
            sources.flatMap { source in profiles[source.stop].map { ($0.ready - source.seconds, $0.arrival) } })
    }

    /// The pairs no other pair beats (leaving no earlier and arriving no later), latest departure first.
    static func pareto(_ pairs: [(depart: Int64, arrival: Int64)]) -> [(depart: Int64, arrival: Int64)] {
        var result: [(depart: Int64, arrival: Int64)] = []
        for pair in pairs.sorted(by: { ($0.depart, -$0.arrival) > ($1.depart, -$1.arrival) })
        where pair.arrival < (result.last?.arrival ?? .max) {
            result.append(pair)
        }
        return result
    }

    /// The earliest door-to-door arrival by the timetable (no drive), leaving as late as the first service allows.
    private func scheduledArrival(from origin: Place, to destination: Place, notBefore earliest: Instant) -> Journey? {
        let access = endpoints(origin)
        let egress = endpoints(destination)
        guard
            let found = network.earliestArrival(
                from: access.map { Endpoint(stop: $0.stop, seconds: earliest.seconds + $0.seconds) }, to: egress,
                changes: network.doorToDoor),
            case .ride(let board, _)? = found.legs.first
        else { return nil }
        var parts = found.legs.map { part($0, changes: network.doorToDoor) }
        let first = network.connections[board]
        let accessSeconds = access.first { $0.stop == Int(first.from) }!.seconds
        let leave = Instant(seconds: first.depart - network.runs[Int(first.run)].checkIn - accessSeconds)
        parts.insert(
            Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: origin.label, to: parts[0].from, depart: leave,
                arrive: leave + accessSeconds, price: nil),
            at: 0)
        let last = parts[parts.count - 1]
        let lastStop = timetable.stopIndex[last.to]!
        let egressSeconds = egress.first { $0.stop == lastStop }!.seconds
        parts.append(
            Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: last.to, to: destination.label, depart: last.arrive,
                arrive: last.arrive + egressSeconds, price: nil))
        return Journey(depart: leave, arrive: Instant(seconds: found.arrival), parts: parts)
    }

    /// The journey of a ride found in precomputed profiles: the taxi to its first stop, the services from there
    /// (ready at the ride's stop time), and the taxi from its last stop; a taxi or a drive when it has no stops.
    public func journey(_ ride: TravelTimes.Ride, from origin: Place, to destination: Place) -> Journey? {
        guard let fromStop = ride.fromStop, let toStop = ride.toStop else {
            if origin.cityID == destination.cityID { return taxi(from: origin, to: destination, leaving: ride.depart) }
            return road(from: origin, to: destination, leaving: ride.depart, seconds: ride.arrive - ride.depart)
        }
        guard let stops = stopParts(from: fromStop, readyAt: ride.stopReady, to: toStop) else { return nil }
        return journey(stops, from: origin, to: destination)
    }

    /// The services from one stop to another for a person ready at the first at `ready` (unix seconds), and when
    /// they must be ready for the first of them (its departure less its check-in).
    public func stopParts(from fromStop: Int, readyAt ready: Int64, to toStop: Int) -> (
        parts: [Journey.Part], ready: Instant
    )? {
        guard
            let found = network.earliestArrival(
                from: [Endpoint(stop: fromStop, seconds: ready)], to: [Endpoint(stop: toStop, seconds: 0)],
                changes: network.doorToDoor),
            case .ride(let board, _)? = found.legs.first
        else { return nil }
        let first = network.connections[board]
        return (
            found.legs.map { part($0, changes: network.doorToDoor) },
            Instant(seconds: first.depart - network.runs[Int(first.run)].checkIn)
        )
    }

    /// Door-to-door journey around stop-to-stop services: leave in time to be ready for the first.
    public func journey(_ services: (parts: [Journey.Part], ready: Instant), from origin: Place, to destination: Place)
        -> Journey?
    {
        journey(services, from: origin, endpoints(origin), to: destination, endpoints(destination))
    }

    /// `journey(_:from:to:)` between places whose stops are already worked out.
    public func journey(
        _ services: (parts: [Journey.Part], ready: Instant), from start: TravelTimes.Ends, to end: TravelTimes.Ends
    ) -> Journey? {
        journey(services, from: start.place, start.endpoints, to: end.place, end.endpoints)
    }

    private func journey(
        _ services: (parts: [Journey.Part], ready: Instant), from origin: Place, _ sources: [Endpoint],
        to destination: Place, _ targets: [Endpoint]
    ) -> Journey? {
        guard let first = services.parts.first, let last = services.parts.last,
            let firstStop = timetable.stopIndex[first.from],
            let lastStop = timetable.stopIndex[last.to],
            let access = sources.first(where: { $0.stop == firstStop }),
            let egress = targets.first(where: { $0.stop == lastStop })
        else { return nil }
        let leave = services.ready - access.seconds
        var parts = services.parts
        parts.insert(
            Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: origin.label, to: first.from, depart: leave,
                arrive: leave + access.seconds, price: nil),
            at: 0)
        parts.append(
            Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: last.to, to: destination.label, depart: last.arrive,
                arrive: last.arrive + egress.seconds, price: nil))
        return Journey(depart: leave, arrive: last.arrive + egress.seconds, parts: parts)
    }

    private func part(_ leg: ScanLeg, changes: ScanNetwork.Changes) -> Journey.Part {
        switch leg {
        case .ride(let board, let alight):
            let first = network.connections[board]
            let last = network.connections[alight]
            let trip = timetable.trips[network.runs[Int(first.run)].trip]
            return Journey.Part(
                mode: trip.mode, service: trip.serviceName, tripID: trip.id, from: timetable.stops[Int(first.from)].id,
                to: timetable.stops[Int(last.to)].id, depart: Instant(seconds: first.depart),
                arrive: Instant(seconds: last.arrive),
                price: timetable.price(route: trip.routeID, from: Int(first.from), to: Int(last.to)))
        case .foot(let from, let to, let depart, let seconds):
            return Journey.Part(
                mode: changes.footMode, service: nil, tripID: nil, from: timetable.stops[from].id,
                to: timetable.stops[to].id,
                depart: Instant(seconds: depart), arrive: Instant(seconds: depart + seconds), price: nil)
        }
    }

    private func taxi(from origin: Place, to destination: Place, leaving: Instant) -> Journey {
        let end = leaving + rules.roadSeconds(from: origin.coordinate, to: destination.coordinate)
        let ride = Journey.Part(
            mode: .taxi, service: nil, tripID: nil, from: origin.label, to: destination.label, depart: leaving,
            arrive: end, price: nil)
        return Journey(depart: leaving, arrive: end, parts: [ride])
    }

    private func road(from origin: Place, to destination: Place, leaving: Instant, seconds: Int64) -> Journey {
        let drive = Journey.Part(
            mode: .car, service: nil, tripID: nil, from: origin.label, to: destination.label, depart: leaving,
            arrive: leaving + seconds,
            price: rules.carHirePrice(
                kilometres: rules.roadKilometres(from: origin.coordinate, to: destination.coordinate)))
        return Journey(depart: leaving, arrive: leaving + seconds, parts: [drive])
    }
}
