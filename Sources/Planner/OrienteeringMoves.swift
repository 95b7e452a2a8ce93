import Itinerary

/// The ruin operators and local improvements of `OrienteeringSolver` on `OrienteeringTours`.
extension OrienteeringTours {
    /// All visited sites, tour by tour.
    var visits: [Int] { routes.flatMap { $0 } }

    /// Removes up to `count` visits chosen at random; returns the removed sites marked.
    mutating func removeRandom(_ count: Int, random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: problem.sites.count)
        var all = visits
        for _ in 0..<min(count, all.count) {
            let k = Int(random.next() % UInt64(all.count))
            doomed[all[k]] = true
            all.swapAt(k, all.count - 1)
            all.removeLast()
        }
        remove(doomed)
        return doomed
    }

    /// Removes strings of consecutive visits around a random visit and its nearest visited neighbours, from up to
    /// `tours` tours, about `count` visits in all (as in slack induction by string removals).
    mutating func removeStrings(_ count: Int, tours: Int, neighbours: [[Int]], random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: problem.sites.count)
        let all = visits
        guard !all.isEmpty else { return doomed }
        let seed = all[Int(random.next() % UInt64(all.count))]
        var ruined = [Bool](repeating: false, count: routes.count)
        var left = tours
        let length = max(1, count / max(1, tours))
        for site in [seed] + neighbours[seed] where left > 0 {
            let tour = tourOf[site]
            guard tour >= 0, !ruined[tour] else { continue }
            ruined[tour] = true
            left -= 1
            let route = routes[tour], at = route.firstIndex(of: site)!
            let size = min(route.count, 1 + Int(random.next() % UInt64(length)))
            let lowest = max(0, at - size + 1), highest = min(at, route.count - size)
            let first = lowest + Int(random.next() % UInt64(highest - lowest + 1))
            for k in first..<first + size { doomed[route[k]] = true }
        }
        remove(doomed)
        return doomed
    }

    /// Removes a random visit and its `count - 1` nearest visited neighbours.
    mutating func removeRelated(_ count: Int, neighbours: [[Int]], random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: problem.sites.count)
        let all = visits
        guard !all.isEmpty else { return doomed }
        let seed = all[Int(random.next() % UInt64(all.count))]
        doomed[seed] = true
        var taken = 1
        for site in neighbours[seed] where tourOf[site] >= 0 && taken < count {
            doomed[site] = true
            taken += 1
        }
        remove(doomed)
        return doomed
    }

    /// Removes the `count` visits, across all tours, that start closest in time to a random visit.
    mutating func removeTimeSlice(_ count: Int, random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: problem.sites.count)
        var timed: [(gap: Int64, site: Int)] = []
        let tour = routes.indices.filter { !routes[$0].isEmpty }
        guard !tour.isEmpty else { return doomed }
        let chosen = tour[Int(random.next() % UInt64(tour.count))]
        let middle = start[chosen][Int(random.next() % UInt64(routes[chosen].count))]
        for t in routes.indices {
            for (k, site) in routes[t].enumerated() { timed.append((abs(start[t][k] - middle), site)) }
        }
        timed.sort { $0.gap < $1.gap || ($0.gap == $1.gap && $0.site < $1.site) }
        for entry in timed.prefix(count) { doomed[entry.site] = true }
        remove(doomed)
        return doomed
    }

    /// Removes `count` visits that earn little for the time they take, chosen with some randomness.
    mutating func removeWorst(_ count: Int, random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: problem.sites.count)
        var rated: [(ratio: Double, site: Int)] = []
        for tour in routes.indices {
            for (k, site) in routes[tour].enumerated() {
                let before = k == 0 ? 0 : routes[tour][k - 1], after = self.site(tour, k + 1)
                let saved = problem.travel(before, site) + problem.sites[site].service + problem.travel(site, after) - problem.travel(before, after)
                let ratio = Double(problem.sites[site].score) / Double(max(saved, 1))
                rated.append((ratio * (0.5 + random.unit()), site))
            }
        }
        rated.sort { $0.ratio < $1.ratio || ($0.ratio == $1.ratio && $0.site < $1.site) }
        for entry in rated.prefix(count) { doomed[entry.site] = true }
        remove(doomed)
        return doomed
    }

    /// Replaces visits by free sites with higher scores (the largest gain first) while any such swap is feasible.
    mutating func replaceByBetter() -> Bool {
        let sites = problem.sites
        var free = (1..<sites.count).filter { tourOf[$0] < 0 && sites[$0].score > 0 }
        var improved = false
        func order() { free.sort { sites[$0].score > sites[$1].score || (sites[$0].score == sites[$1].score && $0 < $1) } }
        order()
        while true {
            var lowest = Int.max
            for route in routes { for site in route { lowest = min(lowest, sites[site].score) } }
            if lowest == .max { lowest = 0 }
            var best: (gain: Int, shift: Int64, tour: Int, position: Int, index: Int)?
            for (index, site) in free.enumerated() {
                // Free sites come best first: stop when none can gain as much as the best swap found.
                if sites[site].score - lowest <= 0 || (best != nil && sites[site].score - lowest < best!.gain) { break }
                for tour in routes.indices where !routes[tour].isEmpty {
                    swap(site, tour: tour, index: index, best: &best)
                }
            }
            guard let best else { return improved }
            var route = routes[best.tour]
            let old = route[best.position]
            route[best.position] = free[best.index]
            free[best.index] = old
            replaceRoute(best.tour, with: route)
            improved = true
            order()
        }
    }

    /// The best place in `tour` where `site` (free, at `index` of the free list) could take a visit's place for a
    /// higher score, the largest gain then the smallest shift, kept in `best` when better.
    private func swap(_ site: Int, tour: Int, index: Int, best: inout (gain: Int, shift: Int64, tour: Int, position: Int, index: Int)?) {
        let first = firstPlace(for: site, tour: tour, skip: 1)
        let depot = problem.sites[0], visit = problem.sites[site]
        problem.sites.withUnsafeBufferPointer { sites in
            routes[tour].withUnsafeBufferPointer { route in
                start[tour].withUnsafeBufferPointer { begin in
                    latest[tour].withUnsafeBufferPointer { last in
                        for position in first..<route.count {
                            if position > 0 && begin[position - 1] > visit.close { break }
                            let gain = visit.score - sites[route[position]].score
                            guard gain > 0, best == nil || gain >= best!.gain else { continue }
                            let before = position == 0 ? 0 : route[position - 1]
                            let leave = position == 0 ? depot.open : begin[position - 1] + sites[before].service
                            let begin = max(leave + problem.travel(before, site), visit.open)
                            guard begin <= visit.close else { continue }
                            let after = position + 1 < route.count ? route[position + 1] : 0
                            let reach = begin + visit.service + problem.travel(site, after)
                            guard reach <= (position + 1 < route.count ? last[position + 1] : depot.close) else { continue }
                            let shift = reach - (leave + problem.travel(before, after))
                            if best == nil || gain > best!.gain || shift < best!.shift { best = (gain, shift, tour, position, index) }
                        }
                    }
                }
            }
        }
    }

    /// Shortens the tours (the summed return time) by moving a visit to another place, in its tour or another, by
    /// reordering a tour and by exchanging tails of two tours, while that helps; true when anything moved.
    @discardableResult mutating func shorten() -> Bool {
        var improved = true, moved = false
        while improved {
            improved = false
            for tour in routes.indices where !routes[tour].isEmpty {
                if relocateFrom(tour) { improved = true }
                if reorder(tour) { improved = true }
            }
            if routes.count > 1 && exchangeTails() { improved = true }
            moved = moved || improved
        }
        return moved
    }

    /// When `route` could be a tour: its return time, else nil.
    func returnTime(_ route: [Int]) -> Int64? {
        let sites = problem.sites
        var clock = sites[0].open, at = 0
        for site in route {
            clock = max(clock + sites[at].service + problem.travel(at, site), sites[site].open)
            if clock > sites[site].close { return nil }
            at = site
        }
        let back = route.isEmpty ? sites[0].open : clock + sites[at].service + problem.travel(at, 0)
        return back <= sites[0].close ? back : nil
    }

    /// Moves one visit of `tour` to where the summed return time drops most; true when one moved.
    private mutating func relocateFrom(_ tour: Int) -> Bool {
        var best: (gain: Int64, k: Int, to: Int, position: Int)?
        let route = routes[tour]
        for k in route.indices {
            let site = route[k]
            let before = k == 0 ? 0 : route[k - 1], after = self.site(tour, k + 1)
            guard let shorter = finish(tour, from: k + 1, leaving: before, at: leaving(tour, before: k)) else { continue }
            let saved = end[tour] - shorter
            let cut = problem.travel(before, site) + problem.travel(site, after) - problem.travel(before, after)
            var rest: [Int] = []
            for other in routes.indices {
                if other == tour {
                    for position in 0..<route.count where position != k {
                        // Only where the travel gets shorter (checking every place in full would cost too much).
                        let a = position == 0 ? 0 : route[position < k ? position - 1 : position]
                        let b = position + 1 < route.count ? route[position < k ? position : position + 1] : 0
                        guard problem.travel(a, site) + problem.travel(site, b) - problem.travel(a, b) < cut else { continue }
                        if rest.isEmpty {
                            rest = route
                            rest.remove(at: k)
                        }
                        var trial = rest
                        trial.insert(site, at: position)
                        if let back = returnTime(trial), end[tour] - back > (best?.gain ?? 0) { best = (end[tour] - back, k, tour, position) }
                    }
                } else {
                    for position in firstPlace(for: site, tour: other)...routes[other].count {
                        if position > 0 && start[other][position - 1] > problem.sites[site].close { break }
                        guard let added = shift(site, tour: other, position: position), saved - added > (best?.gain ?? 0) else { continue }
                        let previous = position == 0 ? 0 : routes[other][position - 1]
                        let begin = max(leaving(other, before: position) + problem.travel(previous, site), problem.sites[site].open)
                        guard let back = finish(other, from: position, leaving: site, at: begin + problem.sites[site].service),
                            saved - (back - end[other]) > (best?.gain ?? 0)
                        else { continue }
                        best = (saved - (back - end[other]), k, other, position)
                    }
                }
            }
        }
        guard let best else { return false }
        var rest = route
        let site = rest.remove(at: best.k)
        if best.to == tour {
            rest.insert(site, at: best.position)
            replaceRoute(tour, with: rest)
        } else {
            var moved = routes[best.to]
            moved.insert(site, at: best.position)
            replaceRoute(tour, with: rest)
            replaceRoute(best.to, with: moved)
        }
        return true
    }

    /// When `tour` gets back to the depot if its visits from `position` on follow leaving `site` at `clock`, or nil
    /// when that breaks a window or the day; stops as soon as a visit starts when it does now.
    func finish(_ tour: Int, from position: Int, leaving site: Int, at clock: Int64) -> Int64? {
        let sites = problem.sites
        var clock = clock, at = site
        for k in position..<routes[tour].count {
            let next = routes[tour][k]
            let begin = max(clock + problem.travel(at, next), sites[next].open)
            if begin > latest[tour][k] { return nil }
            if begin == start[tour][k] { return end[tour] }
            clock = begin + sites[next].service
            at = next
        }
        let back = clock + problem.travel(at, 0)
        return back <= sites[0].close ? back : nil
    }

    /// Exchanges the tails of two tours where that lowers their summed return time most; true when it did.
    private mutating func exchangeTails() -> Bool {
        var best: (gain: Int64, a: Int, b: Int, i: Int, j: Int)?
        for a in routes.indices {
            for b in routes.indices where b > a {
                let ra = routes[a], rb = routes[b]
                for i in 0...ra.count {
                    for j in 0...rb.count where !(i == ra.count && j == rb.count) && !(i == 0 && j == 0) {
                        let lastA = i == 0 ? 0 : ra[i - 1], lastB = j == 0 ? 0 : rb[j - 1]
                        // Only where the travel gets shorter (the full check costs a pass over both tails).
                        let nextA = site(a, i), nextB = site(b, j)
                        guard problem.travel(lastA, nextB) + problem.travel(lastB, nextA) < problem.travel(lastA, nextA) + problem.travel(lastB, nextB),
                            leaving(a, before: i) + problem.travel(lastA, site(b, j)) <= latestArrival(b, at: j),
                            leaving(b, before: j) + problem.travel(lastB, site(a, i)) <= latestArrival(a, at: i)
                        else { continue }
                        guard let endA = finish(b, from: j, leaving: lastA, at: leaving(a, before: i)),
                            let endB = finish(a, from: i, leaving: lastB, at: leaving(b, before: j))
                        else { continue }
                        let gain = end[a] + end[b] - endA - endB
                        if gain > (best?.gain ?? 0) { best = (gain, a, b, i, j) }
                    }
                }
            }
        }
        guard let best else { return false }
        let ra = routes[best.a], rb = routes[best.b]
        replaceRoute(best.a, with: [])
        replaceRoute(best.b, with: Array(rb[..<best.j] + ra[best.i...]))
        replaceRoute(best.a, with: Array(ra[..<best.i] + rb[best.j...]))
        return true
    }
}
