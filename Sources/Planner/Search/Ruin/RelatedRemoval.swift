/// Takes out a random visit and its nearest placed neighbours (Shaw's related removal by place): the visits of one
/// district or city, which another order or another person may serve better.
struct RelatedRemoval {
    /// Takes out up to `count` visits; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        var doomed = [Bool](repeating: false, count: tours.visitCount)
        let all = tours.movableVisits
        guard !all.isEmpty else { return doomed }
        let seed = all[random.below(all.count)]
        doomed[seed] = true
        var taken = 1
        for visit in tours.neighbours(of: seed) where taken < count && tours.isPlaced(visit) && tours.isMovable(visit) {
            doomed[visit] = true
            taken += 1
        }
        return tours.remove(doomed)
    }
}
