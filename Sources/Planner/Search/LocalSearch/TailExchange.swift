/// Exchanges the tails of two tours (2-opt*) where that lowers their summed length most; only exchanges that shorten
/// the estimated travel are checked in full.
struct TailExchange {
    /// Makes the best exchange between `a` and any other tour (all pairs when `a` is nil); true when it did.
    static func improve<Model: TourModel>(_ tours: inout Model, touching a: Int? = nil) -> Bool {
        var best: (gain: Int64, a: Int, b: Int, i: Int, j: Int)?
        let count = tours.tourCount
        for x in a.map({ [$0] }) ?? Array(0..<count) {
            for y in 0..<count where a == nil ? y > x : y != x {
                let ra = tours.routes[x]
                let rb = tours.routes[y]
                // Visits shared by several tours stay where they are.
                let lowA = ra.lastIndex { tours.tour(of: $0) != x || !tours.isMovable($0) }.map { $0 + 1 } ?? 0
                let lowB = rb.lastIndex { tours.tour(of: $0) != y || !tours.isMovable($0) }.map { $0 + 1 } ?? 0
                let lengthA = tours.length(of: x)
                let lengthB = tours.length(of: y)
                for i in lowA...ra.count {
                    for j in lowB...rb.count where !(i == ra.count && j == rb.count) && !(i == 0 && j == 0) {
                        let lastA = tours.place(x, i - 1)
                        let lastB = tours.place(y, j - 1)
                        let nextA = tours.place(x, i)
                        let nextB = tours.place(y, j)
                        guard
                            tours.travel(lastA, nextB) + tours.travel(lastB, nextA) < tours.travel(lastA, nextA)
                                + tours.travel(lastB, nextB),
                            let endA = tours.lengthJoining(x, head: i, y, tail: j),
                            let endB = tours.lengthJoining(y, head: j, x, tail: i)
                        else { continue }
                        let gain = lengthA + lengthB - endA - endB
                        if gain > (best?.gain ?? 0) { best = (gain, x, y, i, j) }
                    }
                }
            }
        }
        guard let best else { return false }
        let ra = tours.routes[best.a]
        let rb = tours.routes[best.b]
        tours.replaceRoutes([
            (best.a, Array(ra[..<best.i] + rb[best.j...])), (best.b, Array(rb[..<best.j] + ra[best.i...])),
        ])
        return true
    }
}
