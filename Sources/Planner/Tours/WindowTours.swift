/// Tours with fixed travel times and one window per visit, timed by each visit's earliest and latest start, so that
/// putting a visit between two others, taking one out or joining a head of one tour to a tail of another is checked
/// in constant time (or by walking only the tail that changes). The planner uses it for a problem that has no more
/// than that (`WindowLayout.init?(problem:)`); the TOPTW benchmark's problems are such.
struct WindowTours: TourModel {
    let layout: WindowLayout
    private var effort: Effort
    private(set) var routes: [[Int]]
    /// Per tour and position: the start of the meeting, and the latest arrival that keeps the rest of the tour
    /// feasible.
    private(set) var start: [[Int64]], latest: [[Int64]]
    /// Per tour: when it is at its finish place.
    private(set) var end: [Int64]
    /// Per visit: the tour that has it, or -1.
    private(set) var tourOf: [Int]
    private(set) var score = 0
    private(set) var mustVisits = 0
    private var nearest = NeighbourCache()

    /// Empty tours over `layout`, counting their work in `effort`.
    init(layout: WindowLayout, effort: Effort) {
        self.layout = layout
        self.effort = effort
        routes = Array(repeating: [], count: layout.tours)
        start = routes.map { _ in [] }
        latest = start
        end = layout.tourOpen
        tourOf = Array(repeating: -1, count: layout.visits)
    }

    /// Placed must-visits, placed priority, then the least summed finish time.
    struct Value: Comparable {
        var mustVisits: Int
        var score: Int
        var duration: Int64

        static func < (a: Value, b: Value) -> Bool {
            (a.mustVisits, a.score, -a.duration) < (b.mustVisits, b.score, -b.duration)
        }
    }

    /// The same tours counting work in `effort` (another thread's).
    mutating func rebase(effort: Effort) {
        self.effort = effort
        nearest = NeighbourCache()
    }

    var settings: SearchSettings {
        let candidates = (0..<layout.visits).filter(isCandidate)
        let mean =
            candidates.isEmpty ? 1 : Double(candidates.reduce(0) { $0 + layout.score[$1] }) / Double(candidates.count)
        // Temperatures and the polish cut-off in mean visit scores (tuned on the TOPTW instances).
        return SearchSettings(
            ruins: [.random, .strings, .related, .timeSlice, .worst],
            annealing: Annealing(hot: 2 * mean, cold: 0.1 * mean), hopeless: 2 * mean, polish: true, recreate: .greedy,
            mostRemoved: 25,
            ruinShare: 1.0 / 3, bigRuinEvery: 10, restartAfter: 1_500, stepCost: 0)
    }

    var visitCount: Int { layout.visits }
    var tourCount: Int { layout.tours }
    var toursAreAlike: Bool { layout.toursAreAlike }
    var value: Value {
        Value(mustVisits: mustVisits, score: score, duration: totalLength - layout.tourOpen.reduce(0, +))
    }
    var annealingValue: Double { Double(mustVisits) * Self.mustWeight + Double(score) }

    /// What one must-visit is worth against priority: more than all the rest together.
    static let mustWeight = 1e7

    func tour(of visit: Int) -> Int { tourOf[visit] }
    func isPlaced(_ visit: Int) -> Bool { tourOf[visit] >= 0 }
    func isMovable(_ visit: Int) -> Bool { true }
    func isCandidate(_ visit: Int) -> Bool { layout.score[visit] > 0 || layout.mustVisit[visit] }
    func worth(_ visit: Int) -> Double { Double(layout.score[visit]) + (layout.mustVisit[visit] ? Self.mustWeight : 0) }
    func startTime(of visit: Int) -> Int64 {
        let tour = tourOf[visit]
        return start[tour][routes[tour].firstIndex(of: visit)!]
    }
    func travel(_ a: Int, _ b: Int) -> Int64 { layout.travel(a, b) }
    func day(of visit: Int) -> Int { Int(startTime(of: visit) / 86_400) }
    func city(of visit: Int) -> Int { 0 }
    func tours(of visit: Int) -> [Int] { tourOf[visit] < 0 ? [] : [tourOf[visit]] }
    func isMustVisit(_ visit: Int) -> Bool { layout.mustVisit[visit] }

    func insertionPositions(of visit: Int, in tour: Int) -> ClosedRange<Int> {
        let first = firstPlace(for: visit, tour: tour)
        // Meetings start later along a tour: past one that starts after this visit's window closes, none fits.
        var low = first
        var high = routes[tour].count
        while low < high {
            let middle = (low + high + 1) / 2
            if start[tour][middle - 1] <= layout.close[visit] { low = middle } else { high = middle - 1 }
        }
        return first...low
    }

    func length(of tour: Int) -> Int64 { end[tour] }

    func cost(of visit: Int) -> Int64 {
        let tour = tourOf[visit]
        let k = routes[tour].firstIndex(of: visit)!
        let before = place(tour, k - 1)
        let after = place(tour, k + 1)
        return layout.travel(before, visit) + layout.service[visit] + layout.travel(visit, after)
            - layout.travel(before, after)
    }

    mutating func neighbours(of visit: Int) -> [Int] {
        let layout = layout
        return nearest.neighbours(of: visit) {
            Array(
                (0..<layout.visits).filter { $0 != visit }.sorted {
                    (layout.travel(visit, $0) + layout.travel($0, visit), $0) < (
                        layout.travel(visit, $1) + layout.travel($1, visit), $1
                    )
                }.prefix(30))
        }
    }

    @inline(__always) func place(_ tour: Int, _ position: Int) -> Int {
        position < 0
            ? layout.startPlace(tour)
            : position < routes[tour].count ? routes[tour][position] : layout.finishPlace(tour)
    }

    /// When the meeting at `position - 1` of `tour` ends (the tour's opening for position 0).
    @inline(__always) func leaving(_ tour: Int, before position: Int) -> Int64 {
        position == 0 ? layout.tourOpen[tour] : start[tour][position - 1] + layout.service[routes[tour][position - 1]]
    }

    /// The latest arrival at `position` of `tour` (the tour's closing past the last visit).
    @inline(__always) func latestArrival(_ tour: Int, at position: Int) -> Int64 {
        position < routes[tour].count ? latest[tour][position] : layout.tourClose[tour]
    }

    /// Recomputes one tour's times; drops visits a broken triangle inequality may have made late, so that the tour
    /// stays feasible.
    private mutating func retime(_ tour: Int) {
        while true {
            let route = routes[tour]
            var begin = [Int64](repeating: 0, count: route.count)
            var clock = layout.tourOpen[tour]
            var at = layout.startPlace(tour)
            var late = -1
            for (k, visit) in route.enumerated() {
                clock = layout.begin(visit, arriving: clock + layout.travel(at, visit))
                if clock > layout.close[visit] {
                    late = k
                    break
                }
                begin[k] = clock
                clock += layout.service[visit]
                at = visit
            }
            let back = clock + layout.travel(at, layout.finishPlace(tour))
            if late < 0 && back > layout.tourClose[tour] && !route.isEmpty { late = route.count - 1 }
            if late >= 0 {
                take(routes[tour].remove(at: late))
                continue
            }
            var last = [Int64](repeating: 0, count: route.count)
            var bound = layout.tourClose[tour]
            var next = layout.finishPlace(tour)
            for k in stride(from: route.count - 1, through: 0, by: -1) {
                let visit = route[k]
                last[k] = layout.latestArrival(
                    startingBy: min(layout.close[visit], bound - layout.travel(visit, next) - layout.service[visit]))
                bound = last[k]
                next = visit
            }
            start[tour] = begin
            latest[tour] = last
            end[tour] = route.isEmpty ? layout.tourOpen[tour] : back
            return
        }
    }

    private mutating func take(_ visit: Int) {
        tourOf[visit] = -1
        score -= layout.score[visit]
        if layout.mustVisit[visit] { mustVisits -= 1 }
    }

    private mutating func put(_ visit: Int, on tour: Int) {
        tourOf[visit] = tour
        score += layout.score[visit]
        if layout.mustVisit[visit] { mustVisits += 1 }
    }

    mutating func insert(_ visit: Int, tour: Int, position: Int) {
        routes[tour].insert(visit, at: position)
        put(visit, on: tour)
        retime(tour)
    }

    mutating func remove(_ doomed: [Bool]) -> [Bool] {
        var taken = [Bool](repeating: false, count: layout.visits)
        for tour in routes.indices where routes[tour].contains(where: { doomed[$0] }) {
            var route = routes[tour]
            route.removeAll { visit in
                guard doomed[visit] else { return false }
                take(visit)
                taken[visit] = true
                return true
            }
            routes[tour] = route
            retime(tour)
        }
        return taken
    }

    mutating func replaceRoutes(_ changes: [(tour: Int, route: [Int])]) {
        for (tour, _) in changes { for visit in routes[tour] { take(visit) } }
        for (tour, route) in changes {
            routes[tour] = route
            for visit in route { put(visit, on: tour) }
        }
        for (tour, _) in changes { retime(tour) }
    }

    mutating func insertBest(_ visit: Int, avoiding: Int, noise: Double, random: inout SplitMix64) -> Bool {
        var best: (shift: Double, tour: Int, position: Int)?
        for tour in routes.indices where tour != avoiding {
            guard let found = cheapestInsertion(of: visit, into: tour) else { continue }
            let shift = Double(found.shift) * (noise == 0 ? 1 : 1 + noise * random.unit())
            if best == nil || shift < best!.shift { best = (shift, tour, found.position) }
        }
        guard let best else { return false }
        insert(visit, tour: best.tour, position: best.position)
        return true
    }

    /// The first position of `tour` where `visit` might go (with `skip` visits left out from there): latest
    /// arrivals rise along a tour, so places whose next visit must begin before this one could end are skipped.
    @inline(__always) func firstPlace(for visit: Int, tour: Int, skip: Int = 0) -> Int {
        let earliestEnd = layout.open[visit] + layout.service[visit]
        var low = 0
        var high = routes[tour].count - skip
        while low < high {
            let middle = (low + high) / 2
            if latest[tour][middle + skip] < earliestEnd { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// How much later the visit now at `position` (or the finish) is reached when `visit` goes just before it, or
    /// nil when that breaks a window or the tour's span. Visits from `position` to `position + skip` are left out.
    @inline(__always) func shift(_ visit: Int, tour: Int, position: Int, replacing skip: Int = 0) -> Int64? {
        let before = place(tour, position - 1)
        let leave = leaving(tour, before: position)
        let begin = layout.begin(visit, arriving: leave + layout.travel(before, visit))
        guard begin <= layout.close[visit] else { return nil }
        let after = place(tour, position + skip)
        let reach = begin + layout.service[visit] + layout.travel(visit, after)
        guard reach <= latestArrival(tour, at: position + skip) else { return nil }
        return reach - (leave + layout.travel(before, after))
    }

    /// The cheapest place for `visit` in `tour` (the loop of `shift` over raw buffers: most of the search's time is
    /// spent here).
    mutating func cheapestInsertion(of visit: Int, into tour: Int) -> (shift: Int64, position: Int)? {
        effort.spend(1)
        let first = firstPlace(for: visit, tour: tour)
        let layout = layout
        let open = layout.tourOpen[tour]
        let close = layout.tourClose[tour]
        let finish = layout.finishPlace(tour)
        let origin = layout.startPlace(tour)
        let visitClose = layout.close[visit]
        let length = layout.service[visit]
        var best: (shift: Int64, position: Int)?
        layout.service.withUnsafeBufferPointer { service in
            routes[tour].withUnsafeBufferPointer { route in
                start[tour].withUnsafeBufferPointer { begin in
                    latest[tour].withUnsafeBufferPointer { last in
                        for position in first...route.count {
                            let before = position == 0 ? origin : route[position - 1]
                            let leave: Int64
                            if position == 0 {
                                leave = open
                            } else {
                                if begin[position - 1] > visitClose { break }
                                leave = begin[position - 1] + service[before]
                            }
                            let meeting = layout.begin(visit, arriving: leave + layout.travel(before, visit))
                            guard meeting <= visitClose else { continue }
                            let after = position < route.count ? route[position] : finish
                            let reach = meeting + length + layout.travel(visit, after)
                            guard reach <= (position < route.count ? last[position] : close) else { continue }
                            let shift = reach - (leave + layout.travel(before, after))
                            if best == nil || shift < best!.shift { best = (shift, position) }
                        }
                    }
                }
            }
        }
        return best
    }

    /// When `tour` is at its finish if its visits from `position` on follow leaving place `from` at `clock`, or nil
    /// when that breaks a window or the span; stops as soon as a visit starts when it does now.
    func finish(_ tour: Int, from position: Int, leaving from: Int, at clock: Int64) -> Int64? {
        var clock = clock
        var at = from
        for k in position..<routes[tour].count {
            let next = routes[tour][k]
            let arrival = clock + layout.travel(at, next)
            if arrival > latest[tour][k] { return nil }
            let begin = layout.begin(next, arriving: arrival)
            if begin == start[tour][k] { return end[tour] }
            clock = begin + layout.service[next]
            at = next
        }
        let back = clock + layout.travel(at, layout.finishPlace(tour))
        return back <= layout.tourClose[tour] ? back : nil
    }

    mutating func length(of route: [Int], tour: Int) -> Int64? {
        effort.spend(1)
        var clock = layout.tourOpen[tour]
        var at = layout.startPlace(tour)
        for visit in route {
            clock = layout.begin(visit, arriving: clock + layout.travel(at, visit))
            if clock > layout.close[visit] { return nil }
            clock += layout.service[visit]
            at = visit
        }
        guard !route.isEmpty else { return layout.tourOpen[tour] }
        let back = clock + layout.travel(at, layout.finishPlace(tour))
        return back <= layout.tourClose[tour] ? back : nil
    }

    mutating func lengthWithout(_ position: Int, of tour: Int) -> Int64? {
        if routes[tour].count == 1 { return layout.tourOpen[tour] }
        return finish(tour, from: position + 1, leaving: place(tour, position - 1), at: leaving(tour, before: position))
    }

    mutating func lengthWith(_ visit: Int, at position: Int, of tour: Int) -> Int64? {
        guard shift(visit, tour: tour, position: position) != nil else { return nil }
        let before = place(tour, position - 1)
        let begin = layout.begin(visit, arriving: leaving(tour, before: position) + layout.travel(before, visit))
        return finish(tour, from: position, leaving: visit, at: begin + layout.service[visit])
    }

    mutating func lengthJoining(_ a: Int, head: Int, _ b: Int, tail: Int) -> Int64? {
        let last = place(a, head - 1)
        let leave = leaving(a, before: head)
        guard leave + layout.travel(last, place(b, tail)) <= latestArrival(b, at: tail) else { return nil }
        // The tail keeps its latest arrivals only when both tours finish at the same place in the same span.
        if layout.finishPlace(a) == layout.finishPlace(b) || layout.toursAreAlike,
            layout.tourClose[a] == layout.tourClose[b]
        {
            return finish(b, from: tail, leaving: last, at: leave)
        }
        return length(of: Array(routes[a][..<head] + routes[b][tail...]), tour: a)
    }

    mutating func bestSwap(_ visit: Int, tour: Int, best: inout Swap?) {
        let first = firstPlace(for: visit, tour: tour, skip: 1)
        let layout = layout
        let worth = Double(layout.score[visit])
        let close = layout.close[visit]
        for position in first..<routes[tour].count {
            if position > 0 && start[tour][position - 1] > close { break }
            let old = routes[tour][position]
            guard !layout.mustVisit[old] else { continue }
            let gain = worth - Double(layout.score[old])
            guard gain > 0, best == nil || gain >= best!.gain,
                let shift = shift(visit, tour: tour, position: position, replacing: 1)
            else { continue }
            if best == nil || gain > best!.gain || shift < best!.shift {
                best = Swap(gain: gain, shift: shift, tour: tour, position: position, visit: visit)
            }
        }
    }
}

/// Work a search has done, in the units its limit counts (simulations, or insertion checks); shared by every copy of
/// a model, so that work on a candidate that is thrown away still counts.
final class Effort: @unchecked Sendable {
    private(set) var spent = 0

    /// Counts `amount` more work.
    @inline(__always) func spend(_ amount: Int) { spent += amount }
}
