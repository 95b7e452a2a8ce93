/// The benches' own seeded generator, so that a seed always generates the same network, bureau, events and queries.
///
/// It is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014): the state
/// advances by the golden-ratio constant and each output is the state mixed by two multiply-xorshift rounds. The
/// planner has its own generator; the two are kept apart so that the planner's stays internal to it. This one gives
/// the same numbers the benches used before they moved out of `tiaoqi`, so figures measured then and now are on the
/// same generated data.
struct BenchRandom: RandomNumberGenerator {
    /// The state; the seed to begin with.
    var state: UInt64

    /// A generator starting from `seed`.
    init(state seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A whole number in 0..<n.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
