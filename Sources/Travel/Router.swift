import Timeline

/// Answers earliest-arrival questions over a timetable by Connection Scan, door to door.
public struct Router: Sendable {
    struct Connection: Sendable {
        var from: Int32
        var to: Int32
        var depart: Int64
        var arrive: Int64
        var run: Int32
    }

    /// A trip on one service date.
    struct Run: Sendable {
        var trip: Int
        var serviceDate: LocalDate
    }

    private enum Pointer {
        case none, origin
        case ride(board: Int, alight: Int)
        case taxi(from: Int)
    }

    /// The timetable queried.
    public let timetable: Timetable
    /// Buffers and speeds.
    public let rules: TravelRules
    private let connections: [Connection]
    private let runs: [Run]

    /// A router over the trips that run on `dates` (plus the day before, for trips past midnight).
    public init(timetable: Timetable, rules: TravelRules, dates: [LocalDate]) {
        self.timetable = timetable
        self.rules = rules
        var runs: [Run] = []
        var connections: [Connection] = []
        let serviceDates = Set(dates.flatMap { [$0.adding(days: -1), $0] }).sorted()
        for (tripIndex, trip) in timetable.trips.enumerated() {
            for date in serviceDates where timetable.runs(trip.serviceID, on: date) {
                let run = Int32(runs.count)
                runs.append(Run(trip: tripIndex, serviceDate: date))
                for k in 0..<(trip.stops.count - 1) {
                    connections.append(
                        Connection(
                            from: Int32(trip.stops[k]), to: Int32(trip.stops[k + 1]),
                            depart: timetable.instant(serviceDate: date, seconds: trip.departures[k]).seconds,
                            arrive: timetable.instant(serviceDate: date, seconds: trip.arrivals[k + 1]).seconds, run: run))
                }
            }
        }
        connections.sort { ($0.depart, $0.arrive, $0.run) < ($1.depart, $1.arrive, $1.run) }
        self.connections = connections
        self.runs = runs
    }

    /// The journey reaching `destination` earliest when leaving `origin` no earlier than `earliest`;
    /// nil when the timetable cannot get there within the router's dates.
    public func earliestArrival(from origin: Place, to destination: Place, notBefore earliest: Instant) -> Journey? {
        if origin.cityID == destination.cityID {
            let end = earliest + rules.taxiSeconds(from: origin.coordinate, to: destination.coordinate)
            let taxi = Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: origin.label, to: destination.label, depart: earliest,
                arrive: end, price: nil)
            return Journey(depart: earliest, arrive: end, parts: [taxi])
        }
        guard let originStops = timetable.stopsByCity[origin.cityID],
            let targetStops = timetable.stopsByCity[destination.cityID]
        else { return nil }
        let access = Int64(rules.accessMinutes) * 60
        var ready = [Int64](repeating: .max, count: timetable.stops.count)
        var pointer = [Pointer](repeating: .none, count: timetable.stops.count)
        var boarded = [Int32](repeating: -1, count: runs.count)
        var isTarget = [Bool](repeating: false, count: timetable.stops.count)
        for stop in targetStops { isTarget[stop] = true }
        for stop in originStops {
            ready[stop] = earliest.seconds + access
            pointer[stop] = .origin
        }
        var best = Int64.max
        var bestStop = -1
        var index = firstConnection(notBefore: earliest.seconds + access)
        while index < connections.count {
            let connection = connections[index]
            if connection.depart + access >= best { break }
            let run = Int(connection.run)
            let from = Int(connection.from), to = Int(connection.to)
            if boarded[run] < 0 {
                let mode = timetable.trips[runs[run].trip].mode
                if ready[from] != .max && ready[from] + Int64(rules.checkIn(mode)) * 60 <= connection.depart {
                    boarded[run] = Int32(index)
                }
            }
            if boarded[run] >= 0 && connection.arrive < ready[to] {
                ready[to] = connection.arrive
                pointer[to] = .ride(board: Int(boarded[run]), alight: index)
                if isTarget[to] && connection.arrive + access < best {
                    best = connection.arrive + access
                    bestStop = to
                }
                for other in timetable.stopsByCity[timetable.stops[to].cityID] ?? [] where other != to {
                    let arrival = connection.arrive
                        + rules.taxiSeconds(from: timetable.stops[to].coordinate, to: timetable.stops[other].coordinate)
                    if arrival < ready[other] {
                        ready[other] = arrival
                        pointer[other] = .taxi(from: to)
                        if isTarget[other] && arrival + access < best {
                            best = arrival + access
                            bestStop = other
                        }
                    }
                }
            }
            index += 1
        }
        guard bestStop >= 0 else { return nil }
        return journey(to: bestStop, pointers: pointer, origin: origin, destination: destination)
    }

    private func journey(to target: Int, pointers: [Pointer], origin: Place, destination: Place) -> Journey {
        var parts: [Journey.Part] = []
        var stop = target
        walk: while true {
            switch pointers[stop] {
            case .ride(let board, let alight):
                let first = connections[board], last = connections[alight]
                let trip = timetable.trips[runs[Int(first.run)].trip]
                parts.append(
                    Journey.Part(
                        mode: trip.mode, service: trip.serviceName, tripID: trip.id,
                        from: timetable.stops[Int(first.from)].id, to: timetable.stops[Int(last.to)].id,
                        depart: Instant(seconds: first.depart), arrive: Instant(seconds: last.arrive),
                        price: timetable.price(route: trip.routeID, from: Int(first.from), to: Int(last.to))))
                stop = Int(first.from)
            case .taxi(let from):
                let previous = pointers[from]
                guard case .ride(_, let alight) = previous else { break walk }
                let start = Instant(seconds: connections[alight].arrive)
                let end = start + rules.taxiSeconds(from: timetable.stops[from].coordinate, to: timetable.stops[stop].coordinate)
                parts.append(
                    Journey.Part(
                        mode: .taxi, service: nil, tripID: nil, from: timetable.stops[from].id,
                        to: timetable.stops[stop].id, depart: start, arrive: end, price: nil))
                stop = from
            case .origin, .none:
                break walk
            }
        }
        parts.reverse()
        let access = Int64(rules.accessMinutes) * 60
        let firstService = parts[0]
        let leave = firstService.depart - Int64(rules.checkIn(firstService.mode)) * 60 - access
        let lastService = parts[parts.count - 1]
        parts.insert(
            Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: origin.label, to: firstService.from, depart: leave,
                arrive: leave + access, price: nil), at: 0)
        parts.append(
            Journey.Part(
                mode: .taxi, service: nil, tripID: nil, from: lastService.to, to: destination.label,
                depart: lastService.arrive, arrive: lastService.arrive + access, price: nil))
        return Journey(depart: leave, arrive: lastService.arrive + access, parts: parts)
    }

    private func firstConnection(notBefore time: Int64) -> Int {
        var low = 0, high = connections.count
        while low < high {
            let mid = (low + high) / 2
            if connections[mid].depart < time { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
