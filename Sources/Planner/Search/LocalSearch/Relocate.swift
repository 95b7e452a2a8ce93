/// Moves one visit to the place, in its own tour or another, where the tours' summed length drops most (only places
/// where the estimated travel drops are checked in full).
struct Relocate {
    /// Moves the best visit of `tour`; true when one moved.
    static func improve<Model: TourModel>(_ tours: inout Model, from tour: Int) -> Bool {
        var best: (gain: Int64, k: Int, to: Int, position: Int)?
        let route = tours.routes[tour]
        let now = tours.length(of: tour)
        for k in route.indices where tours.isMovable(route[k]) && tours.tour(of: route[k]) == tour {
            let visit = route[k]
            let before = tours.place(tour, k - 1)
            let after = tours.place(tour, k + 1)
            guard let shorter = tours.lengthWithout(k, of: tour) else { continue }
            let saved = now - shorter
            let cut = tours.travel(before, visit) + tours.travel(visit, after) - tours.travel(before, after)
            var rest: [Int] = []
            for other in 0..<tours.tourCount {
                if other == tour {
                    for position in 0..<route.count where position != k {
                        let a = position == 0 ? tours.place(tour, -1) : route[position < k ? position - 1 : position]
                        let b =
                            position + 1 < route.count
                            ? route[position < k ? position : position + 1] : tours.place(tour, route.count)
                        guard tours.travel(a, visit) + tours.travel(visit, b) - tours.travel(a, b) < cut else {
                            continue
                        }
                        if rest.isEmpty {
                            rest = route
                            rest.remove(at: k)
                        }
                        var trial = rest
                        trial.insert(visit, at: position)
                        if let back = tours.length(of: trial, tour: tour), now - back > (best?.gain ?? 0) {
                            best = (now - back, k, tour, position)
                        }
                    }
                } else {
                    let length = tours.length(of: other)
                    for position in tours.insertionPositions(of: visit, in: other) {
                        guard let longer = tours.lengthWith(visit, at: position, of: other),
                            saved - (longer - length) > (best?.gain ?? 0)
                        else { continue }
                        best = (saved - (longer - length), k, other, position)
                    }
                }
            }
        }
        guard let best else { return false }
        var rest = route
        let visit = rest.remove(at: best.k)
        if best.to == tour {
            rest.insert(visit, at: best.position)
            tours.replaceRoute(tour, with: rest)
        } else {
            var moved = tours.routes[best.to]
            moved.insert(visit, at: best.position)
            tours.replaceRoutes([(tour, rest), (best.to, moved)])
        }
        return true
    }
}
