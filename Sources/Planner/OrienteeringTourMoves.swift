import Itinerary

/// Moves within one tour of `OrienteeringTours` that shorten it: reversing a stretch (2-opt) and moving a string of
/// two or three visits elsewhere in the tour, either way round (or-opt).
extension OrienteeringTours {
    /// Reverses the stretch of `tour` or moves the string that brings it back to the depot earliest; true when one
    /// did. Only moves that shorten the travel are checked in full.
    mutating func reorder(_ tour: Int) -> Bool {
        let route = routes[tour], n = route.count
        guard n >= 3 else { return false }
        let now = end[tour]
        var best: (gain: Int64, route: [Int])?
        var trial: [Int] = []
        trial.reserveCapacity(n)
        func consider() {
            if let back = returnTime(trial), now - back > (best?.gain ?? 0) { best = (now - back, trial) }
        }
        func at(_ k: Int) -> Int { k < 0 || k >= n ? 0 : route[k] }
        // 2-opt: visits i...j the other way round.
        for i in 0..<n - 1 {
            let before = at(i - 1)
            let leave = leaving(tour, before: i)
            for j in i + 1..<n {
                let after = at(j + 1)
                guard problem.travel(before, route[j]) + problem.travel(route[i], after) < problem.travel(before, route[i]) + problem.travel(route[j], after),
                    leave + problem.travel(before, route[j]) <= problem.sites[route[j]].close
                else { continue }
                trial.removeAll(keepingCapacity: true)
                trial.append(contentsOf: route[..<i])
                trial.append(contentsOf: route[i...j].reversed())
                trial.append(contentsOf: route[(j + 1)...])
                consider()
            }
        }
        // Or-opt: the string i..<i+length between the visits now at p - 1 and p (p outside the string).
        for length in 2...3 where length < n {
            for i in 0...(n - length) {
                let first = route[i], last = route[i + length - 1]
                let before = at(i - 1), after = at(i + length)
                let saved = problem.travel(before, first) + problem.travel(last, after) - problem.travel(before, after)
                for p in 0...n where p < i || p > i + length {
                    let a = at(p - 1), b = at(p)
                    let forward = problem.travel(a, first) + problem.travel(last, b) - problem.travel(a, b)
                    let backward = problem.travel(a, last) + problem.travel(first, b) - problem.travel(a, b)
                    for reversed in [false, true] where (reversed ? backward : forward) < saved {
                        trial.removeAll(keepingCapacity: true)
                        let string = route[i..<i + length]
                        if p < i {
                            trial.append(contentsOf: route[..<p])
                            if reversed { trial.append(contentsOf: string.reversed()) } else { trial.append(contentsOf: string) }
                            trial.append(contentsOf: route[p..<i])
                            trial.append(contentsOf: route[(i + length)...])
                        } else {
                            trial.append(contentsOf: route[..<i])
                            trial.append(contentsOf: route[(i + length)..<p])
                            if reversed { trial.append(contentsOf: string.reversed()) } else { trial.append(contentsOf: string) }
                            trial.append(contentsOf: route[p...])
                        }
                        consider()
                    }
                }
            }
        }
        guard let best else { return false }
        replaceRoute(tour, with: best.route)
        return true
    }
}
