/// The project's random number generator, fixed forever so a notebook's numbers never change.
///
/// The algorithm is xoshiro256** (Blackman and Vigna, 2018) whose four state words are the first
/// four outputs of SplitMix64 started at `seed`. Derived values:
/// - a uniform `Float` in [0, 1) is the top 24 bits of `next()` times 2⁻²⁴;
/// - a normal pair comes from the Marsaglia polar method in `Double`: u and v are the top 53 bits
///   of `next()` times 2⁻⁵³, mapped to 2u − 1 and 2v − 1; pairs with s = u² + v² not in (0, 1)
///   are rejected; the factor is √(−2·ln s / s) with the project's own `ln`, and the pair
///   (u·factor, v·factor) is rounded to `Float`.
///
/// Swift's `random(in:using:)` is not used: its algorithm may change between Swift versions.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// Creates the generator for `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform `Float` in [0, 1): the top 24 bits of `next()` times 2⁻²⁴.
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Two independent standard normal values (Marsaglia's polar method, see the type's summary).
    public mutating func nextNormalPair() -> (Float, Float) {
        while true {
            let u = 2 * (Double(next() >> 11) * 0x1p-53) - 1
            let v = 2 * (Double(next() >> 11) * 0x1p-53) - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * Transcendentals.log(s) / s).squareRoot()
            return (Float(u * factor), Float(v * factor))
        }
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
