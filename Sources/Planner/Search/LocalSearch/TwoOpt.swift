/// Reverses a stretch of one tour (2-opt) where that shortens it most; only reversals that shorten the estimated
/// travel are checked in full.
struct TwoOpt {
    /// The best reversal of `tour`'s visits, as a route with its length, when one shortens it.
    static func best<Model: TourModel>(_ tours: inout Model, tour: Int, beating now: Int64) -> (
        gain: Int64, route: [Int]
    )? {
        let route = tours.routes[tour]
        let n = route.count
        guard n >= 3 else { return nil }
        var best: (gain: Int64, route: [Int])?
        var trial: [Int] = []
        trial.reserveCapacity(n)
        for i in 0..<n - 1 {
            let before = tours.place(tour, i - 1)
            for j in i + 1..<n {
                let after = tours.place(tour, j + 1)
                guard
                    tours.travel(before, route[j]) + tours.travel(route[i], after) < tours.travel(before, route[i])
                        + tours.travel(route[j], after)
                else { continue }
                trial.removeAll(keepingCapacity: true)
                trial.append(contentsOf: route[..<i])
                trial.append(contentsOf: route[i...j].reversed())
                trial.append(contentsOf: route[(j + 1)...])
                if let back = tours.length(of: trial, tour: tour), now - back > (best?.gain ?? 0) {
                    best = (now - back, trial)
                }
            }
        }
        return best
    }
}
