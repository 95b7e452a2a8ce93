import Dispatch
import Synchronization
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
    /// Entries as seconds after `base`, ready time and arrival side by side so a lookup's last probe finds both.
    private let entries: [Entry]
    private let base: Int64
    /// Stop-to-stop services already scanned, shared by every copy of these times and so by every thread of a solve.
    private let scanned = ScannedServices()

    private struct Entry: Sendable {
        var ready: Int32
        var arrival: Int32
    }

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
        let base = (network.connections.first?.depart ?? 0) - 86_400
        self.base = base
        let order = network.byBoarding(network.doorToDoor)
        let n = stops.count
        // One scan per target; each writes only its own slot: the entry counts per source and the entries.
        let results = ResultSlots<(counts: [Int32], entries: [Entry])>(count: n)
        DispatchQueue.concurrentPerform(iterations: n) { target in
            let all = network.profiles(
                to: [Endpoint(stop: stops[target], seconds: 0)], changes: network.doorToDoor, order: order)
            var counts: [Int32] = []
            var entries: [Entry] = []
            for source in stops {
                counts.append(Int32(all[source].count))
                entries += all[source].map {
                    Entry(ready: Int32(clamping: $0.ready - base), arrival: Int32(clamping: $0.arrival - base))
                }
            }
            results.set(target, (counts, entries))
        }
        var pairStart: [Int32] = [0]
        pairStart.reserveCapacity(n * n + 1)
        var entries: [Entry] = []
        for target in 0..<n {
            let result = results.value(target)
            for count in result.counts { pairStart.append(pairStart.last! + count) }
            entries += result.entries
        }
        self.pairStart = pairStart
        self.entries = entries
    }

    /// How many (ready, arrival) entries the tables hold.
    public var entryCount: Int { entries.count }

    /// How many stops the tables cover.
    public var stopCount: Int { stops.count }

    /// The earliest arrival at stop `to` for a person ready to board at stop `from` at `time` (door to door rules:
    /// check-in, changes, taxis between a city's stops); nil when no run gets there or a stop is not covered.
    public func earliestArrival(fromStop from: Int, toStop to: Int, readyAt time: Int64) -> Int64? {
        let source = position[from]
        let target = position[to]
        guard source >= 0, target >= 0 else { return nil }
        let found = lookup(source: Int(source), target: Int(target), ready: time)
        return found == .max ? nil : found
    }

    /// One stop-to-stop question for `earliestArrivals(_:)`: timetable stop indices and a ready time.
    public struct Question: Sendable, Hashable {
        public var from: Int
        public var to: Int
        public var ready: Int64
        /// A question from its parts.
        public init(from: Int, to: Int, ready: Int64) {
            self.from = from
            self.to = to
            self.ready = ready
        }
    }

    /// The answers of `earliestArrival(fromStop:toStop:readyAt:)` to many questions at once (nil as `Int64.max`);
    /// the searches run interleaved, sixteen at a time, so that their memory reads overlap.
    public func earliestArrivals(_ questions: [Question]) -> [Int64] {
        let width = 16
        var answers = [Int64](repeating: .max, count: questions.count)
        let n = stops.count
        entries.withUnsafeBufferPointer { entries in
            pairStart.withUnsafeBufferPointer { pairStart in
                withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { state in
                    // Per search: where its range starts, its current low end, and how many entries remain.
                    let first = state.baseAddress!
                    let low = first + width
                    let remaining = low + width
                    var wanted = [Int32](repeating: 0, count: width)
                    var group = 0
                    while group < questions.count {
                        let size = min(width, questions.count - group)
                        var longest = 0
                        for k in 0..<size {
                            let question = questions[group + k]
                            let source = position[question.from]
                            let target = position[question.to]
                            guard source >= 0, target >= 0 else {
                                first[k] = 0
                                low[k] = 0
                                remaining[k] = 0
                                continue
                            }
                            let pair = Int(target) * n + Int(source)
                            first[k] = Int(pairStart[pair])
                            low[k] = first[k]
                            remaining[k] = Int(pairStart[pair + 1]) - first[k]
                            wanted[k] = Int32(clamping: question.ready - base)
                            longest = max(longest, remaining[k])
                        }
                        while longest > 0 {
                            longest = 0
                            for k in 0..<size where remaining[k] > 0 {
                                let half = remaining[k] >> 1
                                if entries[low[k] + half].ready >= wanted[k] {
                                    low[k] += half + 1
                                    remaining[k] -= half + 1
                                } else {
                                    remaining[k] = half
                                }
                                longest = max(longest, remaining[k])
                            }
                        }
                        for k in 0..<size where low[k] > first[k] {
                            answers[group + k] = base + Int64(entries[low[k] - 1].arrival)
                        }
                        group += size
                    }
                }
            }
        }
        return answers
    }

    /// The earliest door-to-door arrival from `origin` to `destination` leaving no earlier than `earliest`.
    public func earliestArrival(from origin: Place, to destination: Place, notBefore earliest: Instant) -> Instant? {
        let start = ends(of: origin)
        let end = ends(of: destination)
        guard origin.cityID == destination.cityID || (start.covered && end.covered) else {
            return router.earliestArrival(from: origin, to: destination, notBefore: earliest)?.arrive
        }
        return ride(from: start, to: end, notBefore: earliest)?.arrive
    }

    /// The fastest door-to-door way found in the profiles, without building its journey: when to leave the door,
    /// when to reach the other, and the stops and stop times between (nil stops for a taxi or a drive).
    public struct Ride: Sendable, Hashable {
        public var depart: Instant
        public var arrive: Instant
        /// Boarding stop, the time to be ready there, and the alighting stop; nil when the ride is by road.
        public var fromStop: Int?
        public var stopReady: Int64
        public var toStop: Int?
    }

    /// A place with its stops and the seconds from its door to each, worked out once for many rides.
    public struct Ends: Sendable {
        public let place: Place
        let endpoints: [Endpoint]
        let covered: Bool
    }

    /// The stops of `place` and the way to each.
    public func ends(of place: Place) -> Ends {
        let endpoints = router.endpoints(place)
        return Ends(place: place, endpoints: endpoints, covered: endpoints.allSatisfy { position[$0.stop] >= 0 })
    }

    /// The earliest arrival from `origin` to `destination` leaving no earlier than `earliest`, as a `Ride` that leaves
    /// as late as that arrival allows; nil when nothing arrives, or when a city is not covered by the profiles.
    public func ride(from origin: Place, to destination: Place, notBefore earliest: Instant) -> Ride? {
        ride(from: ends(of: origin), to: ends(of: destination), notBefore: earliest)
    }

    /// `ride(from:to:notBefore:)` between places whose stops are already worked out.
    public func ride(from start: Ends, to end: Ends, notBefore earliest: Instant) -> Ride? {
        let origin = start.place
        let destination = end.place
        if origin.cityID == destination.cityID {
            let end = earliest + router.rules.roadSeconds(from: origin.coordinate, to: destination.coordinate)
            return Ride(depart: earliest, arrive: end, fromStop: nil, stopReady: 0, toStop: nil)
        }
        guard start.covered, end.covered else { return nil }
        let sources = start.endpoints
        let targets = end.endpoints
        var best: Ride?
        if let road = router.roadSeconds(from: origin, to: destination) {
            best = Ride(depart: earliest, arrive: earliest + road, fromStop: nil, stopReady: 0, toStop: nil)
        }
        for source in sources {
            for target in targets {
                guard
                    let (ready, arrival) = entry(
                        source: Int(position[source.stop]), target: Int(position[target.stop]),
                        ready: earliest.seconds + source.seconds)
                else { continue }
                let found = Ride(
                    depart: Instant(seconds: ready - source.seconds),
                    arrive: Instant(seconds: arrival + target.seconds),
                    fromStop: source.stop, stopReady: ready, toStop: target.stop)
                if let known = best, (known.arrive, -known.depart.seconds) <= (found.arrive, -found.depart.seconds) {
                    continue
                }
                best = found
            }
        }
        return best
    }

    /// The entry answering a lookup: the latest ready time with the earliest arrival, as absolute seconds. Entries
    /// run latest ready first; those ready at or after `time` form a prefix, whose last arrives earliest.
    @inline(__always) private func entry(source: Int, target: Int, ready time: Int64) -> (ready: Int64, arrival: Int64)?
    {
        let pair = target * stops.count + source
        let wanted = Int32(clamping: time - base)
        return entries.withUnsafeBufferPointer { entries in
            var low = Int(pairStart[pair])
            var high = Int(pairStart[pair + 1])
            let first = low
            while low < high {
                let mid = (low + high) >> 1
                if entries[mid].ready >= wanted { low = mid + 1 } else { high = mid }
            }
            return low == first ? nil : (base + Int64(entries[low - 1].ready), base + Int64(entries[low - 1].arrival))
        }
    }

    @inline(__always) private func lookup(source: Int, target: Int, ready time: Int64) -> Int64 {
        entry(source: source, target: target, ready: time)?.arrival ?? .max
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

extension TravelTimes {
    /// The services of the earliest journey from one stop, ready at `ready`, to another (`Router.stopParts`),
    /// scanned once per key and then shared: a profile entry names its boarding time, so the threads of a solve ask
    /// for the same few thousand keys over and over.
    public func stopParts(from fromStop: Int, readyAt ready: Int64, to toStop: Int) -> (
        parts: [Journey.Part], ready: Instant
    )? {
        let key = ScannedServices.Key(from: Int32(fromStop), to: Int32(toStop), ready: ready)
        if let known = scanned.found.withLock({ $0[key] }) { return known }
        let found = router.stopParts(from: fromStop, readyAt: ready, to: toStop)
        scanned.found.withLock { held in
            // A pure function of the key: forgetting everything only costs time, and keeps memory flat.
            if held.count >= ScannedServices.capacity { held.removeAll(keepingCapacity: true) }
            held[key] = found
        }
        return found
    }
}

/// The stop-to-stop services `TravelTimes.stopParts` has scanned, behind a lock.
private final class ScannedServices: Sendable {
    struct Key: Hashable {
        var from: Int32
        var to: Int32
        var ready: Int64
    }

    /// Most services held at once.
    static let capacity = 200_000

    let found = Mutex<[Key: (parts: [Journey.Part], ready: Instant)?]>([:])
}
