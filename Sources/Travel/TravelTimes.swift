import Dispatch
import Timeline

/// Door-to-door earliest arrivals between chosen cities, answered by binary search in profiles precomputed over the
/// router's dates: for every stop pair of those cities, the Pareto-optimal (ready at the first stop, at the second)
/// pairs. Answers equal `Router.earliestArrival(from:to:notBefore:)`'s arrival.
public struct TravelTimes: Sendable {
    /// The router the profiles come from (and that answers for places outside the chosen cities).
    public let router: Router
    /// Timetable stop indices covered, in the order of the tables.
    private let stops: [Int]
    /// For each timetable stop, its position in `stops`, or -1.
    private let position: [Int32]
    /// `pairStart[target * n + source] ..< pairStart[… + 1]` indexes the pair's entries, latest ready time first.
    private let pairStart: [Int32]
    private let ready: [Int64]
    private let arrival: [Int64]

    /// Precomputes the profiles between every two stops of `cities` (all cities with stops when nil), with one
    /// backward scan per target stop, spread over the processor's cores.
    public init(router: Router, cities: [String]? = nil) {
        self.router = router
        let timetable = router.timetable
        let chosen = cities ?? timetable.stopsByCity.keys.sorted()
        let stops = chosen.flatMap { timetable.stopsByCity[$0] ?? [] }
        var position = [Int32](repeating: -1, count: timetable.stops.count)
        for (k, stop) in stops.enumerated() { position[stop] = Int32(k) }
        self.stops = stops
        self.position = position

        let network = router.network
        let order = network.byBoarding(network.doorToDoor)
        let n = stops.count
        // One scan per target; each writes only its own slot.
        let results = ResultSlots<[[ProfileEntry]]>(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { target in
            let all = network.profiles(to: [Endpoint(stop: stops[target], seconds: 0)], changes: network.doorToDoor, order: order)
            results.set(target, stops.map { all[$0] })
        }
        var pairStart: [Int32] = [0]
        pairStart.reserveCapacity(n * n + 1)
        var ready: [Int64] = [], arrival: [Int64] = []
        for target in 0..<n {
            for entries in results.value(target) {
                for entry in entries {
                    ready.append(entry.ready)
                    arrival.append(entry.arrival)
                }
                pairStart.append(Int32(ready.count))
            }
        }
        self.pairStart = pairStart
        self.ready = ready
        self.arrival = arrival
    }

    /// How many (ready, arrival) entries the tables hold.
    public var entryCount: Int { ready.count }

    /// How many stops the tables cover.
    public var stopCount: Int { stops.count }

    /// The earliest arrival at stop `to` for a person ready to board at stop `from` at `time` (door to door rules:
    /// check-in, changes, taxis between a city's stops); nil when no run gets there or a stop is not covered.
    public func earliestArrival(fromStop from: Int, toStop to: Int, readyAt time: Int64) -> Int64? {
        let source = position[from], target = position[to]
        guard source >= 0, target >= 0 else { return nil }
        let found = lookup(source: Int(source), target: Int(target), ready: time)
        return found == .max ? nil : found
    }

    /// The earliest door-to-door arrival from `origin` to `destination` leaving no earlier than `earliest`.
    public func earliestArrival(from origin: Place, to destination: Place, notBefore earliest: Instant) -> Instant? {
        if origin.cityID == destination.cityID {
            return earliest + router.rules.roadSeconds(from: origin.coordinate, to: destination.coordinate)
        }
        let sources = router.endpoints(origin), targets = router.endpoints(destination)
        guard sources.allSatisfy({ position[$0.stop] >= 0 }), targets.allSatisfy({ position[$0.stop] >= 0 }) else {
            return router.earliestArrival(from: origin, to: destination, notBefore: earliest)?.arrive
        }
        var best = router.roadSeconds(from: origin, to: destination).map { earliest.seconds + $0 } ?? .max
        for source in sources {
            for target in targets {
                let found = lookup(source: Int(position[source.stop]), target: Int(position[target.stop]), ready: earliest.seconds + source.seconds)
                if found != .max { best = min(best, found + target.seconds) }
            }
        }
        return best == .max ? nil : Instant(seconds: best)
    }

    @inline(__always) private func lookup(source: Int, target: Int, ready time: Int64) -> Int64 {
        let pair = target * stops.count + source
        // Entries run latest ready first; those ready at or after `time` form a prefix, whose last arrives earliest.
        var low = Int(pairStart[pair]), high = Int(pairStart[pair + 1])
        let first = low
        while low < high {
            let mid = (low + high) >> 1
            if ready[mid] >= time { low = mid + 1 } else { high = mid }
        }
        return low == first ? .max : arrival[low - 1]
    }
}

/// Slots that concurrent workers fill, one each, read after they have all finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }
    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }
    /// Each index is written by exactly one worker, so writes never overlap.
    func set(_ index: Int, _ value: Value) { slots[index] = value }
    func value(_ index: Int) -> Value { slots[index]! }
}
