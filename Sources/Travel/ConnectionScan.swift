/// The three connection scans (Dibbelt et al., "Connection Scan Algorithm"): earliest arrival scanning forward in
/// departure order, latest departure scanning backward in arrival order, and the profile of all Pareto-optimal
/// (departure, arrival) pairs scanning backward in boarding order.
///
/// The model, the same for all three: a person is *ready* at a stop from some time on. Ready at `r`, they may board a
/// run whose connection departs at `d` when `r + check-in ≤ d` (check-in only door to door). Staying on a run needs
/// nothing. Alighting at `v` at `a`, they are ready at `v` from `a + stay(v)` and at each footpath's end `w` from
/// `a + footpath(v, w)`; footpaths do not chain. Nobody boards where the trip takes no one on (GTFS `pickup_type` 1)
/// or gets off where it lets no one off (`drop_off_type` 1); staying on board through such stops needs nothing.
/// Sources give the first ready times; a target `t` counts an arrival there (by ride or by a footpath after a ride)
/// plus its egress seconds.
extension ScanNetwork {
    /// The earliest arrival at any target, with the legs that reach it; nil when no run gets there.
    func earliestArrival(from sources: [Endpoint], to targets: [Endpoint], changes: Changes) -> (
        arrival: Int64, legs: [ScanLeg]
    )? {
        enum Ready {
            case none, source, stay
            case foot(from: Int32)
        }
        var ready = [Int64](repeating: .max, count: stopCount)
        var readyVia = [Ready](repeating: .none, count: stopCount)
        var arrived = [Int64](repeating: .max, count: stopCount)
        var arrivedBy = [(board: Int32, alight: Int32)](repeating: (-1, -1), count: stopCount)
        var boarded = [Int32](repeating: -1, count: runs.count)
        let egress = secondsByStop(targets)
        for source in sources where source.seconds < ready[source.stop] {
            ready[source.stop] = source.seconds
            readyVia[source.stop] = .source
        }
        guard let start = sources.map(\.seconds).min() else { return nil }
        var best = Int64.max
        var end: (stop: Int, footFrom: Int?) = (-1, nil)
        /// Takes one connection; true when it improved anything.
        func relax(_ index: Int) -> Bool {
            let connection = connections[index]
            let run = Int(connection.run)
            let from = Int(connection.from)
            let to = Int(connection.to)
            if connection.mayBoard && ready[from] != .max && ready[from] + boarding(run, changes) <= connection.depart {
                if boarded[run] < 0 || boarded[run] > index {
                    boarded[run] = Int32(index)
                } else if case .source = readyVia[from],
                    case .source = readyVia[Int(connections[Int(boarded[run])].from)]
                {
                    // A run calling at two stops a person may start from: board where they can leave home latest.
                    let first = connections[Int(boarded[run])]
                    if connection.depart - ready[from] < first.depart - ready[Int(first.from)] {
                        boarded[run] = Int32(index)
                    }
                }
            }
            guard boarded[run] >= 0 && boarded[run] <= index && connection.mayAlight && connection.arrive < arrived[to]
            else { return false }
            arrived[to] = connection.arrive
            arrivedBy[to] = (boarded[run], Int32(index))
            if egress[to] >= 0 && connection.arrive + egress[to] < best {
                best = connection.arrive + egress[to]
                end = (to, nil)
            }
            if connection.arrive + changes.stay[to] < ready[to] {
                ready[to] = connection.arrive + changes.stay[to]
                readyVia[to] = .stay
            }
            for path in changes.footpaths[to] {
                let at = connection.arrive + path.seconds
                let next = Int(path.to)
                if at < ready[next] {
                    ready[next] = at
                    readyVia[next] = .foot(from: Int32(to))
                }
                if egress[next] >= 0 && at + egress[next] < best {
                    best = at + egress[next]
                    end = (next, to)
                }
            }
            return true
        }
        take(
            firstConnection(notBefore: start)..<connections.count, in: nil, key: { connections[$0].depart },
            while: { connections[$0].depart < best }, relax: relax)
        guard end.stop >= 0 else { return nil }
        // Walk the pointers back from the end: rides into stops, and how each boarding stop became ready.
        var legs: [ScanLeg] = []
        var stop = end.stop
        if let footFrom = end.footFrom {
            let at = arrived[footFrom]
            legs.append(.foot(from: footFrom, to: stop, depart: at, seconds: footSeconds(changes, footFrom, stop)))
            stop = footFrom
        }
        var steps = 0
        while steps <= connections.count {
            steps += 1
            let ride = arrivedBy[stop]
            guard ride.board >= 0 else { break }
            legs.append(.ride(board: Int(ride.board), alight: Int(ride.alight)))
            let boardStop = Int(connections[Int(ride.board)].from)
            switch readyVia[boardStop] {
            case .source, .none:
                return (best, legs.reversed())
            case .stay:
                stop = boardStop
            case .foot(let from):
                let origin = Int(from)
                legs.append(
                    .foot(
                        from: origin, to: boardStop, depart: arrived[origin],
                        seconds: footSeconds(changes, origin, boardStop)))
                stop = origin
            }
        }
        return (best, legs.reversed())
    }

    /// The latest time a person may leave (the latest source time, less its access seconds) and still reach a target
    /// by `deadline`; nil when no run gets there in time.
    func latestDeparture(from sources: [Endpoint], to targets: [Endpoint], by deadline: Int64, changes: Changes)
        -> Int64?
    {
        var latestReady = [Int64](repeating: .min, count: stopCount)
        // The last position of each run from which it reaches a target (staying on board from any earlier one does too).
        var reachingPosition = [Int32](repeating: -1, count: runs.count)
        let egress = secondsByStop(targets)
        let access = secondsByStop(sources)
        var best = Int64.min
        func relax(_ index: Int) -> Bool {
            let connection = connections[index]
            let run = Int(connection.run)
            let to = Int(connection.to)
            var reaches =
                reachingPosition[run] > connection.position
                || connection.mayAlight
                    && ((egress[to] >= 0 && connection.arrive + egress[to] <= deadline)
                        || connection.arrive + changes.stay[to] <= latestReady[to])
            if !reaches && connection.mayAlight {
                for path in changes.footpaths[to] {
                    let at = connection.arrive + path.seconds
                    let next = Int(path.to)
                    if at <= latestReady[next] || (egress[next] >= 0 && at + egress[next] <= deadline) {
                        reaches = true
                        break
                    }
                }
            }
            guard reaches else { return false }
            var changed = reachingPosition[run] < connection.position
            reachingPosition[run] = max(reachingPosition[run], connection.position)
            let from = Int(connection.from)
            let readyBy = connection.depart - boarding(run, changes)
            if connection.mayBoard && readyBy > latestReady[from] {
                latestReady[from] = readyBy
                changed = true
                if access[from] >= 0 { best = max(best, readyBy - access[from]) }
            }
            return changed
        }
        // Skip the connections arriving after the deadline, then scan until none can still lead to a later departure.
        var low = 0
        var high = byArrival.count
        while low < high {
            let mid = (low + high) / 2
            if connections[Int(byArrival[mid])].arrive > deadline { low = mid + 1 } else { high = mid }
        }
        take(
            low..<byArrival.count, in: byArrival, key: { connections[$0].arrive },
            while: { connections[$0].arrive > best }, relax: relax)
        return best == .min ? nil : best
    }

    /// For every stop, the Pareto-optimal (ready at the stop, arrival at a target plus egress) pairs for boarding
    /// there directly, over the connections in `order` (from `byBoarding(changes)`); ready times latest first.
    func profiles(to targets: [Endpoint], changes: Changes, order: [Int32]) -> [[ProfileEntry]] {
        let egress = secondsByStop(targets)
        // The quickest way from each stop to a target by one footpath.
        var footToTarget = [Int64](repeating: .max, count: stopCount)
        for stop in 0..<stopCount {
            for path in changes.footpaths[stop] where egress[Int(path.to)] >= 0 {
                footToTarget[stop] = min(footToTarget[stop], path.seconds + egress[Int(path.to)])
            }
        }
        var profiles = [[ProfileEntry]](repeating: [], count: stopCount)
        var runBest = [Int64](repeating: .max, count: runs.count)
        // Within a group of connections at one instant, taken more than once, staying on board from a connection
        // counts only what the run's next connection found: the best arrival recorded per connection of the group.
        var groupArrival: [Int: Int64] = [:]
        var groupStart: [Int: Int64] = [:]
        var groupIndex: [Int64: Int] = [:]
        func relax(_ index: Int) -> Bool {
            let connection = connections[index]
            let run = Int(connection.run)
            let to = Int(connection.to)
            var arrival = runBest[run]
            if !groupStart.isEmpty {
                let next = Int64(run) << 32 | Int64(connection.position + 1)
                arrival = groupIndex[next].flatMap { groupArrival[$0] } ?? groupStart[run] ?? runBest[run]
            }
            if connection.mayAlight {
                if egress[to] >= 0 { arrival = min(arrival, connection.arrive + egress[to]) }
                if footToTarget[to] != .max { arrival = min(arrival, connection.arrive + footToTarget[to]) }
                arrival = min(arrival, Self.evaluate(profiles[to], readyAt: connection.arrive + changes.stay[to]))
                for path in changes.footpaths[to] {
                    arrival = min(
                        arrival, Self.evaluate(profiles[Int(path.to)], readyAt: connection.arrive + path.seconds))
                }
            }
            guard arrival != .max else { return false }
            if !groupStart.isEmpty { groupArrival[index] = min(groupArrival[index] ?? .max, arrival) }
            let changed = arrival < runBest[run]
            runBest[run] = min(runBest[run], arrival)
            guard connection.mayBoard else { return changed }
            let from = Int(connection.from)
            let entry = ProfileEntry(ready: connection.depart - boarding(run, changes), arrival: arrival)
            if let last = profiles[from].last {
                if last.arrival <= arrival { return changed }
                if last.ready == entry.ready {
                    profiles[from][profiles[from].count - 1] = entry
                    return true
                }
            }
            profiles[from].append(entry)
            return true
        }
        take(
            0..<order.count, in: order, key: { connections[$0].depart - boarding(Int(connections[$0].run), changes) },
            while: { _ in true }, relax: relax,
            beginInstant: { members in
                for index in members {
                    let connection = connections[index]
                    groupStart[Int(connection.run)] = runBest[Int(connection.run)]
                    groupIndex[Int64(connection.run) << 32 | Int64(connection.position)] = index
                }
            },
            endInstant: {
                groupStart.removeAll(keepingCapacity: true)
                groupIndex.removeAll(keepingCapacity: true)
                groupArrival.removeAll(keepingCapacity: true)
            })
        return profiles
    }

    /// The earliest arrival of a profile (ready times latest first) for a person ready at `time`.
    @inline(__always) static func evaluate(_ profile: [ProfileEntry], readyAt time: Int64) -> Int64 {
        // The entries with ready ≥ time form a prefix; its last one arrives earliest.
        var low = 0
        var high = profile.count
        while low < high {
            let mid = (low + high) / 2
            if profile[mid].ready >= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? .max : profile[low - 1].arrival
    }

    /// For each stop, the fewest seconds any endpoint gives it, or -1 when none names it.
    private func secondsByStop(_ endpoints: [Endpoint]) -> [Int64] {
        var seconds = [Int64](repeating: -1, count: stopCount)
        for endpoint in endpoints where seconds[endpoint.stop] < 0 || endpoint.seconds < seconds[endpoint.stop] {
            seconds[endpoint.stop] = endpoint.seconds
        }
        return seconds
    }

    /// Relaxes the connections at `positions` (of `order`, or of `connections` when nil) in turn while `proceed` holds
    /// for the next one. Where some connections take no time at all, a ride or change at one instant can feed another
    /// one of that instant in any order: such a group (connections with one `key`) is taken again until nothing
    /// improves, between `beginInstant` (given the group) and `endInstant`.
    @inline(__always) private func take(
        _ positions: Range<Int>, in order: [Int32]?, key: (Int) -> Int64, while proceed: (Int) -> Bool,
        relax: (Int) -> Bool, beginInstant: ([Int]) -> Void = { _ in }, endInstant: () -> Void = {}
    ) {
        @inline(__always) func index(_ position: Int) -> Int { order.map { Int($0[position]) } ?? position }
        var position = positions.lowerBound
        while position < positions.upperBound && proceed(index(position)) {
            guard hasInstantConnections else {
                _ = relax(index(position))
                position += 1
                continue
            }
            let first = key(index(position))
            var end = position + 1
            while end < positions.upperBound && key(index(end)) == first { end += 1 }
            let members = (position..<end).map(index)
            if members.count > 1 && members.contains(where: { connections[$0].depart == connections[$0].arrive }) {
                beginInstant(members)
                var changed = true
                while changed {
                    changed = false
                    for member in members where relax(member) { changed = true }
                }
                endInstant()
            } else {
                for member in members { _ = relax(member) }
            }
            position = end
        }
    }

    private func footSeconds(_ changes: Changes, _ from: Int, _ to: Int) -> Int64 {
        changes.footpaths[from].first { Int($0.to) == to }?.seconds ?? 0
    }
}

/// One Pareto-optimal pair of a profile: ready at the stop by `ready`, at the target by `arrival`.
struct ProfileEntry: Sendable, Hashable {
    var ready: Int64
    var arrival: Int64
}
