/// The three connection scans (Dibbelt et al., "Connection Scan Algorithm"): earliest arrival scanning forward in
/// departure order, latest departure scanning backward in arrival order, and the profile of all Pareto-optimal
/// (departure, arrival) pairs scanning backward in boarding order.
///
/// The model, the same for all three: a person is *ready* at a stop from some time on. Ready at `r`, they may board a
/// run whose connection departs at `d` when `r + check-in ≤ d` (check-in only door to door). Staying on a run needs
/// nothing. Alighting at `v` at `a`, they are ready at `v` from `a + stay(v)` and at each footpath's end `w` from
/// `a + footpath(v, w)`; footpaths do not chain. Sources give the first ready times; a target `t` counts an arrival
/// there (by ride or by a footpath after a ride) plus its egress seconds.
extension ScanNetwork {
    /// The earliest arrival at any target, with the legs that reach it; nil when no run gets there.
    func earliestArrival(from sources: [Endpoint], to targets: [Endpoint], changes: Changes) -> (arrival: Int64, legs: [ScanLeg])? {
        enum Ready { case none, source, stay, foot(from: Int32) }
        var ready = [Int64](repeating: .max, count: stopCount)
        var readyVia = [Ready](repeating: .none, count: stopCount)
        var arrived = [Int64](repeating: .max, count: stopCount)
        var arrivedBy = [(board: Int32, alight: Int32)](repeating: (-1, -1), count: stopCount)
        var boarded = [Int32](repeating: -1, count: runs.count)
        var egress = [Int64](repeating: -1, count: stopCount)
        for target in targets where egress[target.stop] < 0 || target.seconds < egress[target.stop] {
            egress[target.stop] = target.seconds
        }
        for source in sources where source.seconds < ready[source.stop] {
            ready[source.stop] = source.seconds
            readyVia[source.stop] = .source
        }
        guard let start = sources.map(\.seconds).min() else { return nil }
        var best = Int64.max
        var end: (stop: Int, footFrom: Int?) = (-1, nil)
        var index = firstConnection(notBefore: start)
        while index < connections.count {
            let connection = connections[index]
            if connection.depart >= best { break }
            let run = Int(connection.run), from = Int(connection.from), to = Int(connection.to)
            if boarded[run] < 0 && ready[from] != .max && ready[from] + boarding(run, changes) <= connection.depart {
                boarded[run] = Int32(index)
            }
            if boarded[run] >= 0 && connection.arrive < arrived[to] {
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
                    let at = connection.arrive + path.seconds, next = Int(path.to)
                    if at < ready[next] {
                        ready[next] = at
                        readyVia[next] = .foot(from: Int32(to))
                    }
                    if egress[next] >= 0 && at + egress[next] < best {
                        best = at + egress[next]
                        end = (next, to)
                    }
                }
            }
            index += 1
        }
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
                legs.append(.foot(from: origin, to: boardStop, depart: arrived[origin], seconds: footSeconds(changes, origin, boardStop)))
                stop = origin
            }
        }
        return (best, legs.reversed())
    }

    /// The latest time a person may leave (the latest source time, less its access seconds) and still reach a target
    /// by `deadline`; nil when no run gets there in time.
    func latestDeparture(from sources: [Endpoint], to targets: [Endpoint], by deadline: Int64, changes: Changes) -> Int64? {
        var latestReady = [Int64](repeating: .min, count: stopCount)
        var runReaches = [Bool](repeating: false, count: runs.count)
        var egress = [Int64](repeating: -1, count: stopCount)
        var access = [Int64](repeating: -1, count: stopCount)
        for target in targets where egress[target.stop] < 0 || target.seconds < egress[target.stop] {
            egress[target.stop] = target.seconds
        }
        for source in sources where access[source.stop] < 0 || source.seconds < access[source.stop] {
            access[source.stop] = source.seconds
        }
        var best = Int64.min
        for position in byArrival {
            let connection = connections[Int(position)]
            if connection.arrive > deadline { continue }
            if connection.arrive <= best { break }
            let run = Int(connection.run), to = Int(connection.to)
            var reaches = runReaches[run]
                || (egress[to] >= 0 && connection.arrive + egress[to] <= deadline)
                || connection.arrive + changes.stay[to] <= latestReady[to]
            if !reaches {
                for path in changes.footpaths[to] {
                    let at = connection.arrive + path.seconds, next = Int(path.to)
                    if at <= latestReady[next] || (egress[next] >= 0 && at + egress[next] <= deadline) {
                        reaches = true
                        break
                    }
                }
            }
            guard reaches else { continue }
            runReaches[run] = true
            let from = Int(connection.from)
            let readyBy = connection.depart - boarding(run, changes)
            if readyBy > latestReady[from] {
                latestReady[from] = readyBy
                if access[from] >= 0 { best = max(best, readyBy - access[from]) }
            }
        }
        return best == .min ? nil : best
    }

    /// For every stop, the Pareto-optimal (ready at the stop, arrival at a target plus egress) pairs for boarding
    /// there directly, over the connections in `order` (from `byBoarding(changes)`); ready times latest first.
    func profiles(to targets: [Endpoint], changes: Changes, order: [Int32]) -> [[ProfileEntry]] {
        var egress = [Int64](repeating: -1, count: stopCount)
        for target in targets where egress[target.stop] < 0 || target.seconds < egress[target.stop] {
            egress[target.stop] = target.seconds
        }
        // The quickest way from each stop to a target by one footpath.
        var footToTarget = [Int64](repeating: .max, count: stopCount)
        for stop in 0..<stopCount {
            for path in changes.footpaths[stop] where egress[Int(path.to)] >= 0 {
                footToTarget[stop] = min(footToTarget[stop], path.seconds + egress[Int(path.to)])
            }
        }
        var profiles = [[ProfileEntry]](repeating: [], count: stopCount)
        var runBest = [Int64](repeating: .max, count: runs.count)
        for position in order {
            let connection = connections[Int(position)]
            let run = Int(connection.run), to = Int(connection.to)
            var arrival = runBest[run]
            if egress[to] >= 0 { arrival = min(arrival, connection.arrive + egress[to]) }
            if footToTarget[to] != .max { arrival = min(arrival, connection.arrive + footToTarget[to]) }
            arrival = min(arrival, Self.evaluate(profiles[to], readyAt: connection.arrive + changes.stay[to]))
            for path in changes.footpaths[to] {
                arrival = min(arrival, Self.evaluate(profiles[Int(path.to)], readyAt: connection.arrive + path.seconds))
            }
            guard arrival != .max else { continue }
            runBest[run] = arrival
            let from = Int(connection.from)
            let entry = ProfileEntry(ready: connection.depart - boarding(run, changes), arrival: arrival)
            if let last = profiles[from].last {
                if last.arrival <= arrival { continue }
                if last.ready == entry.ready {
                    profiles[from][profiles[from].count - 1] = entry
                    continue
                }
            }
            profiles[from].append(entry)
        }
        return profiles
    }

    /// The earliest arrival of a profile (ready times latest first) for a person ready at `time`.
    @inline(__always) static func evaluate(_ profile: [ProfileEntry], readyAt time: Int64) -> Int64 {
        // The entries with ready ≥ time form a prefix; its last one arrives earliest.
        var low = 0, high = profile.count
        while low < high {
            let mid = (low + high) / 2
            if profile[mid].ready >= time { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? .max : profile[low - 1].arrival
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
