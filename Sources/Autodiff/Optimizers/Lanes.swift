/// Loads and stores of 16 lanes for the optimisers' element-wise loops; a tail shorter than 16 goes
/// through the same lanes padded with zeros, so every element sees the same operations.
enum OptimizerLanes {
    typealias Vector = SIMD16<Float>

    /// Calls `body(start, lanes)` for each run of 16 elements of `0..<count` (the last one shorter).
    @inline(__always)
    static func forEachRun(_ count: Int, _ body: (Int, Int) -> Void) {
        var start = 0
        while start < count {
            body(start, Swift.min(16, count - start))
            start += 16
        }
    }

    /// `lanes` values from `p`, zeros after.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ lanes: Int) -> Vector {
        if lanes == 16 { return UnsafeRawPointer(p).loadUnaligned(as: Vector.self) }
        var v = Vector()
        for j in 0..<lanes { v[j] = p[j] }
        return v
    }

    /// Stores the first `lanes` of `v` at `p`.
    @inline(__always)
    static func store(_ v: Vector, _ p: UnsafeMutablePointer<Float>, _ lanes: Int) {
        if lanes == 16 {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: Vector.self)
        } else {
            for j in 0..<lanes { p[j] = v[j] }
        }
    }
}
