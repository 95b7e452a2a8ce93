import Dispatch
import Messages
import Timeline

extension Timetable {
    /// What building a trip reads: the stop times grouped by trip, routes, services, stops.
    struct TripInputs: Sendable {
        let stopTimes: [TimetableRecords.StopTimeRow]
        let runsByTrip: [String: [Range<Int>]]
        let routes: [String: TimetableRecords.RouteRow]
        let serviceDays: [String: ServiceDays]
        let stopIndex: [String: Int]
        let coordinates: [Coordinate]
        let countryOfStop: [String]
        let zone: Zone
    }

    /// The trips of `rows`, checked, in order; a large timetable is built on two threads (each trip alone), and the
    /// error reported is the one of the first bad trip, as built in order.
    static func trips(_ rows: [TimetableRecords.TripRow], _ inputs: TripInputs) throws(TravelError) -> [Trip] {
        let parts = rows.count >= 1_000 ? 2 : 1
        let results = PartResults(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (rows.count * part / parts)..<(rows.count * (part + 1) / parts)
            var trips: [Trip] = []
            trips.reserveCapacity(range.count)
            var lookups = StopLookups()
            do throws(TravelError) {
                for index in range { trips.append(try trip(rows[index], inputs, &lookups)) }
            } catch {
                results.failures[part] = error
            }
            results.trips[part] = trips
        }
        if let failure = (0..<parts).lazy.compactMap({ results.failures[$0] }).first { throw failure }
        return parts == 1 ? results.trips[0] : (0..<parts).flatMap { results.trips[$0] }
    }

    /// Each part's trips and first error, written by that part's thread alone.
    private final class PartResults: @unchecked Sendable {
        let count: Int
        let trips: UnsafeMutablePointer<[Trip]>
        let failures: UnsafeMutablePointer<TravelError?>

        init(count: Int) {
            self.count = count
            trips = .allocate(capacity: count)
            trips.initialize(repeating: [], count: count)
            failures = .allocate(capacity: count)
            failures.initialize(repeating: nil, count: count)
        }

        deinit {
            trips.deinitialize(count: count)
            trips.deallocate()
            failures.deinitialize(count: count)
            failures.deallocate()
        }
    }

    /// The stops of the trip built last, by position: trips of one line follow each other with the same stops.
    struct StopLookups {
        var ids: [String] = []
        var stops: [Int] = []
        /// The distance of the hop into each position, from which stop to which.
        var hops: [(from: Int, to: Int, kilometres: Double)] = []
    }

    /// One trip, checked: its route and service exist, its stops are known, its times run forwards.
    private static func trip(
        _ row: TimetableRecords.TripRow, _ inputs: TripInputs, _ last: inout StopLookups
    ) throws(TravelError) -> Trip {
        guard let route = inputs.routes[row.routeID] else {
            throw TravelError(
                Message(.gtfsTripRouteUnknown, ["trip": .text(row.id), "route": .text(row.routeID)]), at: row.source)
        }
        guard inputs.serviceDays[row.serviceID] != nil else {
            throw TravelError(
                Message(.gtfsTripServiceUnknown, ["trip": .text(row.id), "service": .text(row.serviceID)]),
                at: row.source)
        }
        var times = (inputs.runsByTrip[row.timesOf ?? row.id] ?? []).flatMap { $0 }
        let shift = row.shift
        if !times.indices.dropFirst().allSatisfy({
            inputs.stopTimes[times[$0 - 1]].sequence <= inputs.stopTimes[times[$0]].sequence
        }) {
            times.sort { inputs.stopTimes[$0].sequence < inputs.stopTimes[$1].sequence }
        }
        guard times.count >= 2 else {
            throw TravelError(Message(.gtfsTripTooShort, ["trip": .text(row.id)]), at: row.source)
        }
        var trip = Trip(
            id: row.id, serviceName: row.shortName ?? route.shortName, routeID: row.routeID, mode: route.mode,
            serviceID: row.serviceID, stops: [], arrivals: [], departures: [], zone: row.zone ?? inputs.zone,
            crossesBorder: false)
        trip.stops.reserveCapacity(times.count)
        var givenArrivals: [Int?] = []
        var givenDepartures: [Int?] = []
        givenArrivals.reserveCapacity(times.count)
        givenDepartures.reserveCapacity(times.count)
        for index in times {
            let arrival = inputs.stopTimes[index].arrival.map { $0 + shift }
            let departure = inputs.stopTimes[index].departure.map { $0 + shift }
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
                    at: inputs.stopTimes[index].source)
            }
            // Trips of one line follow each other with the same stops: reuse the last trip's lookup when the
            // id at this position is the same.
            let position = trip.stops.count
            let stopID = inputs.stopTimes[index].stopID
            if position < last.ids.count && last.ids[position] == stopID {
                trip.stops.append(last.stops[position])
            } else {
                guard let stop = inputs.stopIndex[stopID] else {
                    throw TravelError(
                        Message(.gtfsStopUnknown, ["stop": .text(stopID)]), at: inputs.stopTimes[index].source)
                }
                trip.stops.append(stop)
                if position < last.ids.count {
                    last.ids[position] = stopID
                    last.stops[position] = stop
                } else {
                    last.ids.append(stopID)
                    last.stops.append(stop)
                }
            }
            givenArrivals.append(arrival)
            givenDepartures.append(departure)
        }
        guard givenArrivals.first! != nil, givenArrivals.last! != nil else {
            throw TravelError(
                Message(.gtfsTripEndsUntimed, ["trip": .text(row.id)]),
                at: inputs.stopTimes[givenArrivals.first! == nil ? times.first! : times.last!].source)
        }
        let (arrivals, departures) =
            givenArrivals.contains(nil)
            ? Self.interpolated(arrivals: givenArrivals, departures: givenDepartures) { j in
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
            : (givenArrivals.map { $0! }, givenDepartures.map { $0! })
        var previous = Int.min
        for k in times.indices {
            guard arrivals[k] >= previous, departures[k] >= arrivals[k] else {
                throw TravelError(
                    Message(
                        .gtfsTripBackwards, ["trip": .text(row.id), "stop": .text(inputs.stopTimes[times[k]].stopID)]),
                    at: inputs.stopTimes[times[k]].source)
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
