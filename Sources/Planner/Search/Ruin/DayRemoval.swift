/// Takes out one person's visits on a random visit's day, then more of that person's visits at random: a day that
/// may be travelled another way.
struct DayRemoval {
    /// Takes out up to `count` visits (at least the whole day); returns those taken out, marked.
    static func ruin<Model: TourModel>(_ tours: inout Model, count: Int, random: inout SplitMix64) -> [Bool] {
        let all = tours.movableVisits
        guard !all.isEmpty else { return tours.removeVisits([]) }
        let seed = all[random.below(all.count)]
        let people = tours.tours(of: seed)
        let tour = people[random.below(people.count)]
        let day = tours.day(of: seed)
        let route = tours.routes[tour].filter(tours.isMovable)
        let sameDay = route.filter { tours.day(of: $0) == day }
        let rest = route.filter { tours.day(of: $0) != day }.shuffled(using: &random).prefix(
            max(0, count - sameDay.count))
        return tours.removeVisits(sameDay + rest)
    }
}
