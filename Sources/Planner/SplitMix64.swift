/// SplitMix64: a small, seedable generator, so that a seed always gives the same search. Package-wide only so that
/// the tests can draw their random cases from it; the benches have their own (`SplitMix64` in `tiaoqi-bench`).
package struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The state; the seed to begin with.
    package var state: UInt64

    /// A generator starting from `seed`.
    package init(state seed: UInt64) { state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in [0, 1).
    package mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A whole number in 0..<n.
    package mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
