/// How a container chooses seeds for layers made without one.
public enum Seeds {
    /// The seed of the layer at `position` (from 1) in a container whose seed is `parent`.
    ///
    /// SplitMix64's finaliser applied to `parent + position · 0x9E3779B97F4A7C15`: a fixed, documented
    /// function, so a model gets the same weights on every machine and equal layers in it differ.
    public static func child(of parent: UInt64, at position: Int) -> UInt64 {
        var z = parent &+ UInt64(truncatingIfNeeded: position) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
