/// Replaces placed visits by free ones worth more (the largest gain first) while any such swap is feasible.
struct ReplaceByBetter {
    /// Swaps in `tours` (all when nil); true when anything changed.
    static func improve<Model: TourModel>(_ tours: inout Model, in touched: [Int]? = nil) -> Bool {
        var free = tours.freeVisits
        var improved = false
        func order() { free.sort { (-tours.worth($0), $0) < (-tours.worth($1), $1) } }
        order()
        let candidates = touched ?? Array(0..<tours.tourCount)
        while true {
            var lowest = Double.infinity
            for tour in candidates {
                for visit in tours.routes[tour] where tours.isMovable(visit) && !tours.isMustVisit(visit) {
                    lowest = min(lowest, tours.worth(visit))
                }
            }
            guard lowest.isFinite else { return improved }
            var best: Swap?
            for visit in free {
                // Free visits come best first: stop when none can gain as much as the best swap found.
                let most = tours.worth(visit) - lowest
                if most <= 0 || (best != nil && most < best!.gain) { break }
                for tour in candidates where !tours.routes[tour].isEmpty {
                    tours.bestSwap(visit, tour: tour, best: &best)
                }
            }
            guard let best else { return improved }
            var route = tours.routes[best.tour]
            let old = route[best.position]
            route[best.position] = best.visit
            tours.replaceRoute(best.tour, with: route)
            free[free.firstIndex(of: best.visit)!] = old
            improved = true
            order()
        }
    }
}
