import Dispatch

/// The search engine: from a first solution, ruin and recreate with a polish by local search, accepting by
/// `Annealing`, returning to the best solution when the walk strays, with route recombination from a `RoutePool`.
/// One engine for every problem the planner solves; only the `TourModel` differs. The same seed takes the same steps.
struct Search<Model: TourModel> {
    let settings: SearchSettings
    private var random: SplitMix64
    /// Work done so far, shared with the models.
    let effort: Effort
    /// Work allowed: the search's deterministic measure of time.
    let budget: Int
    /// A wall-clock end (uptime nanoseconds) that stops the search before the budget, and the start it counts from.
    var deadline: (start: UInt64, end: UInt64)?
    /// Hears the percent of the search done, when it changes.
    var progress: (@Sendable (Int) -> Void)?

    /// A search with the model's settings, seed and effort budget.
    init(settings: SearchSettings, seed: UInt64, effort: Effort, budget: Int) {
        self.settings = settings
        random = SplitMix64(state: seed)
        self.effort = effort
        self.budget = budget
    }

    /// The best tours found from `start` until the budget or the deadline; `latestStart` orders the ordered
    /// recreate's third kind.
    mutating func improve(_ start: Model, latestStart: (Int) -> Int64 = { _ in 0 }) -> Model {
        var current = start
        var best = start
        let first = effort.spent
        var step = 0
        var sinceBest = 0
        var percent = 0
        progress?(0)
        defer { progress?(100) }
        var pool = RoutePool(sites: start.visitCount, capacity: 2_000)
        let pooling = start.toursAreAlike && start.tourCount > 1 && settings.restartAfter != nil
        func remember(_ tours: Model) {
            guard pooling else { return }
            for route in tours.routes { pool.add(route, score: route.reduce(0) { $0 + tours.worth($1) }) }
        }
        while true {
            guard let done = fractionDone(since: first) else { break }
            if let report = progress, Int(done * 100) > percent, done < 1 {
                percent = Int(done * 100)
                report(percent)
            }
            effort.spend(settings.stepCost)
            step += 1
            sinceBest += 1
            var candidate = current
            let placed = candidate.movableVisits.count
            guard placed > 0 || !candidate.freeVisits.isEmpty else { break }
            let big = settings.bigRuinEvery.map { random.below($0) == 0 } ?? false
            let most =
                big ? max(2, placed) : max(1, min(settings.mostRemoved, Int(Double(placed) * settings.ruinShare) + 1))
            let count = 1 + random.below(most)
            let doomed = ruin(&candidate, count: count)
            var ruined = [Bool](repeating: false, count: candidate.tourCount)
            var origin = [Int](repeating: -1, count: candidate.visitCount)
            for visit in 0..<candidate.visitCount where doomed[visit] {
                let tour = current.tour(of: visit)
                origin[visit] = tour
                if tour >= 0 { ruined[tour] = true }
            }
            recreate(
                &candidate, doomed: doomed, origin: origin, ruined: ruined, count: count, done: done,
                latestStart: latestStart)
            let least = settings.annealing.threshold(at: done, random: &random)
            if settings.polish && candidate.annealingValue - current.annealingValue + settings.hopeless >= least {
                let touched = candidate.toursAreAlike ? nil : ruined.indices.filter { ruined[$0] }
                LocalSearch(touched: touched).improve(&candidate, random: &random)
            }
            guard candidate.annealingValue - current.annealingValue >= least else {
                restartIfStalled(&current, best: &best, sinceBest: &sinceBest, pool: pool, remember: remember)
                continue
            }
            current = candidate
            remember(current)
            if best.value < current.value {
                if best.annealingValue < current.annealingValue { sinceBest = 0 }
                if settings.polish {
                    LocalSearch(touched: nil).improve(&current, random: &random)
                } else if settings.reorderBest {
                    LocalSearch(touched: ruined.indices.filter { ruined[$0] }).reorder(&current)
                }
                best = current
                remember(best)
            }
            restartIfStalled(&current, best: &best, sinceBest: &sinceBest, pool: pool, remember: remember)
        }
        return best
    }

    /// The share of the search done (0…1), nil when the budget or the deadline is reached.
    private func fractionDone(since first: Int) -> Double? {
        guard effort.spent < budget else { return nil }
        if let deadline {
            let now = DispatchTime.now().uptimeNanoseconds
            if now >= deadline.end { return nil }
            return Double(now - deadline.start) / Double(max(1, deadline.end - deadline.start))
        }
        return Double(effort.spent - first) / Double(max(1, budget - first))
    }

    /// Takes out `count` visits by one of the ruin operators, chosen at random.
    private mutating func ruin(_ tours: inout Model, count: Int) -> [Bool] {
        switch settings.ruins[random.below(settings.ruins.count)] {
        case .random: RandomRemoval.ruin(&tours, count: count, random: &random)
        case .strings:
            StringRemoval.ruin(
                &tours, count: count, strings: 1 + random.below(min(3, tours.tourCount)), random: &random)
        case .related: RelatedRemoval.ruin(&tours, count: count, random: &random)
        case .timeSlice: TimeSliceRemoval.ruin(&tours, count: count, random: &random)
        case .worst: WorstRemoval.ruin(&tours, count: count, random: &random)
        case .costliest: CostliestRemoval.ruin(&tours, count: count, random: &random)
        case .city: CityRemoval.ruin(&tours, count: count, random: &random)
        case .day: DayRemoval.ruin(&tours, count: count, random: &random)
        }
    }

    /// Puts visits back by the settings' recreate.
    private mutating func recreate(
        _ tours: inout Model, doomed: [Bool], origin: [Int], ruined: [Bool], count: Int, done: Double,
        latestStart: (Int) -> Int64
    ) {
        switch settings.recreate {
        case .greedy:
            // Half the time the removed visits wait until nothing else fits, so that other visits get their places.
            let hold = random.below(2) == 0
            let insertion = GreedyInsertion(
                noise: 0.3 * random.unit(), power: random.below(3) == 0 ? 1 : 2, held: hold ? doomed : nil,
                changed: (ruined, doomed))
            insertion.recreate(&tours, free: tours.freeVisits, random: &random)
        case .ordered(let sample, let extra):
            let removed = (0..<tours.visitCount).filter { doomed[$0] }
            var others = tours.freeVisits.filter { !doomed[$0] }
            if others.count > sample * count + extra {
                others = Array(Set((0..<(sample * count + extra)).map { _ in others[random.below(others.count)] }))
                    .sorted()
            }
            let noise = random.below(2) == 0 ? 0 : 0.5 * random.unit()
            let order = OrderedInsertion.Order.allCases[random.below(3)]
            let handOver = tours.tourCount > 1 && random.below(settings.handOverEvery) == 0
            OrderedInsertion(
                order: order, noise: noise, priorityNoise: 0.5 * (1 - done) + 0.1, handOver: handOver ? origin : nil
            )
            .recreate(&tours, visits: others + removed, latestStart: latestStart, random: &random)
        }
    }

    /// Back to the best tours when the walk has strayed long without finding better, trying a better set of pooled
    /// routes first.
    private mutating func restartIfStalled(
        _ current: inout Model, best: inout Model, sinceBest: inout Int, pool: RoutePool, remember: (Model) -> Void
    ) {
        guard let reset = settings.restartAfter, sinceBest > 0, sinceBest % reset == 0 else { return }
        current = best
        guard current.toursAreAlike, current.tourCount > 1,
            let routes = pool.bestCombination(
                current.tourCount, beating: best.routes.flatMap { $0 }.reduce(0) { $0 + best.worth($1) },
                budget: 2_000_000)
        else { return }
        var combined = best
        combined.replaceRoutes(Array((0..<combined.tourCount).map { ($0, $0 < routes.count ? routes[$0] : []) }))
        GreedyInsertion().recreate(&combined, free: combined.freeVisits, random: &random)
        LocalSearch(touched: nil).improve(&combined, random: &random)
        if best.annealingValue < combined.annealingValue {
            sinceBest = 0
            best = combined
            current = combined
            remember(best)
        }
    }
}
