import Dispatch
import Foundation
import Itinerary

/// Search for `OrienteeringProblem` by ruin and recreate with simulated annealing: remove some visits (at random,
/// strings around nearby visits, near neighbours, visits close in time, or poor earners), insert free sites again
/// greedily by score (or score²) per added time with some noise, possibly holding back the removed ones, checked in
/// constant time with each visit's earliest and latest start; accept worse tours now and then, less often as time
/// runs out; on good tours, replace visits by better free sites and shorten the tours (moves, tail exchanges) to
/// make room. Anytime: stops after `seconds`; the same seed takes the same steps.
public struct OrienteeringSolver: Sendable {
    /// The problem solved.
    public let problem: OrienteeringProblem

    /// A solver for `problem`.
    public init(problem: OrienteeringProblem) { self.problem = problem }

    /// The best tours found within `seconds` (or `iterations`, when given), site numbers without the depot.
    public func solve(seconds: Double, seed: UInt64, iterations: Int? = nil) -> (routes: [[Int]], score: Int) {
        let debug = ProcessInfo.processInfo.environment["TOPTW_DEBUG"] != nil
        let iterations = iterations ?? ProcessInfo.processInfo.environment["ITERS"].flatMap(Int.init)
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
        let env = ProcessInfo.processInfo.environment
        func knob(_ name: String, _ value: Double) -> Double { env[name].flatMap(Double.init) ?? value }
        let t0 = knob("T0", 1), t1 = knob("T1", 0.05), reset = Int(knob("RESET", 3000)), maxK = Int(knob("MAXK", 25))
        let bigP = Int(knob("BIGP", 10)), polishAll = knob("POLISHALL", 1) > 0, holdP = Int(knob("HOLDP", 2))
        let poolSize = Int(knob("POOL", 2000)), poolBudget = Int(knob("PBUDGET", 200_000))
        let horizon = Double(max(1, problem.sites[0].close - problem.sites[0].open))
        let timeWeight = knob("DUR", 0) * meanScore / horizon
        let replaceMargin = Int(knob("RMARGIN", 1_000_000))
        var pool = OrienteeringRoutePool(sites: sites, capacity: poolSize)
        func remember(_ tours: OrienteeringTours) {
            guard problem.tours > 1 && poolSize > 0 else { return }
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
            let most = random.below(bigP) == 0 ? max(2, visited) : max(2, min(maxK, visited / 3))
            let count = 1 + random.below(most)
            let doomed: [Bool]
            switch random.below(5) {
            case 0: doomed = candidate.removeRandom(count, random: &random)
            case 1: doomed = candidate.removeStrings(count, tours: 1 + random.below(min(3, problem.tours)), neighbours: neighbours, random: &random)
            case 2: doomed = candidate.removeRelated(count, neighbours: neighbours, random: &random)
            case 3: doomed = candidate.removeTimeSlice(count, random: &random)
            default: doomed = candidate.removeWorst(count, random: &random)
            }
            let hold = random.below(holdP) == 0
            candidate.fill(noise: 0.3 * random.unit(), power: random.below(3) == 0 ? 1 : 2, held: hold ? doomed : nil, random: &random)
            if candidate.score >= current.score - replaceMargin {
                polish(&candidate, random: &random)
            } else if polishAll {
                polish(&candidate, replacing: false, random: &random)
            }
            let temperature = meanScore * (t0 * pow(t1 / t0, progress))
            let delta = Double(candidate.score - current.score) + timeWeight * Double(current.duration - candidate.duration)
            if delta >= 0 || random.unit() < exp(delta / temperature) {
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
                if problem.tours > 1 && poolSize > 0,
                    let routes = pool.bestCombination(problem.tours, beating: best.score, budget: poolBudget)
                {
                    var combined = OrienteeringTours(problem: table)
                    for (tour, route) in routes.enumerated() { combined.replaceRoute(tour, with: route) }
                    combined.fill(noise: 0, power: 2, random: &random)
                    polish(&combined, random: &random)
                    if debug { FileHandle.standardError.write(Data("recombined at step \(step): \(best.score) -> \(combined.score)\n".utf8)) }
                    if combined.score > best.score {
                        sinceBest = 0
                        best = combined
                        current = combined
                        remember(best)
                    }
                }
            }
        }
        if ProcessInfo.processInfo.environment["TOPTW_DEBUG"] != nil { FileHandle.standardError.write(Data("steps \(step)\n".utf8)) }
        return (best.routes, best.score)
    }

    /// Replaces visits by better free sites, shortens the tours and fills them again, while the score rises.
    private func polish(_ tours: inout OrienteeringTours, replacing: Bool = true, random: inout SplitMix64) {
        while true {
            let before = tours.score
            if replacing { _ = tours.replaceByBetter() }
            tours.shorten()
            tours.fill(noise: 0, power: 2, random: &random)
            if tours.score <= before { return }
        }
    }
}
