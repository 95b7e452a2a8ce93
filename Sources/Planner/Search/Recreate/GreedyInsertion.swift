/// Puts free visits back, the best by worth^power per added length first (each visit's worth blurred by up to
/// ±`noise`/2), until none fits; visits marked `held` wait until nothing else fits, so that others get their places.
/// After an insertion only the changed tour is measured again: an insertion only tightens a tour.
struct GreedyInsertion {
    var noise: Double = 0
    var power: Double = 2
    /// Visits that wait until nothing else fits.
    var held: [Bool]?
    /// After a ruin that only touched some tours: those tours, and the visits taken out; elsewhere only those
    /// visits are measured (nothing else fitted there before).
    var changed: (tours: [Bool], visits: [Bool])?

    /// Fills `tours` from `free` (unplaced candidates).
    func recreate<Model: TourModel>(_ tours: inout Model, free: [Int], random: inout SplitMix64) {
        var free = free
        guard !free.isEmpty else { return }
        let count = tours.tourCount
        var weight = [Double](repeating: 1, count: tours.visitCount)
        for visit in free {
            let worth = tours.worth(visit)
            var value = power == 2 ? worth * worth : worth
            if noise > 0 { value *= 1 + noise * (random.unit() - 0.5) }
            weight[visit] = value
        }
        // Per free visit and tour: the cheapest shift (Int64.max: none), and where.
        var shifts = [Int64](repeating: .max, count: tours.visitCount * count)
        var positions = [Int](repeating: 0, count: tours.visitCount * count)
        func measure(_ tour: Int, again: Bool) {
            let some = !again && changed.map { !$0.tours[tour] } ?? false
            for visit in free where again ? shifts[visit * count + tour] != .max : !some || changed!.visits[visit] {
                if let best = tours.cheapestInsertion(of: visit, into: tour) {
                    shifts[visit * count + tour] = best.shift
                    positions[visit * count + tour] = best.position
                } else {
                    shifts[visit * count + tour] = .max
                }
            }
        }
        for tour in 0..<count { measure(tour, again: false) }
        var holding = held != nil
        while true {
            var best: (ratio: Double, index: Int, visit: Int, tour: Int)?
            for (index, visit) in free.enumerated() where !(holding && held![visit]) {
                for tour in 0..<count {
                    let shift = shifts[visit * count + tour]
                    guard shift != .max else { continue }
                    let ratio = weight[visit] / Double(max(shift, 1))
                    if best == nil || ratio > best!.ratio { best = (ratio, index, visit, tour) }
                }
            }
            guard let chosen = best else {
                if holding {
                    holding = false
                    continue
                }
                return
            }
            tours.insert(chosen.visit, tour: chosen.tour, position: positions[chosen.visit * count + chosen.tour])
            free.swapAt(chosen.index, free.count - 1)
            free.removeLast()
            measure(chosen.tour, again: true)
        }
    }
}
