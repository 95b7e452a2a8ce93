/// Takes out visits chosen at random.
struct RandomRemoval {
    /// Takes out up to `count` movable visits; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: tours.visitCount)
        var all = tours.movableVisits
        for _ in 0..<min(count, all.count) {
            let k = random.below(all.count)
            doomed[all[k]] = true
            all.swapAt(k, all.count - 1)
            all.removeLast()
        }
        return tours.remove(doomed)
    }
}
