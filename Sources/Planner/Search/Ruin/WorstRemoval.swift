/// Takes out the visits that earn least for the time they cost their tour, with some randomness.
struct WorstRemoval {
    /// Takes out up to `count` visits; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        let rated = tours.movableVisits.map { visit in
            (ratio: tours.worth(visit) / Double(max(tours.cost(of: visit), 1)) * (0.5 + random.unit()), visit: visit)
        }.sorted { ($0.ratio, $0.visit) < ($1.ratio, $1.visit) }
        return tours.removeVisits(rated.prefix(count).map(\.visit))
    }
}
