/// Perceptual colour maps for heatmaps: viridis for one-signed data, a blue–white–red diverging
/// map (matplotlib's RdBu reversed) when the scale spans zero.
///
/// Each is 17 anchors sampled from matplotlib 3.10 (`colormaps[name](i / 16)`, rounded to bytes),
/// interpolated linearly; the anchors are the whole definition, so colours never drift.
enum ColorMap {
    case viridis
    case diverging

    /// The map suited to a scale from `low` to `high`.
    static func forScale(low: Float, high: Float) -> ColorMap {
        low < 0 && high > 0 ? .diverging : .viridis
    }

    private static let viridisAnchors: [(UInt8, UInt8, UInt8)] = [
        (68, 1, 84), (72, 24, 106), (71, 45, 123), (66, 64, 134), (59, 82, 139), (51, 99, 141), (44, 114, 142),
        (38, 130, 142), (33, 145, 140), (31, 160, 136), (40, 174, 128), (63, 188, 115), (94, 201, 98),
        (132, 212, 75), (173, 220, 48), (216, 226, 25), (253, 231, 37),
    ]
    private static let divergingAnchors: [(UInt8, UInt8, UInt8)] = [
        (5, 48, 97), (23, 82, 144), (42, 113, 178), (63, 142, 192), (107, 172, 209), (155, 201, 224),
        (194, 221, 236), (224, 236, 243), (247, 246, 246), (251, 229, 216), (251, 204, 180), (245, 170, 137),
        (228, 128, 102), (208, 85, 72), (186, 40, 50), (147, 14, 38), (103, 0, 31),
    ]

    /// The colour at `t` in 0…1 (clamped; NaN is grey).
    func color(at t: Float) -> (UInt8, UInt8, UInt8) {
        guard !t.isNaN else { return (128, 128, 128) }
        let anchors = self == .viridis ? Self.viridisAnchors : Self.divergingAnchors
        // Work in 1/4096ths so the arithmetic is exact integers after one rounding.
        let position = Int((Swift.min(Swift.max(t, 0), 1) * 16 * 4096).rounded())
        let index = Swift.min(position / 4096, 15)
        let fraction = position - index * 4096
        let (a, b) = (anchors[index], anchors[index + 1])
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Int(x) * (4096 - fraction) + Int(y) * fraction + 2048) / 4096)
        }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }
}
