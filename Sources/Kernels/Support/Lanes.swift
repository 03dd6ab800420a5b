/// Loads and stores of 16 `Float` lanes (one AVX-512 register) at any address.
enum Lanes {
    typealias Vector = SIMD16<Float>

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Float>) -> Vector {
        UnsafeRawPointer(p).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(p).loadUnaligned(as: Vector.self)
    }

    /// The 16 values of `array` from `index`.
    @inline(__always)
    static func load(_ array: [Float], _ index: Int) -> Vector {
        array.withUnsafeBufferPointer { load($0.baseAddress! + index) }
    }

    /// The first `count` (< 16) values at `p`, zeros after.
    @inline(__always)
    static func loadPartial(_ p: UnsafePointer<Float>, _ count: Int) -> Vector {
        var lanes = Vector()
        for i in 0..<count { lanes[i] = p[i] }
        return lanes
    }

    @inline(__always)
    static func store(_ lanes: Vector, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: lanes, as: Vector.self)
    }

    /// Stores the first `count` lanes.
    @inline(__always)
    static func store(_ lanes: Vector, _ p: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { p[i] = lanes[i] }
    }
}
