/// The polish after a recreate: replace visits by free ones worth more (`ReplaceByBetter`), shorten the tours
/// (`Relocate`, `TwoOpt`, `OrOpt`, `TailExchange`) to make room, and fill them again, while the worth rises.
struct LocalSearch {
    /// The tours to improve (nil: all).
    var touched: [Int]?

    /// Polishes `tours`.
    func improve<Model: TourModel>(_ tours: inout Model, random: inout SplitMix64) {
        while true {
            let before = tours.annealingValue
            let replaced = ReplaceByBetter.improve(&tours, in: touched)
            // Nothing fits after a fill: only a swap or a shorter tour can make room.
            guard shorten(&tours) || replaced else { return }
            GreedyInsertion().recreate(&tours, free: tours.freeVisits, random: &random)
            if tours.annealingValue <= before { return }
        }
    }

    /// Shortens the tours while any move helps; true when anything moved.
    @discardableResult func shorten<Model: TourModel>(_ tours: inout Model) -> Bool {
        var improved = true
        var moved = false
        let all = touched ?? Array(0..<tours.tourCount)
        while improved {
            improved = false
            for tour in all where !tours.routes[tour].isEmpty {
                if Relocate.improve(&tours, from: tour) { improved = true }
                if reorder(&tours, tour) { improved = true }
            }
            if tours.tourCount > 1 {
                if let touched {
                    for tour in touched where TailExchange.improve(&tours, touching: tour) { improved = true }
                } else if TailExchange.improve(&tours) {
                    improved = true
                }
            }
            moved = moved || improved
        }
        return moved
    }

    /// Reorders the touched tours (2-opt and or-opt) while that shortens them; true when anything moved.
    @discardableResult func reorder<Model: TourModel>(_ tours: inout Model) -> Bool {
        var moved = false
        for tour in touched ?? Array(0..<tours.tourCount) {
            while reorder(&tours, tour) { moved = true }
        }
        return moved
    }

    /// The better of the best 2-opt and or-opt moves of one tour, made; true when one shortened it.
    private func reorder<Model: TourModel>(_ tours: inout Model, _ tour: Int) -> Bool {
        let now = tours.length(of: tour)
        let reversal = TwoOpt.best(&tours, tour: tour, beating: now)
        let string = OrOpt.best(&tours, tour: tour, beating: now)
        guard let best = [reversal, string].compactMap({ $0 }).max(by: { $0.gain < $1.gain }) else { return false }
        tours.replaceRoute(tour, with: best.route)
        return true
    }
}
