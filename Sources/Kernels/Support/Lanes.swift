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

    /// Stores the first `count` (≤ 16) lanes: one vector store when all 16.
    @inline(__always)
    static func store(_ lanes: Vector, _ p: UnsafeMutablePointer<Float>, count: Int) {
        if count == 16 {
            store(lanes, p)
        } else {
            for i in 0..<count { p[i] = lanes[i] }
        }
    }

    /// The first `count` (≤ 16) values at `p`, zeros after: one vector load when all 16.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, count: Int) -> Vector {
        count == 16 ? load(p) : loadPartial(p, count)
    }

    /// Copies `count` values, 16 at a time: for the short runs (a pixel's channels) where a call to
    /// `memmove` costs more than the copy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 16 <= count {
            store(load(source + i), target + i)
            i += 16
        }
        while i < count {
            target[i] = source[i]
            i += 1
        }
    }

    /// Sets `count` values to zero, 16 at a time.
    @inline(__always)
    static func clear(_ target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 16 <= count {
            store(Vector(), target + i)
            i += 16
        }
        while i < count {
            target[i] = 0
            i += 1
        }
    }

    /// Adds `count` values at `source` to those at `target`, 16 at a time.
    @inline(__always)
    static func accumulate(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 16 <= count {
            store(load(target + i) + load(source + i), target + i)
            i += 16
        }
        while i < count {
            target[i] += source[i]
            i += 1
        }
    }

    /// Adds `scale` times the `count` values at `source` to those at `target` (fused), 16 at a time.
    @inline(__always)
    static func accumulate(_ source: UnsafePointer<Float>, times scale: Float, into target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let factor = Vector(repeating: scale)
        while i + 16 <= count {
            store(load(target + i).addingProduct(load(source + i), factor), target + i)
            i += 16
        }
        while i < count {
            target[i] = target[i].addingProduct(source[i], scale)
            i += 1
        }
    }

    /// Adds the products of the `count` values at `a` and `b` to those at `target` (fused), 16 at a time.
    @inline(__always)
    static func accumulateProducts(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 16 <= count {
            store(load(target + i).addingProduct(load(a + i), load(b + i)), target + i)
            i += 16
        }
        while i < count {
            target[i] = target[i].addingProduct(a[i], b[i])
            i += 1
        }
    }
}
