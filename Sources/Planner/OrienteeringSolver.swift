import Dispatch
import Foundation
import Itinerary

/// Search for `OrienteeringProblem` by ruin and recreate with simulated annealing: remove some visits (at random,
/// a run of consecutive ones, or a site and its nearest neighbours), insert unvisited sites again greedily by
/// score² / added time with some noise, kept feasible in O(1) per try with each visit's wait and largest possible
/// shift (Vansteenwegen et al. 2009); accept worse tours now and then, less often as time runs out; swap visits for
/// better unvisited sites on new bests. Anytime: stops after `seconds`; the same seed takes the same steps.
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
        let sites = problem.sites.count
        // Each site's nearest others, for removing sites that lie together.
        let neighbours: [[Int]] = (0..<sites).map { a in
            (1..<sites).filter { $0 != a }.sorted { problem.travel(a, $0) + problem.travel($0, a) < problem.travel(a, $1) + problem.travel($1, a) }
                .prefix(20).map { $0 }
        }
        var current = ToursState(problem: problem)
        current.fill(noise: 0, random: &random)
        current.improveBySwaps(random: &random)
        var best = current
        let meanScore = Double(problem.sites.dropFirst().map(\.score).reduce(0, +)) / Double(max(1, sites - 1))
        var step = 0
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
            var candidate = current
            let visited = candidate.visitCount
            let most = max(1, min(30, visited / 3))
            let count = 1 + Int(random.next() % UInt64(most))
            switch random.next() % 3 {
            case 0: candidate.removeRandom(count, random: &random)
            case 1: candidate.removeRun(count, random: &random)
            default: candidate.removeRelated(count, neighbours: neighbours, random: &random)
            }
            candidate.fill(noise: 0.4 * (1 - progress), random: &random)
            let temperature = meanScore * 0.3 * (1 - progress) + 1e-9
            let delta = Double(candidate.score - current.score)
            if delta >= 0 || random.unit() < exp(delta / temperature) {
                current = candidate
                if current.score > best.score || (current.score == best.score && current.duration < best.duration) {
                    current.improveBySwaps(random: &random)
                    best = current
                }
            }
            // Now and then go back to the best tours.
            if step % 2_000 == 0 { current = best }
        }
        return (best.routes, best.score)
    }
}

/// Tours with each visit's start of service, wait and largest possible shift, for constant-time insertion checks.
struct ToursState {
    let problem: OrienteeringProblem
    var routes: [[Int]]
    /// Per tour, per position (the end depot last): arrival, start of service, wait, largest shift.
    private var arrival: [[Int64]] = [], start: [[Int64]] = [], wait: [[Int64]] = [], maxShift: [[Int64]] = []
    private var visited: [Bool]
    private(set) var score = 0

    init(problem: OrienteeringProblem, routes: [[Int]]? = nil) {
        self.problem = problem
        self.routes = routes ?? Array(repeating: [], count: problem.tours)
        visited = Array(repeating: false, count: problem.sites.count)
        for route in self.routes {
            for site in route {
                visited[site] = true
                score += problem.sites[site].score
            }
        }
        for tour in self.routes.indices { retime(tour) }
    }

    /// Recomputes one tour's times from the depot.
    private mutating func retime(_ tour: Int) {
        let route = routes[tour], sites = problem.sites
        let count = route.count + 1
        var arrive = [Int64](repeating: 0, count: count), begin = arrive, waiting = arrive, shift = arrive
        var clock = sites[0].open, at = 0
        for k in 0..<count {
            let site = k < route.count ? route[k] : 0
            arrive[k] = clock + sites[at].service + problem.travel(at, site)
            begin[k] = k < route.count ? max(arrive[k], sites[site].open) : arrive[k]
            waiting[k] = begin[k] - arrive[k]
            clock = begin[k]
            at = site
        }
        shift[count - 1] = sites[0].close - arrive[count - 1]
        for k in stride(from: count - 2, through: 0, by: -1) {
            shift[k] = min(sites[route[k]].close - begin[k], waiting[k + 1] + shift[k + 1])
        }
        if arrival.count <= tour {
            arrival.append(arrive); start.append(begin); wait.append(waiting); maxShift.append(shift)
        } else {
            arrival[tour] = arrive; start[tour] = begin; wait[tour] = waiting; maxShift[tour] = shift
        }
    }

    /// The time added by putting `site` at `position` of `tour`, or nil when that breaks a window or the day.
    private func insertionShift(_ site: Int, tour: Int, position: Int) -> Int64? {
        let route = routes[tour], sites = problem.sites
        let before = position == 0 ? 0 : route[position - 1]
        let after = position < route.count ? route[position] : 0
        let leave = position == 0 ? sites[0].open : start[tour][position - 1] + sites[before].service
        let arrive = leave + problem.travel(before, site)
        let begin = max(arrive, sites[site].open)
        guard begin <= sites[site].close else { return nil }
        let shift = problem.travel(before, site) + (begin - arrive) + sites[site].service + problem.travel(site, after) - problem.travel(before, after)
        return shift <= wait[tour][position] + maxShift[tour][position] ? shift : nil
    }

    /// Inserts unvisited sites, best score² per added time first (each ratio scaled by up to ±`noise`/2 at random),
    /// until none fits.
    mutating func fill(noise: Double, random: inout SplitMix64) {
        let sites = problem.sites
        while true {
            var best: (ratio: Double, site: Int, tour: Int, position: Int)?
            for site in 1..<sites.count where !visited[site] && sites[site].score > 0 {
                var cheapest: (shift: Int64, tour: Int, position: Int)?
                for tour in routes.indices {
                    for position in 0...routes[tour].count {
                        guard let shift = insertionShift(site, tour: tour, position: position) else { continue }
                        if cheapest == nil || shift < cheapest!.shift { cheapest = (shift, tour, position) }
                    }
                }
                guard let cheapest else { continue }
                let score = Double(sites[site].score)
                var ratio = score * score / Double(max(cheapest.shift, 1))
                if noise > 0 { ratio *= 1 + noise * (random.unit() - 0.5) }
                if best == nil || ratio > best!.ratio { best = (ratio, site, cheapest.tour, cheapest.position) }
            }
            guard let best else { return }
            routes[best.tour].insert(best.site, at: best.position)
            visited[best.site] = true
            score += sites[best.site].score
            retime(best.tour)
        }
    }

    /// How many sites the tours visit.
    var visitCount: Int { routes.reduce(0) { $0 + $1.count } }

    /// When the tours are back at the depot, summed: less means more room for further visits.
    var duration: Int64 { arrival.reduce(0) { $0 + ($1.last ?? 0) } }

    private mutating func remove(_ doomed: Set<Int>) {
        for tour in routes.indices where routes[tour].contains(where: doomed.contains) {
            routes[tour].removeAll { site in
                guard doomed.contains(site) else { return false }
                visited[site] = false
                score -= problem.sites[site].score
                return true
            }
            retime(tour)
        }
    }

    /// Removes `count` visits chosen at random.
    mutating func removeRandom(_ count: Int, random: inout SplitMix64) {
        let all = routes.flatMap { $0 }
        guard !all.isEmpty else { return }
        var doomed = Set<Int>()
        for _ in 0..<count { doomed.insert(all[Int(random.next() % UInt64(all.count))]) }
        remove(doomed)
    }

    /// Removes a run of `count` consecutive visits from one tour chosen at random.
    mutating func removeRun(_ count: Int, random: inout SplitMix64) {
        let filled = routes.indices.filter { !routes[$0].isEmpty }
        guard !filled.isEmpty else { return }
        let tour = filled[Int(random.next() % UInt64(filled.count))]
        let first = Int(random.next() % UInt64(routes[tour].count))
        remove(Set(routes[tour][first..<min(routes[tour].count, first + count)]))
    }

    /// Removes a visited site and up to `count - 1` of its nearest visited neighbours.
    mutating func removeRelated(_ count: Int, neighbours: [[Int]], random: inout SplitMix64) {
        let all = routes.flatMap { $0 }
        guard !all.isEmpty else { return }
        let seed = all[Int(random.next() % UInt64(all.count))]
        var doomed: Set<Int> = [seed]
        for site in neighbours[seed] where visited[site] && doomed.count < count { doomed.insert(site) }
        remove(doomed)
    }

    /// Replaces a visit by an unvisited site with a higher score where that stays feasible, while any such swap exists.
    mutating func improveBySwaps(random: inout SplitMix64) {
        let sites = problem.sites
        var improved = true
        while improved {
            improved = false
            search: for tour in routes.indices {
                for position in routes[tour].indices {
                    let old = routes[tour][position]
                    var trial = routes[tour]
                    trial.remove(at: position)
                    for site in 1..<sites.count where !visited[site] && sites[site].score > sites[old].score {
                        trial.insert(site, at: position)
                        if feasible(trial) {
                            routes[tour] = trial
                            visited[old] = false
                            visited[site] = true
                            score += sites[site].score - sites[old].score
                            retime(tour)
                            improved = true
                            break search
                        }
                        trial.remove(at: position)
                    }
                }
            }
        }
        fill(noise: 0, random: &random)
    }

    private func feasible(_ route: [Int]) -> Bool {
        let sites = problem.sites
        var clock = sites[0].open, at = 0
        for site in route {
            clock = max(clock + sites[at].service + problem.travel(at, site), sites[site].open)
            if clock > sites[site].close { return false }
            at = site
        }
        return clock + sites[at].service + problem.travel(at, 0) <= sites[0].close
    }
}
