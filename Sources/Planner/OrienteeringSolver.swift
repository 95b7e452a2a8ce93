import Dispatch
import Foundation
import Itinerary

/// Anytime search for the best tours of an `OrienteeringProblem`; the same seed takes the same steps.
//
// Ruin and recreate with simulated annealing: remove some visits (at random, strings around nearby visits, near
// neighbours, visits close in time, or poor earners), insert free sites again greedily by score (or score²) per added
// time with some noise, half the time holding back the removed ones, each place checked in constant time from every
// visit's earliest and latest start of service; then replace visits by better free sites and shorten the tours
// (moves within and between tours, 2-opt and or-opt within a tour, tail exchanges) to make room for more. Worse tours
// are accepted now and then, less often as time runs out; candidates far short of acceptance skip that polish. Every
// tour accepted goes into a route pool; when the search stalls it returns to the best tours and looks for a better set
// of disjoint pooled tours (route recombination, after Hu & Lim 2014).
public struct OrienteeringSolver: Sendable {
    /// The problem solved.
    public let problem: OrienteeringProblem

    /// A solver for `problem`.
    public init(problem: OrienteeringProblem) { self.problem = problem }

    /// The best tours found within `seconds` (or `iterations`, when given), site numbers without the depot.
    public func solve(seconds: Double, seed: UInt64, iterations: Int? = nil) -> (routes: [[Int]], score: Int) {
        let begin = DispatchTime.now().uptimeNanoseconds
        let budget = max(1, UInt64(max(0, seconds) * 1e9))
        var random = SplitMix64(state: seed)
        let table = OrienteeringTable(problem)
        let sites = problem.sites.count
        // Each site's nearest others, for removing visits that lie together.
        let neighbours: [[Int]] = (0..<sites).map { a in
            (1..<sites).filter { $0 != a }.sorted { problem.travel(a, $0) + problem.travel($0, a) < problem.travel(a, $1) + problem.travel($1, a) }
                .prefix(30).map { $0 }
        }
        var current = OrienteeringTours(problem: table)
        current.fill(noise: 0, power: 2, random: &random)
        polish(&current, random: &random)
        var best = current
        let meanScore = Double(problem.sites.dropFirst().map(\.score).reduce(0, +)) / Double(max(1, sites - 1))
        var step = 0, sinceBest = 0
        // Annealing temperature, in mean site scores, from the start to the end of the search.
        let hot = 2.0, cold = 0.1
        // Candidates this many mean site scores short of acceptance are dropped unpolished (a polish rarely gains more).
        let hopeless = 2.0
        // Back to the best tours (and a route recombination) after this many steps without a better score.
        let reset = 1_500
        var pool = OrienteeringRoutePool(sites: sites, capacity: 2_000)
        func remember(_ tours: OrienteeringTours) {
            guard problem.tours > 1 else { return }
            for route in tours.routes { pool.add(route, score: route.reduce(0) { $0 + problem.sites[$1].score }) }
        }
        while true {
            let progress: Double
            if let iterations {
                if step >= iterations { break }
                progress = Double(step) / Double(iterations)
            } else {
                let elapsed = DispatchTime.now().uptimeNanoseconds - begin
                if elapsed >= budget { break }
                progress = Double(elapsed) / Double(budget)
            }
            step += 1
            sinceBest += 1
            var candidate = current
            let visited = candidate.visitCount
            // Mostly a few visits; now and then up to all of them, to move the tours elsewhere.
            let most = random.below(10) == 0 ? max(2, visited) : max(2, min(25, visited / 3))
            let count = 1 + random.below(most)
            let doomed: [Bool]
            switch random.below(5) {
            case 0: doomed = candidate.removeRandom(count, random: &random)
            case 1: doomed = candidate.removeStrings(count, tours: 1 + random.below(min(3, problem.tours)), neighbours: neighbours, random: &random)
            case 2: doomed = candidate.removeRelated(count, neighbours: neighbours, random: &random)
            case 3: doomed = candidate.removeTimeSlice(count, random: &random)
            default: doomed = candidate.removeWorst(count, random: &random)
            }
            // Half the time the removed sites wait until nothing else fits, so that other sites get their places.
            let hold = random.below(2) == 0
            // Nothing fitted the current tours: only the ruined tours, and the removed sites, need a look.
            var ruined = [Bool](repeating: false, count: problem.tours)
            for site in 1..<sites where doomed[site] { ruined[current.tourOf[site]] = true }
            candidate.fill(
                noise: 0.3 * random.unit(), power: random.below(3) == 0 ? 1 : 2, held: hold ? doomed : nil, changed: (ruined, doomed), random: &random)
            let temperature = meanScore * (hot * pow(cold / hot, progress))
            // The least change of score accepted this step (drawn first, so that hopeless candidates skip the polish).
            let least = temperature * log(max(random.unit(), 1e-300))
            if Double(candidate.score - current.score) + hopeless * meanScore >= least { polish(&candidate, random: &random) }
            let delta = Double(candidate.score - current.score)
            if delta >= least {
                current = candidate
                remember(current)
                if current.score > best.score || (current.score == best.score && current.duration < best.duration) {
                    if current.score > best.score { sinceBest = 0 }
                    polish(&current, random: &random)
                    best = current
                    remember(best)
                }
            }
            // Go back to the best tours when the walk has strayed long without finding better.
            if sinceBest > 0 && sinceBest % reset == 0 {
                current = best
                if problem.tours > 1, let routes = pool.bestCombination(problem.tours, beating: best.score, budget: 2_000_000)
                {
                    var combined = OrienteeringTours(problem: table)
                    for (tour, route) in routes.enumerated() { combined.replaceRoute(tour, with: route) }
                    combined.fill(noise: 0, power: 2, random: &random)
                    polish(&combined, random: &random)
                    if combined.score > best.score {
                        sinceBest = 0
                        best = combined
                        current = combined
                        remember(best)
                    }
                }
            }
        }
        return (best.routes, best.score)
    }

    /// Replaces visits by better free sites, shortens the tours and fills them again, while the score rises.
    private func polish(_ tours: inout OrienteeringTours, random: inout SplitMix64) {
        while true {
            let before = tours.score
            let replaced = tours.replaceByBetter()
            // Nothing fits after a fill: only a swap or a shorter tour can make room.
            guard tours.shorten() || replaced else { return }
            tours.fill(noise: 0, power: 2, random: &random)
            if tours.score <= before { return }
        }
    }
}
