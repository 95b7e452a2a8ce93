/// Takes out the placed visits in a random visit's city (in random order), then others at random: a city's visits,
/// which another person or another day may serve with one journey.
struct CityRemoval {
    /// Takes out up to `count` visits; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        let all = tours.movableVisits
        guard !all.isEmpty else { return tours.removeVisits([]) }
        let city = tours.city(of: all[random.below(all.count)])
        let same = all.filter { tours.city(of: $0) == city }.shuffled(using: &random)
        let others = all.filter { tours.city(of: $0) != city }.shuffled(using: &random)
        return tours.removeVisits((same + others).prefix(count))
    }
}
