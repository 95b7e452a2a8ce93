import Messages
import Timeline

/// A validated timetable: cities, stops, and trips with the days they run.
public struct Timetable: Sendable {
    /// A trip's stop pattern and times.
    public struct Trip: Sendable, Hashable {
        /// GTFS trip_id.
        public var id: String
        /// The service number people read: `G105`, `MU5123`.
        public var serviceName: String
        /// GTFS route_id.
        public var routeID: String
        /// How it travels.
        public var mode: Mode
        /// GTFS service_id.
        public var serviceID: String
        /// Stop indices in order of travel.
        public var stops: [Int]
        /// Arrival at each stop, seconds after the service day's local midnight.
        public var arrivals: [Int]
        /// Departure from each stop, seconds after the service day's local midnight.
        public var departures: [Int]
        /// The zone its times are read in (its feed's agency zone).
        public var zone: Zone
        /// Whether its stops lie in more than one country (an international flight checks in earlier).
        public var crossesBorder: Bool
        /// Positions in `stops` where nobody may get on (GTFS `pickup_type` 1), in order; empty for most trips.
        public var noBoarding: [Int] = []
        /// Positions in `stops` where nobody may get off (GTFS `drop_off_type` 1), in order; empty for most trips.
        public var noAlighting: [Int] = []

        /// Whether people may get on at the stop at `position`.
        public func mayBoard(at position: Int) -> Bool { noBoarding.isEmpty || !noBoarding.contains(position) }
        /// Whether people may get off at the stop at `position`.
        public func mayAlight(at position: Int) -> Bool { noAlighting.isEmpty || !noAlighting.contains(position) }

        /// The instant of one of its GTFS times (seconds after noon minus 12 h) on a service date.
        public func instant(serviceDate: LocalDate, seconds: Int) -> Instant {
            zone.instant(serviceDate, TimeOfDay(minutes: 12 * 60)) - 12 * 3600 + Int64(seconds)
        }
    }

    /// The latest time a trip may reach, in seconds after its service day's noon minus 12 h: 72:00:00, three days.
    /// GTFS times pass 24:00:00 for trips that run over midnight, and the longest trains run about two and a half
    /// days; a later time is refused (`stop_times.txt:LINE`), so that no time can make the days to scan explode.
    public static let latestTime = 72 * 3600
    /// The most stops one city (or station) may group (2,000): a person may take a taxi between any two of them, so
    /// the changes grow with the square. A city with more is refused (`city_stops.csv:LINE`).
    public static let mostStopsPerCity = 2_000

    /// The zone of the (first) feed: times typed without an offset are read in it.
    public let zone: Zone
    /// Cities by id.
    public let cities: [String: City]
    /// Stops, indexed as trips refer to them.
    public let stops: [Stop]
    /// Trips.
    public let trips: [Trip]
    let stopIndex: [String: Int]
    let stopsByCity: [String: [Int]]
    let serviceDays: [String: ServiceDays]
    let fares: [FareKey: Double]
    /// Seconds needed to change trains within a stop (transfers.txt with from == to), by stop index.
    let stayTransfer: [Int]
    /// Changes to other stops that transfers.txt allows, with their minimum seconds, by stop index.
    let transferEdges: [[(to: Int, seconds: Int)]]

    /// Builds and checks a timetable; every reference must resolve, times must not go backwards.
    public init(_ records: TimetableRecords) throws(TravelError) {
        zone = records.zone
        var cities: [String: City] = [:]
        for city in records.cities { cities[city.id] = city }
        self.cities = cities
        var cityOfStop: [String: TimetableRecords.CityStopRow] = [:]
        for row in records.cityStops {
            guard cities[row.cityID] != nil else {
                throw TravelError(Message(.gtfsUnknownCity, ["city": .text(row.cityID)]), at: row.source)
            }
            cityOfStop[row.stopID] = row
        }
        var stops: [Stop] = []
        var stopIndex: [String: Int] = [:]
        for row in records.stops {
            guard stopIndex[row.id] == nil else {
                throw TravelError(Message(.gtfsStopTwice, ["stop": .text(row.id)]), at: row.source)
            }
            guard let city = cityOfStop[row.id] else {
                throw TravelError(Message(.gtfsStopWithoutCity, ["stop": .text(row.id)]), at: row.source)
            }
            stopIndex[row.id] = stops.count
            stops.append(
                Stop(
                    id: row.id, name: row.name, coordinate: row.coordinate, cityID: city.cityID, zoneID: row.zoneID,
                    accessMinutes: city.accessMinutes))
        }
        for row in records.cityStops where stopIndex[row.stopID] == nil {
            throw TravelError(
                Message(.gtfsCityStopUnknown, ["stop": .text(row.stopID)]), at: row.source)
        }
        self.stops = stops
        self.stopIndex = stopIndex
        stopsByCity = Dictionary(grouping: stops.indices, by: { stops[$0].cityID })
        for cityID in stopsByCity.keys.sorted() where stopsByCity[cityID]!.count > Self.mostStopsPerCity {
            let row = records.stops[stopsByCity[cityID]![Self.mostStopsPerCity]]
            throw TravelError(
                Message(.gtfsCityTooManyStops, ["city": .text(cityID), "count": .number(Self.mostStopsPerCity)]),
                at: cityOfStop[row.id]?.source ?? row.source)
        }

        var serviceDays: [String: ServiceDays] = [:]
        for row in records.services {
            serviceDays[row.id] = ServiceDays(weekdays: row.weekdays, start: row.start, end: row.end)
        }
        for row in records.serviceExceptions {
            serviceDays[row.serviceID, default: ServiceDays()].exceptions[row.date] = row.added
        }
        self.serviceDays = serviceDays

        var routes: [String: TimetableRecords.RouteRow] = [:]
        for row in records.routes { routes[row.id] = row }
        // Stop times come grouped by trip in most feeds: find each trip's runs of rows by its number.
        let stopTimes = records.stopTimes
        let entries = stopTimes.entries
        var firstRun = [Range<Int>](repeating: 0..<0, count: stopTimes.tripIDs.count)
        var moreRuns: [Int32: [Range<Int>]] = [:]
        var runStarts: [Int] = []
        var start = 0
        while start < entries.count {
            let trip = entries[start].trip
            var end = start + 1
            while end < entries.count && entries[end].trip == trip { end += 1 }
            if firstRun[Int(trip)].isEmpty {
                firstRun[Int(trip)] = start..<end
            } else {
                moreRuns[trip, default: []].append(start..<end)
            }
            runStarts.append(start)
            start = end
        }
        let countryOfStop = stops.map { cities[$0.cityID]!.country }
        // Trips come in the order of their stop times in most feeds: the next number is tried before a lookup.
        var nextNumber = 0
        let tripNumbers = records.trips.map { row -> Int32? in
            let id = row.timesOf ?? row.id
            if nextNumber < stopTimes.tripIDs.count && stopTimes.tripIDs[nextNumber] == id {
                nextNumber += 1
                return Int32(nextNumber - 1)
            }
            let number = stopTimes.existingTripNumber(id)
            if let number { nextNumber = Int(number) + 1 }
            return number
        }
        let inputs = TripInputs(
            stopTimes: stopTimes, firstRun: firstRun, moreRuns: moreRuns, tripNumbers: tripNumbers,
            stopOfID: stopTimes.stopIDs.map { stopIndex[$0] ?? -1 }, routes: routes, serviceDays: serviceDays,
            coordinates: stops.map(\.coordinate), countryOfStop: countryOfStop, zone: records.zone)
        let trips = try Self.trips(records.trips, inputs)
        if runStarts.count > 0 {
            var named = [Bool](repeating: false, count: stopTimes.tripIDs.count)
            for number in tripNumbers { if let number { named[Int(number)] = true } }
            if let orphan = runStarts.first(where: { !named[Int(entries[$0].trip)] }) {
                throw TravelError(
                    Message(.gtfsTripUnknown, ["trip": .text(stopTimes.tripIDs[Int(entries[orphan].trip)])]),
                    at: stopTimes.source(of: entries[orphan]))
            }
        }
        self.trips = trips

        var stayTransfer = [Int](repeating: 0, count: stops.count)
        var transferEdges = [[(to: Int, seconds: Int)]](repeating: [], count: stops.count)
        var edgeIndex: [Int: [Int: Int]] = [:]  // from stop → to stop → position in transferEdges[from]
        for row in records.transfers {
            guard let from = stopIndex[row.fromStopID], let to = stopIndex[row.toStopID] else {
                throw TravelError(Message(.gtfsTransferStopUnknown), at: row.source)
            }
            if from == to {
                stayTransfer[from] = row.seconds ?? Int.max / 4
            } else if let seconds = row.seconds {
                // The same change listed twice (or by two feeds) keeps its shortest time.
                if let known = edgeIndex[from]?[to] {
                    transferEdges[from][known].seconds = min(transferEdges[from][known].seconds, seconds)
                } else {
                    edgeIndex[from, default: [:]][to] = transferEdges[from].count
                    transferEdges[from].append((to, seconds))
                }
            }
        }
        self.stayTransfer = stayTransfer
        self.transferEdges = transferEdges

        var fares: [FareKey: Double] = [:]
        for fare in records.fares {
            let key = FareKey(route: fare.routeID, origin: fare.originZone, destination: fare.destinationZone)
            fares[key] = min(fares[key] ?? .infinity, fare.price)
        }
        self.fares = fares
    }

    /// A timetable from its parts, already checked (read back from an archive).
    init(
        zone: Zone, cities: [String: City], stops: [Stop], trips: [Trip], serviceDays: [String: ServiceDays],
        fares: [FareKey: Double], stayTransfer: [Int], transferEdges: [[(to: Int, seconds: Int)]]
    ) {
        self.zone = zone
        self.cities = cities
        self.stops = stops
        self.trips = trips
        var stopIndex: [String: Int] = [:]
        for (index, stop) in stops.enumerated() { stopIndex[stop.id] = index }
        self.stopIndex = stopIndex
        stopsByCity = Dictionary(grouping: stops.indices, by: { stops[$0].cityID })
        self.serviceDays = serviceDays
        self.fares = fares
        self.stayTransfer = stayTransfer
        self.transferEdges = transferEdges
    }

    /// A trip's times with the stops that are not timepoints filled in: the time between the timed stops around them
    /// shared out by straight-line distance, to the second, with no dwell.
    static func interpolated(arrivals given: [Int?], departures givenDepartures: [Int?], stops: [Coordinate]) -> (
        arrivals: [Int], departures: [Int]
    ) {
        interpolated(arrivals: given, departures: givenDepartures) { stops[$0 - 1].kilometres(to: stops[$0]) }
    }

    /// The same, with `kilometres(j)` the distance from the stop before position `j` to the stop at `j`.
    static func interpolated(
        arrivals given: [Int?], departures givenDepartures: [Int?], kilometres: (Int) -> Double
    ) -> (arrivals: [Int], departures: [Int]) {
        var arrivals = given.map { $0 ?? -1 }
        var departures = givenDepartures.map { $0 ?? -1 }
        var k = 0
        while k < given.count {
            guard given[k] == nil else {
                k += 1
                continue
            }
            let before = k - 1
            var after = k
            while given[after] == nil { after += 1 }
            var distances = [0.0]
            for j in (before + 1)...after { distances.append(distances.last! + kilometres(j)) }
            let start = departures[before]
            let span = arrivals[after] - start
            let total = distances.last!
            for j in (before + 1)..<after {
                let share = total > 0 ? distances[j - before] / total : Double(j - before) / Double(after - before)
                arrivals[j] = start + Int((Double(span) * share).rounded())
                departures[j] = arrivals[j]
            }
            k = after + 1
        }
        return (arrivals, departures)
    }

    /// Whether trips of `serviceID` run on `date`.
    public func runs(_ serviceID: String, on date: LocalDate) -> Bool {
        serviceDays[serviceID]?.contains(date) ?? false
    }

    /// The stop with that id.
    public func stop(id: String) -> Stop? { stopIndex[id].map { stops[$0] } }

    /// Stops serving a city.
    public func stops(in cityID: String) -> [Stop] { (stopsByCity[cityID] ?? []).map { stops[$0] } }

    /// The ticket price between two stops of a route, when fares know it.
    public func price(route: String, from origin: Int, to destination: Int) -> Double? {
        let from = stops[origin].zoneID
        let to = stops[destination].zoneID
        for key in [
            FareKey(route: route, origin: from, destination: to), FareKey(route: nil, origin: from, destination: to),
            FareKey(route: route, origin: nil, destination: nil),
        ] {
            if let price = fares[key] { return price }
        }
        return nil
    }

    /// Whether a trip named `service` runs from stop `from` to stop `to`, leaving and arriving at exactly these
    /// instants, on some service date.
    public func hasService(_ service: String, from: String, to: String, depart: Instant, arrive: Instant) -> Bool {
        ride(service, from: from, to: to, depart: depart, arrive: arrive) != nil
    }

    /// The ride on a trip named `service` from stop `from` to stop `to` at exactly these instants, if the timetable
    /// has one: its ticket price by the fare table (nil inside when the fares do not say).
    public func ride(_ service: String, from: String, to: String, depart: Instant, arrive: Instant) -> Ride? {
        guard let fromIndex = stopIndex[from], let toIndex = stopIndex[to] else { return nil }
        for trip in trips where trip.serviceName == service {
            let localDate = trip.zone.date(of: depart)
            // A trip may call at a stop twice (a loop): any boarding position before any alighting one, where people
            // may get on and off.
            let boardings = trip.stops.indices.filter { trip.stops[$0] == fromIndex && trip.mayBoard(at: $0) }
            let alightings = trip.stops.indices.filter { trip.stops[$0] == toIndex && trip.mayAlight(at: $0) }
            guard let firstBoarding = boardings.first, alightings.contains(where: { $0 > firstBoarding }) else {
                continue
            }
            // A departure at most `latestTime` after the service day's start leaves on that day or the next three.
            for date in (0...(Self.latestTime / 86_400)).map({ localDate.adding(days: -$0) })
            where runs(trip.serviceID, on: date) {
                for i in boardings where trip.instant(serviceDate: date, seconds: trip.departures[i]) == depart {
                    for j in alightings
                    where j > i && trip.instant(serviceDate: date, seconds: trip.arrivals[j]) == arrive {
                        return Ride(price: price(route: trip.routeID, from: fromIndex, to: toIndex))
                    }
                }
            }
        }
        return nil
    }

    /// One ride the timetable confirms, and what the fare table says it costs.
    public struct Ride: Sendable, Hashable {
        /// The ticket price in yuan, when the fares know it.
        public var price: Double?
    }

    /// Cities whose id or name is close to `text`, best first, for "did you mean" messages.
    public func citiesResembling(_ text: String) -> [City] {
        let key = text.lowercased()
        return cities.values
            .map {
                ($0, min(editDistance(key, $0.id), editDistance(key, $0.name.lowercased()), $0.nameZh == text ? 0 : 99))
            }
            .filter { $0.1 <= max(2, key.count / 3) || $0.0.id.hasPrefix(key) }
            .sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
            .map(\.0)
    }
}

/// The dates a service runs: weekdays within a range, plus added and removed dates.
struct ServiceDays: Sendable {
    var weekdays: Set<Weekday> = []
    var start = LocalDate(daysSinceEpoch: 0)
    var end = LocalDate(daysSinceEpoch: -1)
    var exceptions: [LocalDate: Bool] = [:]

    func contains(_ date: LocalDate) -> Bool {
        if let added = exceptions[date] { return added }
        return date >= start && date <= end && weekdays.contains(date.weekday)
    }
}

struct FareKey: Hashable, Sendable, Comparable {
    var route: String?
    var origin: String?
    var destination: String?

    /// An order for writing fares out the same way each time (a missing field first).
    static func < (a: FareKey, b: FareKey) -> Bool {
        func key(_ fare: FareKey) -> (Int, String, Int, String, Int, String) {
            (
                fare.route == nil ? 0 : 1, fare.route ?? "", fare.origin == nil ? 0 : 1, fare.origin ?? "",
                fare.destination == nil ? 0 : 1, fare.destination ?? ""
            )
        }
        return key(a) < key(b)
    }
}

/// Levenshtein distance over characters (insertions, deletions and substitutions), for "did you mean" messages.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
