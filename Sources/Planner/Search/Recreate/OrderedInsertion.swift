/// Puts visits back one by one in an order, each where the model finds it adds least (blurred by `noise`, so that a
/// second-best place gets its turn): must-visits first, then by priority with noise, at random, or by their last
/// possible start. For weeks with many people, where measuring every visit in every tour costs too much.
struct OrderedInsertion {
    /// How the non-must visits are ordered.
    enum Order: CaseIterable {
        case priority, random, latestStart
    }

    var order: Order
    var noise: Double
    /// How much the priority order is blurred (more early in the search).
    var priorityNoise: Double
    /// Per visit, the tour it was just taken from (-1: none): when given, each such visit is first offered to the other
    /// tours, and goes back to its own only where no other takes it. Hands a visit over to a colleague, which a plain
    /// reinsertion (its old place is usually its cheapest) almost never does, so that a visit only the colleague's
    /// route could reach gets its turn.
    var handOver: [Int]? = nil

    /// Inserts `visits` (unplaced) in this order.
    func recreate<Model: TourModel>(
        _ tours: inout Model, visits: [Int], latestStart: (Int) -> Int64, random: inout SplitMix64,
        mayTry: (Int) -> Bool = { _ in true }
    ) {
        let keyed = visits.map { visit -> (Int, Double) in
            let worth = tours.worth(visit)
            let key: Double
            switch order {
            case .priority: key = worth * (1 + priorityNoise * (random.unit() - 0.5))
            case .random: key = random.unit()
            case .latestStart: key = -Double(latestStart(visit)) / 1e6
            }
            // Must-visits (worth far above the rest) first, whatever the order.
            return (visit, (tours.isMustVisit(visit) ? 1e12 : 0) + key)
        }
        for (visit, _) in keyed.sorted(by: { ($0.1, $0.0) > ($1.1, $1.0) })
        where !tours.isPlaced(visit) && mayTry(visit) {
            if let from = handOver?[visit], from >= 0,
                tours.insertBest(visit, avoiding: from, noise: noise, random: &random)
            {
                continue
            }
            _ = tours.insertBest(visit, noise: noise, random: &random)
        }
    }
}
