/// Takes out strings of consecutive visits around a random visit and its nearest placed neighbours, from a few tours
/// (as in slack induction by string removals, Christiaens & Vanden Berghe 2020): room where visits lie together.
struct StringRemoval {
    /// Takes out about `count` visits in strings from up to `strings` tours; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, strings: Int, random: inout SplitMix64)
        -> [Bool]
    {
        var doomed = [Bool](repeating: false, count: tours.visitCount)
        let all = tours.movableVisits
        guard !all.isEmpty else { return doomed }
        let seed = all[random.below(all.count)]
        var ruined = Set<Int>()
        let length = max(1, count / max(1, strings))
        for visit in [seed] + tours.neighbours(of: seed) where ruined.count < strings {
            let tour = tours.tour(of: visit)
            guard tour >= 0, !ruined.contains(tour) else { continue }
            ruined.insert(tour)
            let route = tours.routes[tour]
            let at = route.firstIndex(of: visit)!
            let size = min(route.count, 1 + random.below(length))
            let lowest = max(0, at - size + 1)
            let highest = min(at, route.count - size)
            let first = lowest + random.below(highest - lowest + 1)
            for k in first..<first + size where tours.isMovable(route[k]) { doomed[route[k]] = true }
        }
        return tours.remove(doomed)
    }
}
