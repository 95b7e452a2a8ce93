/// Takes out the visits, across all tours, that start closest in time to a random visit: one stretch of the day or
/// week, which the people may share out differently.
struct TimeSliceRemoval {
    /// Takes out up to `count` visits; returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        let all = tours.movableVisits
        guard !all.isEmpty else { return tours.removeVisits([]) }
        let middle = tours.startTime(of: all[random.below(all.count)])
        let timed = all.map { (gap: abs(tours.startTime(of: $0) - middle), visit: $0) }.sorted {
            ($0.gap, $0.visit) < ($1.gap, $1.visit)
        }
        return tours.removeVisits(timed.prefix(count).map(\.visit))
    }
}
