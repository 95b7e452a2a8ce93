import Dispatch
import Messages
import Timeline

extension Timetable {
    /// What building a trip reads: the stop times grouped by trip, routes, services, stops.
    struct TripInputs: Sendable {
        let stopTimes: StopTimes
        /// Each trip number's first run of rows (empty for none), and its further runs when the rows are not grouped.
        let firstRun: [Range<Int>]
        let moreRuns: [Int32: [Range<Int>]]
        /// The trip number of each trip row's stop times (its own or its `timesOf`'s), nil when no row names it.
        let tripNumbers: [Int32?]
        /// The stop index of each stop number of `stopTimes`, -1 when stops.txt does not define it.
        let stopOfID: [Int]
        let routes: [String: TimetableRecords.RouteRow]
        let serviceDays: [String: ServiceDays]
        let coordinates: [Coordinate]
        let countryOfStop: [String]
        let zone: Zone
    }

    /// The trips of `rows`, checked, in order; a large timetable is built on two threads (each trip alone), and the
    /// error reported is the one of the first bad trip, as built in order. Each thread puts its trips straight into
    /// their places in the result, kept for speed: joining two arrays of trips copied every trip (eight retains and
    /// releases each), about 1 ms of a 4,752-trip import.
    static func trips(_ rows: [TimetableRecords.TripRow], _ inputs: TripInputs) throws(TravelError) -> [Trip] {
        guard !rows.isEmpty else { return [] }
        let parts = rows.count >= 1_000 ? 2 : 1
        let results = PartResults(count: parts)
        let trips = [Trip](unsafeUninitializedCapacity: rows.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (rows.count * part / parts)..<(rows.count * (part + 1) / parts)
                var lookups = StopLookups()
                var built = 0
                do throws(TravelError) {
                    for index in range {
                        (slots.base + index).initialize(
                            to: try trip(rows[index], inputs.tripNumbers[index], inputs, &lookups))
                        built += 1
                    }
                } catch {
                    results.failures[part] = error
                }
                results.built[part] = built
            }
            if (0..<parts).allSatisfy({ results.failures[$0] == nil }) {
                initialized = rows.count
            } else {
                for part in 0..<parts {
                    (buffer.baseAddress! + rows.count * part / parts).deinitialize(count: results.built[part])
                }
                initialized = 0
            }
        }
        if let failure = (0..<parts).lazy.compactMap({ results.failures[$0] }).first { throw failure }
        return trips
    }

    /// Where the trips go, shared by the threads (each writes its own places).
    private struct Slots: @unchecked Sendable {
        let base: UnsafeMutablePointer<Trip>
    }

    /// Each part's count of trips built and first error, written by that part's thread alone.
    private final class PartResults: @unchecked Sendable {
        let count: Int
        let built: UnsafeMutablePointer<Int>
        let failures: UnsafeMutablePointer<TravelError?>

        init(count: Int) {
            self.count = count
            built = .allocate(capacity: count)
            built.initialize(repeating: 0, count: count)
            failures = .allocate(capacity: count)
            failures.initialize(repeating: nil, count: count)
        }

        deinit {
            built.deinitialize(count: count)
            built.deallocate()
            failures.deinitialize(count: count)
            failures.deallocate()
        }
    }

    /// What the trip built last looked up: its hops by position: trips of one line follow each other with the same stops.
    struct StopLookups {
        /// The route and service of the trip built last (trips of one route follow each other), looked up by id
        /// only when the next trip's differ: kept for speed (two string hashes per trip).
        var route: TimetableRecords.RouteRow?
        var serviceID: String?
        /// The distance of the hop into each position, from which stop to which.
        var hops: [(from: Int, to: Int, kilometres: Double)] = []
    }

    /// One trip, checked: its route and service exist, its stops are known, its times run forwards.
    private static func trip(
        _ row: TimetableRecords.TripRow, _ number: Int32?, _ inputs: TripInputs, _ last: inout StopLookups
    ) throws(TravelError) -> Trip {
        let route: TimetableRecords.RouteRow
        if let known = last.route, known.id == row.routeID {
            route = known
        } else {
            guard let found = inputs.routes[row.routeID] else {
                throw TravelError(
                    Message(.gtfsTripRouteUnknown, ["trip": .text(row.id), "route": .text(row.routeID)]),
                    at: row.source)
            }
            route = found
            last.route = found
        }
        if last.serviceID != row.serviceID {
            guard inputs.serviceDays[row.serviceID] != nil else {
                throw TravelError(
                    Message(.gtfsTripServiceUnknown, ["trip": .text(row.id), "service": .text(row.serviceID)]),
                    at: row.source)
            }
            last.serviceID = row.serviceID
        }
        let entries = inputs.stopTimes.entries
        var times: [Int] = []
        if let number {
            times = Array(inputs.firstRun[Int(number)])
            for run in inputs.moreRuns[number] ?? [] { times += run }
        }
        let shift = row.shift
        if !times.indices.dropFirst().allSatisfy({ entries[times[$0 - 1]].sequence <= entries[times[$0]].sequence }) {
            times.sort { entries[$0].sequence < entries[$1].sequence }
        }
        guard times.count >= 2 else {
            throw TravelError(Message(.gtfsTripTooShort, ["trip": .text(row.id)]), at: row.source)
        }
        var trip = Trip(
            id: row.id, serviceName: row.shortName ?? route.readName, routeID: row.routeID, mode: route.mode,
            serviceID: row.serviceID, stops: [], arrivals: [], departures: [], zone: row.zone ?? inputs.zone,
            crossesBorder: false)
        trip.stops.reserveCapacity(times.count)
        // The given times, -1 where a stop has none (times are checked to be 0 or more): arrays of optionals are made
        // only for a trip with stops that are not timepoints (kept for speed: two arrays fewer per trip).
        var givenArrivals: [Int] = []
        var givenDepartures: [Int] = []
        givenArrivals.reserveCapacity(times.count)
        givenDepartures.reserveCapacity(times.count)
        var untimed = false
        for index in times {
            let entry = entries[index]
            let arrival = entry.arrival == StopTimes.Entry.none ? nil : entry.arrival + shift
            let departure = entry.departure == StopTimes.Entry.none ? nil : entry.departure + shift
            func outside(_ seconds: Int?) -> Int? {
                guard let seconds, !(0...Self.latestTime).contains(seconds) else { return nil }
                return seconds
            }
            if let seconds = outside(arrival) ?? outside(departure) {
                throw TravelError(
                    Message(
                        .gtfsTripTimeOutOfRange,
                        [
                            "seconds": .text("\(seconds)"), "trip": .text(row.id),
                            "hours": .text("\(Self.latestTime / 3600)"),
                        ]),
                    at: inputs.stopTimes.source(of: entry))
            }
            let stop = inputs.stopOfID[Int(entry.stop)]
            guard stop >= 0 else {
                throw TravelError(
                    Message(.gtfsStopUnknown, ["stop": .text(inputs.stopTimes.stopIDs[Int(entry.stop)])]),
                    at: inputs.stopTimes.source(of: entry))
            }
            if entry.closed != 0 {
                if entry.closed & StopTimes.Entry.noBoarding != 0 { trip.noBoarding.append(trip.stops.count) }
                if entry.closed & StopTimes.Entry.noAlighting != 0 { trip.noAlighting.append(trip.stops.count) }
            }
            trip.stops.append(stop)
            givenArrivals.append(arrival ?? -1)
            givenDepartures.append(departure ?? -1)
            if arrival == nil { untimed = true }
        }
        guard givenArrivals.first! >= 0, givenArrivals.last! >= 0 else {
            throw TravelError(
                Message(.gtfsTripEndsUntimed, ["trip": .text(row.id)]),
                at: inputs.stopTimes.source(of: entries[givenArrivals.first! < 0 ? times.first! : times.last!]))
        }
        let (arrivals, departures) =
            untimed
            ? Self.interpolated(
                arrivals: givenArrivals.map { $0 < 0 ? nil : $0 }, departures: givenDepartures.map { $0 < 0 ? nil : $0 }
            ) { j in
                // The same hop as the last trip's at this position: its distance is known.
                let (from, to) = (trip.stops[j - 1], trip.stops[j])
                if j < last.hops.count && last.hops[j].from == from && last.hops[j].to == to {
                    return last.hops[j].kilometres
                }
                let kilometres = inputs.coordinates[from].kilometres(to: inputs.coordinates[to])
                while last.hops.count <= j { last.hops.append((-1, -1, 0)) }
                last.hops[j] = (from, to, kilometres)
                return kilometres
            }
            : (givenArrivals, givenDepartures)
        var previous = Int.min
        for k in times.indices {
            guard arrivals[k] >= previous, departures[k] >= arrivals[k] else {
                throw TravelError(
                    Message(
                        .gtfsTripBackwards,
                        ["trip": .text(row.id), "stop": .text(inputs.stopTimes.stopIDs[Int(entries[times[k]].stop)])]),
                    at: inputs.stopTimes.source(of: entries[times[k]]))
            }
            previous = departures[k]
        }
        trip.arrivals = arrivals
        trip.departures = departures
        let country = inputs.countryOfStop[trip.stops[0]]
        trip.crossesBorder = trip.stops.contains { inputs.countryOfStop[$0] != country }
        return trip
    }
}
