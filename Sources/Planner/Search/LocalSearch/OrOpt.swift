/// Moves a string of two or three consecutive visits elsewhere in its tour, either way round (or-opt), where that
/// shortens the tour most; only moves that shorten the estimated travel are checked in full.
struct OrOpt {
    /// The best such move in `tour`, as a route with its gain, when one shortens it.
    static func best<Model: TourModel>(_ tours: inout Model, tour: Int, beating now: Int64) -> (
        gain: Int64, route: [Int]
    )? {
        let route = tours.routes[tour]
        let n = route.count
        guard n >= 3 else { return nil }
        var best: (gain: Int64, route: [Int])?
        var trial: [Int] = []
        trial.reserveCapacity(n)
        func at(_ k: Int) -> Int { tours.place(tour, k) }
        for length in 2...3 where length < n {
            for i in 0...(n - length) {
                let first = route[i]
                let last = route[i + length - 1]
                let before = at(i - 1)
                let after = at(i + length)
                let saved = tours.travel(before, first) + tours.travel(last, after) - tours.travel(before, after)
                for p in 0...n where p < i || p > i + length {
                    let a = at(p - 1)
                    let b = at(p)
                    let forward = tours.travel(a, first) + tours.travel(last, b) - tours.travel(a, b)
                    let backward = tours.travel(a, last) + tours.travel(first, b) - tours.travel(a, b)
                    for reversed in [false, true] where (reversed ? backward : forward) < saved {
                        trial.removeAll(keepingCapacity: true)
                        let string = route[i..<i + length]
                        if p < i {
                            trial.append(contentsOf: route[..<p])
                            if reversed {
                                trial.append(contentsOf: string.reversed())
                            } else {
                                trial.append(contentsOf: string)
                            }
                            trial.append(contentsOf: route[p..<i])
                            trial.append(contentsOf: route[(i + length)...])
                        } else {
                            trial.append(contentsOf: route[..<i])
                            trial.append(contentsOf: route[(i + length)..<p])
                            if reversed {
                                trial.append(contentsOf: string.reversed())
                            } else {
                                trial.append(contentsOf: string)
                            }
                            trial.append(contentsOf: route[p...])
                        }
                        if let back = tours.length(of: trial, tour: tour), now - back > (best?.gain ?? 0) {
                            best = (now - back, trial)
                        }
                    }
                }
            }
        }
        return best
    }
}
