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

    /// The earliest arrival at stop `target` leaving stop `origin` no earlier than `earliest`, by the timetable alone:
    /// no access time and no check-in; a change within a stop takes transfers.txt's minimum time for it, a change to
    /// another stop is possible only where transfers.txt allows it.
    public func earliestArrival(fromStop origin: String, toStop target: String, notBefore earliest: Instant) -> Journey? {
        guard let from = timetable.stopIndex[origin], let goal = timetable.stopIndex[target] else { return nil }
        if from == goal {
            return Journey(depart: earliest, arrive: earliest, parts: [])
        }
        let count = timetable.stops.count
        var arrival = [Int64](repeating: .max, count: count)
        var ready = [Int64](repeating: .max, count: count)
        var pointer = [Pointer](repeating: .none, count: count)
        var boarded = [Int32](repeating: -1, count: runs.count)
        arrival[from] = earliest.seconds
        ready[from] = earliest.seconds
        pointer[from] = .origin
        var index = firstConnection(notBefore: earliest.seconds)
        while index < connections.count {
            let connection = connections[index]
            if connection.depart >= arrival[goal] { break }
            let run = Int(connection.run)
            let stop = Int(connection.from), next = Int(connection.to)
            if boarded[run] < 0 && ready[stop] <= connection.depart { boarded[run] = Int32(index) }
            if boarded[run] >= 0 && connection.arrive < arrival[next] {
                arrival[next] = connection.arrive
                ready[next] = connection.arrive + Int64(timetable.stayTransfer[next])
                pointer[next] = .ride(board: Int(boarded[run]), alight: index)
                for edge in timetable.transferEdges[next] where connection.arrive + Int64(edge.seconds) < arrival[edge.to] {
                    arrival[edge.to] = connection.arrive + Int64(edge.seconds)
                    ready[edge.to] = arrival[edge.to]
                    pointer[edge.to] = .taxi(from: next)
                }
            }
            index += 1
        }
        guard arrival[goal] != .max else { return nil }
        var parts = walk(back: goal, pointers: pointer, transferSeconds: { a, b in
            Int64(timetable.transferEdges[a].first { $0.to == b }?.seconds ?? 0)
        }, mode: .walk)
        parts.reverse()
        return Journey(depart: parts.first?.depart ?? earliest, arrive: Instant(seconds: arrival[goal]), parts: parts)
    }

    /// The parts that led to `target`, last first.
    private func walk(back target: Int, pointers: [Pointer], transferSeconds: (Int, Int) -> Int64, mode: Mode) -> [Journey.Part] {
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
                guard case .ride(_, let alight) = pointers[from] else { break walk }
                let start = Instant(seconds: connections[alight].arrive)
                parts.append(
                    Journey.Part(
                        mode: mode, service: nil, tripID: nil, from: timetable.stops[from].id, to: timetable.stops[stop].id,
                        depart: start, arrive: start + transferSeconds(from, stop), price: nil))
                stop = from
            case .origin, .none:
                break walk
            }
        }
        return parts
    }

    private func journey(to target: Int, pointers: [Pointer], origin: Place, destination: Place) -> Journey {
        var parts = walk(back: target, pointers: pointers, transferSeconds: { a, b in
            rules.taxiSeconds(from: timetable.stops[a].coordinate, to: timetable.stops[b].coordinate)
        }, mode: .taxi)
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
