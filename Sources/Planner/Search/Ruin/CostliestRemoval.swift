/// Takes out the visits that cost their tours most time to reach, with some randomness: where a week spends its
/// travel, whatever the visits earn.
struct CostliestRemoval {
    /// Takes out up to `count` visits; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        let rated = tours.movableVisits.map { visit in
            (cost: tours.cost(of: visit) * Int64(1 + random.below(3)), visit: visit)
        }
        .sorted { ($0.cost, $0.visit) > ($1.cost, $1.visit) }
        return tours.removeVisits(rated.prefix(count).map(\.visit))
    }
}
