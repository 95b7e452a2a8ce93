import Foundation

/// Simulated annealing's acceptance rule: a candidate is taken when its value falls short of the current one's by no
/// more than a threshold drawn at random, `temperature · ln u`, with the temperature cooling geometrically from
/// `hot` to `cold` as the search runs (as PyVRP's and VROOM's record-to-record rules are types of their own).
struct Annealing {
    /// The temperature at the start and at the end, in the model's `annealingValue` units.
    var hot: Double
    var cold: Double

    /// The temperature when `progress` (0…1) of the search is done.
    func temperature(at progress: Double) -> Double { hot * pow(cold / hot, min(1, max(0, progress))) }

    /// The least change of value accepted this step (≤ 0), drawn before the candidate is finished, so that hopeless
    /// candidates can skip their polish.
    func threshold(at progress: Double, random: inout SplitMix64) -> Double {
        temperature(at: progress) * log(max(random.unit(), 1e-300))
    }
}
