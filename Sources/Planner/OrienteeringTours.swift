import Itinerary

/// An `OrienteeringProblem`'s sites and travel times in this module, so that looking a time up is inlined.
struct OrienteeringTable {
    let sites: [OrienteeringProblem.Site]
    let tours: Int
    private let count: Int
    /// 32 bits a time, so that more of it stays in the cache; longer times are cut to `Int32.max`, which is no
    /// difference within a day shorter than that.
    private let matrix: [Int32]

    init(_ problem: OrienteeringProblem) {
        precondition(problem.sites[0].close < Int64(Int32.max), "the day must be shorter than 2^31 time units")
        sites = problem.sites
        tours = problem.tours
        count = problem.sites.count
        matrix = (0..<count * count).map { Int32(clamping: problem.travel($0 / problem.sites.count, $0 % problem.sites.count)) }
    }

    /// Travel time from site `a` to site `b`.
    @inline(__always) func travel(_ a: Int, _ b: Int) -> Int64 { Int64(matrix.withUnsafeBufferPointer { $0[a * count + b] }) }
}

/// Tours of an `OrienteeringProblem` with each visit's earliest and latest start of service, so that putting a site
/// between two visits, or joining a head of one tour to a tail of another, is checked in constant time.
struct OrienteeringTours {
    let problem: OrienteeringTable
    private(set) var routes: [[Int]]
    /// Per tour and position: the earliest start of service, and the latest one that keeps the rest of the tour
    /// feasible.
    private(set) var start: [[Int64]], latest: [[Int64]]
    /// Per tour: when it is back at the depot.
    private(set) var end: [Int64]
    /// Per site: the tour that visits it, or -1.
    private(set) var tourOf: [Int]
    private(set) var score = 0

    init(problem: OrienteeringTable) {
        self.problem = problem
        routes = Array(repeating: [], count: problem.tours)
        start = routes.map { _ in [] }
        latest = start
        end = Array(repeating: problem.sites[0].open, count: problem.tours)
        tourOf = Array(repeating: -1, count: problem.sites.count)
    }

    /// How many sites the tours visit.
    var visitCount: Int { routes.reduce(0) { $0 + $1.count } }

    /// When the tours are back at the depot, summed: less leaves more room for further visits.
    var duration: Int64 { end.reduce(0, +) }

    /// Recomputes one tour's times; drops visits that a triangle-inequality break (zero-length service with
    /// truncated distances) may have made late, so that the tour stays feasible.
    mutating func retime(_ tour: Int) {
        let sites = problem.sites
        while true {
            let route = routes[tour]
            var begin = [Int64](repeating: 0, count: route.count)
            var clock = sites[0].open, at = 0, late = -1
            for (k, site) in route.enumerated() {
                clock = max(clock + sites[at].service + problem.travel(at, site), sites[site].open)
                if clock > sites[site].close {
                    late = k
                    break
                }
                begin[k] = clock
                at = site
            }
            let back = clock + sites[at].service + problem.travel(at, 0)
            if late < 0 && back > sites[0].close && !route.isEmpty { late = route.count - 1 }
            if late >= 0 {
                let site = routes[tour].remove(at: late)
                tourOf[site] = -1
                score -= sites[site].score
                continue
            }
            var last = [Int64](repeating: 0, count: route.count)
            var bound = sites[0].close, next = 0
            for k in stride(from: route.count - 1, through: 0, by: -1) {
                let site = route[k]
                last[k] = min(sites[site].close, bound - problem.travel(site, next) - sites[site].service)
                bound = last[k]
                next = site
            }
            start[tour] = begin
            latest[tour] = last
            end[tour] = route.isEmpty ? sites[0].open : back
            return
        }
    }

    /// When service at `position - 1` of `tour` ends (the depot's opening for position 0).
    @inline(__always) func leaving(_ tour: Int, before position: Int) -> Int64 {
        position == 0 ? problem.sites[0].open : start[tour][position - 1] + problem.sites[routes[tour][position - 1]].service
    }

    /// The latest arrival at `position` of `tour` (the depot's closing time past the last visit).
    @inline(__always) func latestArrival(_ tour: Int, at position: Int) -> Int64 {
        position < routes[tour].count ? latest[tour][position] : problem.sites[0].close
    }

    /// The site at `position` of `tour`, or the depot past the end.
    @inline(__always) func site(_ tour: Int, _ position: Int) -> Int { position < routes[tour].count ? routes[tour][position] : 0 }

    /// How much later the visit now at `position` (or the return) happens when `site` goes just before it, or nil
    /// when that breaks a window or the day. Visits from `skip` on (to `position`) are left out first: 0 inserts,
    /// 1 replaces the visit at `position` (then the cost is counted from that visit's arrival).
    @inline(__always) func shift(_ site: Int, tour: Int, position: Int, replacing skip: Int = 0) -> Int64? {
        let sites = problem.sites
        let before = position == 0 ? 0 : routes[tour][position - 1]
        let leave = leaving(tour, before: position)
        let arrive = leave + problem.travel(before, site)
        let begin = max(arrive, sites[site].open)
        guard begin <= sites[site].close else { return nil }
        let after = self.site(tour, position + skip)
        let reach = begin + sites[site].service + problem.travel(site, after)
        guard reach <= latestArrival(tour, at: position + skip) else { return nil }
        return reach - (leave + problem.travel(before, after))
    }

    /// The first position of `tour` where `site` might go (with `skip` visits left out from there): latest starts
    /// rise along a tour, so the places whose next visit must begin before this site could end are skipped.
    @inline(__always) func firstPlace(for site: Int, tour: Int, skip: Int = 0) -> Int {
        let earliestEnd = problem.sites[site].open + problem.sites[site].service
        var low = 0, high = routes[tour].count - skip
        while low < high {
            let middle = (low + high) / 2
            if latest[tour][middle + skip] < earliestEnd { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The cheapest place for `site` in `tour`: its shift and position, or nil when it fits nowhere.
    /// (The loop of `shift`, over raw buffers: most of the search's time is spent here.)
    func cheapest(_ site: Int, tour: Int) -> (shift: Int64, position: Int)? {
        let first = firstPlace(for: site, tour: tour)
        let depot = problem.sites[0], visit = problem.sites[site]
        var best: (shift: Int64, position: Int)?
        problem.sites.withUnsafeBufferPointer { sites in
            routes[tour].withUnsafeBufferPointer { route in
                start[tour].withUnsafeBufferPointer { begin in
                    latest[tour].withUnsafeBufferPointer { last in
                        for position in first...route.count {
                            let before = position == 0 ? 0 : route[position - 1]
                            let leave: Int64
                            if position == 0 {
                                leave = depot.open
                            } else {
                                if begin[position - 1] > visit.close { break }
                                leave = begin[position - 1] + sites[before].service
                            }
                            let begin = max(leave + problem.travel(before, site), visit.open)
                            guard begin <= visit.close else { continue }
                            let after = position < route.count ? route[position] : 0
                            let reach = begin + visit.service + problem.travel(site, after)
                            guard reach <= (position < route.count ? last[position] : depot.close) else { continue }
                            let shift = reach - (leave + problem.travel(before, after))
                            if best == nil || shift < best!.shift { best = (shift, position) }
                        }
                    }
                }
            }
        }
        return best
    }

    mutating func insert(_ site: Int, tour: Int, position: Int) {
        routes[tour].insert(site, at: position)
        tourOf[site] = tour
        score += problem.sites[site].score
        retime(tour)
    }

    /// Removes the marked sites from every tour that visits any.
    mutating func remove(_ doomed: [Bool]) {
        for tour in routes.indices where routes[tour].contains(where: { doomed[$0] }) {
            routes[tour].removeAll { site in
                guard doomed[site] else { return false }
                tourOf[site] = -1
                score -= problem.sites[site].score
                return true
            }
            retime(tour)
        }
    }

    /// Puts `route` in place of tour `tour` (its sites must be free or already on it) and retimes it.
    mutating func replaceRoute(_ tour: Int, with route: [Int]) {
        for site in routes[tour] {
            tourOf[site] = -1
            score -= problem.sites[site].score
        }
        routes[tour] = route
        for site in route {
            tourOf[site] = tour
            score += problem.sites[site].score
        }
        retime(tour)
    }

    /// Inserts free sites, the best by score^power per shift first (each site's ratio scaled by up to ±`noise`/2 at
    /// random), until none fits; sites marked in `held` wait until nothing else fits. With `changed`, only the
    /// marked sites are tried in tours not marked (after a ruin of tours where nothing else fitted).
    mutating func fill(noise: Double, power: Double, held: [Bool]? = nil, changed: (tours: [Bool], sites: [Bool])? = nil, random: inout SplitMix64) {
        let sites = problem.sites, tours = routes.count
        var free = (1..<sites.count).filter { tourOf[$0] < 0 && sites[$0].score > 0 }
        guard !free.isEmpty else { return }
        var weight = [Double](repeating: 1, count: sites.count)
        for site in free {
            var value = power == 2 ? Double(sites[site].score) * Double(sites[site].score) : Double(sites[site].score)
            if noise > 0 { value *= 1 + noise * (random.unit() - 0.5) }
            weight[site] = value
        }
        // Per free site and tour: the cheapest shift (Int64.max: none).
        var shifts = [Int64](repeating: .max, count: sites.count * tours)
        var positions = [Int](repeating: 0, count: sites.count * tours)
        func measure(_ tour: Int, again: Bool) {
            let some = !again && changed.map { !$0.tours[tour] } ?? false
            for site in free where again ? shifts[site * tours + tour] != .max : !some || changed!.sites[site] {
                if let best = cheapest(site, tour: tour) {
                    shifts[site * tours + tour] = best.shift
                    positions[site * tours + tour] = best.position
                } else {
                    shifts[site * tours + tour] = .max
                }
            }
        }
        for tour in 0..<tours { measure(tour, again: false) }
        var holding = held != nil
        while true {
            var best: (ratio: Double, index: Int, site: Int, tour: Int)?
            for (index, site) in free.enumerated() where !(holding && held![site]) {
                for tour in 0..<tours {
                    let shift = shifts[site * tours + tour]
                    guard shift != .max else { continue }
                    let ratio = weight[site] / Double(max(shift, 1))
                    if best == nil || ratio > best!.ratio { best = (ratio, index, site, tour) }
                }
            }
            guard let chosen = best else {
                if holding {
                    holding = false
                    continue
                }
                return
            }
            insert(chosen.site, tour: chosen.tour, position: positions[chosen.site * tours + chosen.tour])
            free.swapAt(chosen.index, free.count - 1)
            free.removeLast()
            // An insertion only tightens a tour: what did not fit still does not.
            measure(chosen.tour, again: true)
        }
    }
}
