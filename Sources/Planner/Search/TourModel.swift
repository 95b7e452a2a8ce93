/// How the search's tours are timed and what they are worth. The engine (`Search`) and its operators are generic over
/// it, so each model's calls are specialised and inlined: no dynamic dispatch in the inner loop.
///
/// Visits are numbered `0..<visitCount`, tours `0..<tourCount`. Lengths are what the local search shortens (a tour's
/// return time, or its travel), in whole seconds; a model answers nil for anything infeasible.
/// `WindowTours` checks a change in constant time from each visit's earliest and latest start (fixed travel times,
/// one window per visit); `WeekTours` simulates the changed people's weeks against timetable and calendars.
protocol TourModel {
    /// What the search compares: larger is better.
    associatedtype Value: Comparable

    /// How many visits there are.
    var visitCount: Int { get }
    /// How many tours there are.
    var tourCount: Int { get }
    /// Per tour, the visits in order.
    var routes: [[Int]] { get }
    /// The tours' worth, compared to keep the best.
    var value: Value { mutating get }
    /// The same as one number, for the acceptance rule (in its `temperatures`' units).
    var annealingValue: Double { mutating get }
    /// Whether any tour's route may be given to any other tour (identical people): the route pool needs that.
    var toursAreAlike: Bool { get }

    /// The tour a visit is on; -1 when it is not placed, or is shared by several tours.
    func tour(of visit: Int) -> Int
    /// Whether a visit is placed.
    func isPlaced(_ visit: Int) -> Bool
    /// Whether the search may take a placed visit out or move it (a booked visit stays).
    func isMovable(_ visit: Int) -> Bool
    /// Whether placing a visit is possible at all (someone may lead it in a window it has).
    func isCandidate(_ visit: Int) -> Bool
    /// What a visit earns as insertion weighs it (must-visits far above the rest).
    func worth(_ visit: Int) -> Double
    /// Whether the week fails without the visit.
    func isMustVisit(_ visit: Int) -> Bool
    /// When a placed visit starts, in seconds.
    func startTime(of visit: Int) -> Int64
    /// The day a placed visit is on (an index), and the city it is in (an index): for the week's ruins.
    func day(of visit: Int) -> Int
    func city(of visit: Int) -> Int
    /// Every tour a placed visit is on.
    func tours(of visit: Int) -> [Int]
    /// Estimated travel seconds between two places (exact where travel times are fixed): for choosing what to try.
    /// Places are the visits, then each tour's start and finish.
    func travel(_ a: Int, _ b: Int) -> Int64
    /// The place at `position` of `tour`: its start before the first visit, its finish past the last.
    func place(_ tour: Int, _ position: Int) -> Int
    /// The positions of `tour` where a free visit might go (a window rules out the rest).
    func insertionPositions(of visit: Int, in tour: Int) -> ClosedRange<Int>
    /// What the search's settings are for these tours.
    var settings: SearchSettings { get }
    /// Seconds a placed visit costs its tour (its detour, or the journeys reaching it): for choosing what to remove.
    func cost(of visit: Int) -> Int64
    /// The visits nearest to `visit`, nearest first (at most 30).
    mutating func neighbours(of visit: Int) -> [Int]
    /// A tour's length.
    func length(of tour: Int) -> Int64

    /// Takes the marked placed, movable visits out; returns those taken out.
    mutating func remove(_ doomed: [Bool]) -> [Bool]
    /// The cheapest place for an unplaced visit in one tour: how much longer it gets, and the position.
    mutating func cheapestInsertion(of visit: Int, into tour: Int) -> (shift: Int64, position: Int)?
    /// Places a visit where the model finds best over the tours worth trying other than `avoiding` (-1: none; `noise`
    /// blurs its comparison); false when it fits nowhere.
    mutating func insertBest(_ visit: Int, avoiding: Int, noise: Double, random: inout SplitMix64) -> Bool
    /// Puts a visit into a tour at a position `cheapestInsertion` or `insertionLength` found feasible.
    mutating func insert(_ visit: Int, tour: Int, position: Int)
    /// The length `tour` would have with `route` (visits free or already on it), nil when infeasible.
    mutating func length(of route: [Int], tour: Int) -> Int64?
    /// The length of `tour` without its visit at `position`, nil when that is infeasible (or not allowed).
    mutating func lengthWithout(_ position: Int, of tour: Int) -> Int64?
    /// The length of `tour` with `visit` put at `position`, nil when infeasible.
    mutating func lengthWith(_ visit: Int, at position: Int, of tour: Int) -> Int64?
    /// The length of the tour `a` would have running its first `head` visits, then `b`'s visits from `tail` on.
    mutating func lengthJoining(_ a: Int, head: Int, _ b: Int, tail: Int) -> Int64?
    /// For an unplaced visit: the best visit of `tour` it could replace for a gain in worth (largest gain, then least
    /// added length), kept in `best` when better.
    mutating func bestSwap(_ visit: Int, tour: Int, best: inout Swap?)
    /// Gives each tour its route (each feasible by `length(of:tour:)`; a visit may move from one listed tour to
    /// another), with the visits' new timing.
    mutating func replaceRoutes(_ changes: [(tour: Int, route: [Int])])
}

/// A free visit taking a placed visit's place, as `ReplaceByBetter` compares them.
struct Swap {
    var gain: Double
    var shift: Int64
    var tour: Int
    var position: Int
    var visit: Int
}

extension TourModel {
    /// How many visits are placed.
    var placedCount: Int { routes.reduce(0) { $0 + $1.count } }

    /// Placed visits the search may move, tour by tour.
    var movableVisits: [Int] { routes.flatMap { $0 }.filter(isMovable) }

    /// Unplaced visits worth trying.
    var freeVisits: [Int] { (0..<visitCount).filter { !isPlaced($0) && isCandidate($0) } }

    /// Takes out the listed visits (placed, movable); returns those taken out, marked.
    mutating func removeVisits(_ visits: some Sequence<Int>) -> [Bool] {
        var doomed = [Bool](repeating: false, count: visitCount)
        for visit in visits { doomed[visit] = true }
        return remove(doomed)
    }

    /// Places a visit where the model finds best over all the tours worth trying; false when it fits nowhere.
    mutating func insertBest(_ visit: Int, noise: Double, random: inout SplitMix64) -> Bool {
        insertBest(visit, avoiding: -1, noise: noise, random: &random)
    }

    /// Gives `tour` the route (feasible, by `length(of:tour:)`).
    mutating func replaceRoute(_ tour: Int, with route: [Int]) { replaceRoutes([(tour, route)]) }

    /// Sum of the tours' lengths.
    var totalLength: Int64 { (0..<tourCount).reduce(0) { $0 + length(of: $1) } }
}
