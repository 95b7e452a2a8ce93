/// Good tours met during the search, kept apart from the solutions they came in, and the best set of at most `tours`
/// of them that share no site (route recombination, as in Hu & Lim's iterative three-component heuristic).
struct RoutePool {
    struct Route {
        var sites: [Int]
        var score: Double
        var mask: [UInt64]
    }

    let capacity: Int, words: Int
    private(set) var routes: [Route] = []
    private var known: Set<[Int]> = []

    init(sites: Int, capacity: Int) {
        self.capacity = capacity
        words = (sites + 63) / 64
    }

    /// Adds a tour (site order as visited) unless the same sites in the same order are already kept.
    mutating func add(_ sites: [Int], score: Double) {
        guard !sites.isEmpty, !known.contains(sites) else { return }
        if routes.count >= capacity {
            // Keep the better half when full.
            routes.sort {
                $0.score > $1.score || ($0.score == $1.score && $0.sites.lexicographicallyPrecedes($1.sites))
            }
            for route in routes[(capacity / 2)...] { known.remove(route.sites) }
            routes.removeLast(routes.count - capacity / 2)
        }
        var mask = [UInt64](repeating: 0, count: words)
        for site in sites { mask[site >> 6] |= 1 << UInt64(site & 63) }
        routes.append(Route(sites: sites, score: score, mask: mask))
        known.insert(sites)
    }

    /// The highest-scoring set of at most `count` kept tours without a common site, when it scores more than
    /// `beat`; found by depth-first search with a bound, giving up after `budget` nodes (then the best set seen).
    func bestCombination(_ count: Int, beating beat: Double, budget: Int) -> [[Int]]? {
        let order = routes.indices.sorted {
            routes[$0].score > routes[$1].score
                || (routes[$0].score == routes[$1].score
                    && routes[$0].sites.lexicographicallyPrecedes(routes[$1].sites))
        }
        var best: (score: Double, picks: [Int]) = (beat, [])
        var picks: [Int] = []
        var used = [UInt64](repeating: 0, count: words)
        var nodes = 0
        func search(from: Int, total: Double) {
            if total > best.score { best = (total, picks) }
            guard picks.count < count, nodes < budget else { return }
            for k in from..<order.count {
                let route = routes[order[k]]
                // The rest are no better than this one: at most this much more.
                if total + route.score * Double(count - picks.count) <= best.score { return }
                nodes += 1
                if nodes >= budget { return }
                var clash = false
                for w in 0..<words where used[w] & route.mask[w] != 0 {
                    clash = true
                    break
                }
                if clash { continue }
                for w in 0..<words { used[w] |= route.mask[w] }
                picks.append(order[k])
                search(from: k + 1, total: total + route.score)
                picks.removeLast()
                for w in 0..<words { used[w] &= ~route.mask[w] }
            }
        }
        search(from: 0, total: 0)
        return best.picks.isEmpty ? nil : best.picks.map { routes[$0].sites }
    }
}
