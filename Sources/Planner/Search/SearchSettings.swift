/// The engine's knobs for one kind of tours, chosen by the model (`TourModel.settings`).
struct SearchSettings {
    /// How visits are put back after a ruin.
    enum Recreate {
        /// `GreedyInsertion` over every free visit: the best worth per added length first.
        case greedy
        /// `OrderedInsertion` of the removed visits and a sample of other free ones (`sample` per removed visit,
        /// plus `extra`): for large weeks, where measuring every free visit costs too much.
        case ordered(sample: Int, extra: Int)
    }

    /// The ruin operators, one of them chosen at random each step.
    enum Ruin {
        case random, strings, related, timeSlice, worst, costliest, city, day
    }

    /// The ruins drawn from.
    var ruins: [Ruin]
    /// The acceptance rule.
    var annealing: Annealing
    /// Candidates this far (in annealing units) short of acceptance skip the polish: it rarely gains as much.
    var hopeless: Double
    /// Whether promising candidates and each new best are polished by `LocalSearch`.
    var polish: Bool
    /// How visits are put back.
    var recreate: Recreate
    /// Most visits one ruin takes out (of the placed ones, also at most `ruinShare` of them).
    var mostRemoved: Int
    var ruinShare: Double
    /// One ruin in this many may take out up to all placed visits, to move the tours elsewhere (nil: never).
    var bigRuinEvery: Int?
    /// Back to the best tours after this many steps without a better one (and a route recombination, when tours are
    /// alike); nil: never.
    var restartAfter: Int?
    /// Work each step costs besides what the model counts (copying a large model's arrays).
    var stepCost: Int
    /// Whether, without `polish`, each new best has its changed tours reordered (`TwoOpt`, `OrOpt`): where every
    /// check is a simulation, only the best are worth it.
    var reorderBest: Bool = false
    /// One ordered recreate in this many offers the removed visits to other tours first (`OrderedInsertion.handOver`).
    var handOverEvery: Int = 4
}
