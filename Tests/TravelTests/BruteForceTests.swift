import Foundation
import GTFS
import TestSupport
import Testing
import Timeline
import Travel

/// Earliest arrival by Dijkstra over the time-expanded graph of a `RandomFeed`: one node per arrival of a run at a
/// stop, one per stop for "on foot there"; written from the feed's own data, not from Tiaoqi's timetable.
struct TimeExpandedGraph {
    struct Run {
        var trip: Int
        var times: [(arrive: Int64, depart: Int64)]
    }

    let feed: RandomFeed
    let doorToDoor: Bool
    let rules: TravelRules
    var runs: [Run] = []
    /// Seconds to wait after arriving before boarding again at the same stop; nil: no change possible there.
    var stay: [Int64?]
    var footpaths: [[(to: Int, seconds: Int64)]]

    init(feed: RandomFeed, doorToDoor: Bool, rules: TravelRules) {
        self.feed = feed
        self.doorToDoor = doorToDoor
        self.rules = rules
        for (index, trip) in feed.trips.enumerated() {
            for day in -3...feed.days where feed.runs(trip.service, day: day) {
                let base = feed.noonMinusTwelve(day: day)
                runs.append(
                    Run(
                        trip: index,
                        times: trip.stops.indices.map {
                            (base + Int64(trip.arrivals[$0]), base + Int64(trip.departures[$0]))
                        }))
            }
        }
        stay = feed.stops.indices.map { stop in
            guard let given = feed.transfers.first(where: { $0.from == stop && $0.to == stop }) else { return 0 }
            return given.seconds.map(Int64.init)
        }
        footpaths = feed.stops.indices.map { stop in
            feed.transfers.filter { $0.from == stop && $0.to != stop && $0.seconds != nil }.map {
                ($0.to, Int64($0.seconds!))
            }
        }
        if doorToDoor {
            for a in feed.stops.indices {
                for b in feed.stops.indices
                where b != a && feed.stops[a].city == feed.stops[b].city
                    && !footpaths[a].contains(where: { $0.to == b })
                {
                    let sa = feed.stops[a]
                    let sb = feed.stops[b]
                    footpaths[a].append(
                        (
                            b,
                            rules.roadSeconds(
                                from: Coordinate(lat: sa.lat, lon: sa.lon), to: Coordinate(lat: sb.lat, lon: sb.lon))
                        ))
                }
            }
        }
    }

    func checkIn(_ trip: Int) -> Int64 {
        guard doorToDoor else { return 0 }
        switch feed.trips[trip].mode {
        case "air": return 60 * 60
        case "bus": return 10 * 60
        default: return 20 * 60
        }
    }

    /// The earliest arrival at a target (its time plus egress), from stops where a person is ready at given times.
    func earliestArrival(sources: [(stop: Int, ready: Int64)], targets: [(stop: Int, egress: Int64)]) -> Int64? {
        enum Node: Hashable {
            case onFoot(Int)
            case arrived(run: Int, position: Int)
        }
        var queue = MinQueue<Node>()
        var done: Set<Node> = []
        for source in sources { queue.push(source.ready, .onFoot(source.stop)) }
        var best: Int64?
        func reach(_ time: Int64) { best = min(best ?? .max, time) }
        while let (time, node) = queue.pop() {
            guard done.insert(node).inserted else { continue }
            switch node {
            case .onFoot(let stop):
                for (r, run) in runs.enumerated() {
                    let trip = feed.trips[run.trip]
                    for k in 0..<(trip.stops.count - 1)
                    where trip.stops[k] == stop && !trip.noBoarding.contains(k)
                        && time + checkIn(run.trip) <= run.times[k].depart
                    {
                        queue.push(run.times[k + 1].arrive, .arrived(run: r, position: k + 1))
                    }
                }
            case .arrived(let r, let k):
                let run = runs[r]
                let trip = feed.trips[run.trip]
                let stop = trip.stops[k]
                if k + 1 < trip.stops.count { queue.push(run.times[k + 1].arrive, .arrived(run: r, position: k + 1)) }
                // Staying on is always possible; getting off only where the trip lets people off.
                guard !trip.noAlighting.contains(k) else { continue }
                if let target = targets.first(where: { $0.stop == stop }) { reach(time + target.egress) }
                if let wait = stay[stop] { queue.push(time + wait, .onFoot(stop)) }
                for path in footpaths[stop] {
                    queue.push(time + path.seconds, .onFoot(path.to))
                    if let target = targets.first(where: { $0.stop == path.to }) {
                        reach(time + path.seconds + target.egress)
                    }
                }
            }
        }
        return best
    }

    /// Every (leave, arrive) pair with leave in [from, to) that no other pair beats (leaving no earlier and arriving no
    /// later, leaving at any time): the earliest arrival is tried at each moment a boarding stops being possible.
    func profile(sources: [(stop: Int, access: Int64)], targets: [(stop: Int, egress: Int64)], from: Int64, to: Int64)
        -> [Pair]
    {
        func pairs(from: Int64, to: Int64) -> [Pair] {
            var candidates: Set<Int64> = []
            for run in runs {
                let trip = feed.trips[run.trip]
                for source in sources {
                    for k in 0..<(trip.stops.count - 1)
                    where trip.stops[k] == source.stop && !trip.noBoarding.contains(k) {
                        let leave = run.times[k].depart - checkIn(run.trip) - source.access
                        if leave >= from && leave < to { candidates.insert(leave) }
                    }
                }
            }
            return candidates.compactMap { leave in
                earliestArrival(sources: sources.map { ($0.stop, leave + $0.access) }, targets: targets).map {
                    Pair(depart: leave, arrive: $0)
                }
            }
        }
        let inWindow = pairs(from: from, to: to)
        // A journey leaving after the window may still arrive before one leaving within it.
        let later = pairs(from: to, to: (inWindow.map(\.arrive).max() ?? to) + 1)
        let all = inWindow + later
        return inWindow.filter { pair in
            !all.contains { $0 != pair && $0.depart >= pair.depart && $0.arrive <= pair.arrive }
        }
        .sorted { $0.depart < $1.depart }
    }
}

struct Pair: Hashable, CustomStringConvertible {
    var depart: Int64
    var arrive: Int64
    var description: String { "\(Instant(seconds: depart).iso8601)→\(Instant(seconds: arrive).iso8601)" }
}

/// A binary heap of (time, item), earliest first.
struct MinQueue<Item> {
    private var heap: [(Int64, Item)] = []
    mutating func push(_ time: Int64, _ item: Item) {
        heap.append((time, item))
        var child = heap.count - 1
        while child > 0, heap[(child - 1) / 2].0 > heap[child].0 {
            heap.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }
    mutating func pop() -> (Int64, Item)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].0 < heap[smallest].0 { smallest = left }
            if right < heap.count && heap[right].0 < heap[smallest].0 { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}

@Suite("Connection scans against the time-expanded graph, on random GTFS feeds")
struct BruteForceTests {
    /// Writes the feed as files, imports it, and routes over its whole week.
    static func load(_ feed: RandomFeed, rules: TravelRules) throws -> Router {
        let folder = Fixtures.temporaryFolder("random-gtfs")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try feed.write(to: folder)
        let timetable = try NetworkLoader.load(folder: folder)
        let first = LocalDate(iso: feed.firstDay)!
        return Router(timetable: timetable, rules: rules, dates: (0..<feed.days).map { first.adding(days: $0) })
    }

    static var rules: TravelRules {
        var rules = TravelRules()
        rules.maximumRoadKilometres = 0
        return rules
    }

    @Test(arguments: 1...300)
    func timetableOnly(seed: Int) throws {
        let feed = RandomFeed(seed: UInt64(seed))
        let router = try Self.load(feed, rules: Self.rules)
        let graph = TimeExpandedGraph(feed: feed, doorToDoor: false, rules: Self.rules)
        var random = SplitMix(state: UInt64(seed) &* 7919)
        for _ in 0..<4 {
            let a = random.int(0...(feed.stops.count - 1))
            var b = random.int(0...(feed.stops.count - 1))
            if b == a { b = (a + 1) % feed.stops.count }
            let start = feed.noonMinusTwelve(day: random.int(0...3)) + Int64(random.int(0...(30 * 60))) * 60
            let fast = router.earliestArrival(
                fromStop: feed.stops[a].id, toStop: feed.stops[b].id, notBefore: Instant(seconds: start))
            let slow = graph.earliestArrival(sources: [(a, start)], targets: [(b, 0)])
            #expect(
                fast?.arrive.seconds == slow,
                "seed \(seed): \(feed.stops[a].id)→\(feed.stops[b].id) at \(Instant(seconds: start).iso8601)")
        }
        let a = random.int(0...(feed.stops.count - 1))
        let b = (a + 1 + random.int(0...(feed.stops.count - 2))) % feed.stops.count
        let day = random.int(1...3)
        let date = LocalDate(iso: feed.dateText(day, dashes: true))!
        let fast = router.profile(fromStop: feed.stops[a].id, toStop: feed.stops[b].id, on: date).map {
            Pair(depart: $0.depart.seconds, arrive: $0.arrive.seconds)
        }
        let window = router.timetable.zone.day(date)
        let slow = graph.profile(
            sources: [(a, 0)], targets: [(b, 0)], from: window.start.seconds, to: window.end.seconds)
        #expect(
            fast.sorted { $0.depart < $1.depart } == slow,
            "seed \(seed): profile \(feed.stops[a].id)→\(feed.stops[b].id) on \(date)")
    }

    @Test(arguments: 301...520)
    func doorToDoor(seed: Int) throws {
        let feed = RandomFeed(seed: UInt64(seed))
        let router = try Self.load(feed, rules: Self.rules)
        let graph = TimeExpandedGraph(feed: feed, doorToDoor: true, rules: Self.rules)
        var random = SplitMix(state: UInt64(seed) &* 104_729)
        let cities = feed.cityCoordinates.indices
        func place(_ city: Int) -> Place {
            Place(
                cityID: "c\(city)",
                coordinate: Coordinate(lat: feed.cityCoordinates[city].lat, lon: feed.cityCoordinates[city].lon),
                label: "c\(city)")
        }
        func endpoints(_ city: Int) -> [(Int, Int64)] {
            feed.stops.indices.filter { feed.stops[$0].city == city }.map { index in
                let stop = feed.stops[index]
                let seconds =
                    stop.accessMinutes.map { Int64($0) * 60 }
                    ?? Self.rules.roadSeconds(
                        from: place(city).coordinate, to: Coordinate(lat: stop.lat, lon: stop.lon))
                return (index, seconds)
            }
        }
        let from = random.int(0...(cities.count - 1))
        let to = (from + 1 + random.int(0...(cities.count - 2))) % cities.count
        for _ in 0..<3 {
            let start = feed.noonMinusTwelve(day: random.int(0...3)) + Int64(random.int(0...(30 * 60))) * 60
            let fast = router.earliestArrival(from: place(from), to: place(to), notBefore: Instant(seconds: start))
            let slow = graph.earliestArrival(
                sources: endpoints(from).map { ($0.0, start + $0.1) }, targets: endpoints(to))
            #expect(fast?.arrive.seconds == slow, "seed \(seed): c\(from)→c\(to) at \(Instant(seconds: start).iso8601)")
            if let fast { #expect(fast.depart.seconds >= start) }
        }
        let date = LocalDate(iso: feed.dateText(random.int(1...3), dashes: true))!
        let window = router.timetable.zone.day(date)
        let fast = router.profile(from: place(from), to: place(to), on: date).map {
            Pair(depart: $0.depart.seconds, arrive: $0.arrive.seconds)
        }
        let slow = graph.profile(
            sources: endpoints(from), targets: endpoints(to), from: window.start.seconds, to: window.end.seconds)
        #expect(fast.sorted { $0.depart < $1.depart } == slow, "seed \(seed): profile c\(from)→c\(to) on \(date)")
        // The latest departure to arrive by each profile arrival is that pair's departure.
        for pair in slow.prefix(3) {
            let latest = router.latestDeparture(
                from: place(from), to: place(to), arriveBy: Instant(seconds: pair.arrive))
            #expect(
                latest?.depart.seconds == pair.depart,
                "seed \(seed): latest departure to arrive by \(Instant(seconds: pair.arrive).iso8601)")
        }
    }
}
