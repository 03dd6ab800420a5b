/// The register-blocked inner kernels of `GEMM`, one per tile shape, written by
/// `generate_microkernels.py` beside this file: change the script and run it, not this file.
///
/// Each keeps its whole C tile in vector registers, so every output is accumulated over k in
/// order with one fused multiply-add per step, exactly as the reference loop does. The `kernel`
/// family reads row r's value at step i of a segment in place, at
/// `rows[r][segmentOffsets[segment] + offset + i]`; the `packed` family reads A packed as
/// `a[k·rows + r]`.
extension GEMM {
    typealias Vector = Lanes.Vector

    /// What one kernel call multiplies: a range of segments of A's rows and the matching B rows.
    struct Step {
        /// Which segments of each row, and where each starts relative to the row's base.
        let segments: Range<Int>
        let segmentOffsets: UnsafePointer<Int>
        /// The first value used in each segment, and how many.
        let offset: Int, run: Int
        /// B's first row for this block and panel, and the distance between its rows.
        let b: UnsafePointer<Float>, bStride: Int
        /// Whether C already holds the earlier part of the sum.
        let accumulate: Bool
        /// Added after the last block; nil before.
        let bias: UnsafePointer<Float>?
    }

    /// C[8×32] (+)= A rows · B[k][32], one fused multiply-add per step k, in order.
    @inline(__always)
    static func kernel8x32(_ s: Step, rows: UnsafePointer<UnsafePointer<Float>>, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var c0_1 = s.accumulate ? Lanes.load(c + 0 * ldc + 16) : Vector()
        var c1_0 = s.accumulate ? Lanes.load(c + 1 * ldc + 0) : Vector()
        var c1_1 = s.accumulate ? Lanes.load(c + 1 * ldc + 16) : Vector()
        var c2_0 = s.accumulate ? Lanes.load(c + 2 * ldc + 0) : Vector()
        var c2_1 = s.accumulate ? Lanes.load(c + 2 * ldc + 16) : Vector()
        var c3_0 = s.accumulate ? Lanes.load(c + 3 * ldc + 0) : Vector()
        var c3_1 = s.accumulate ? Lanes.load(c + 3 * ldc + 16) : Vector()
        var c4_0 = s.accumulate ? Lanes.load(c + 4 * ldc + 0) : Vector()
        var c4_1 = s.accumulate ? Lanes.load(c + 4 * ldc + 16) : Vector()
        var c5_0 = s.accumulate ? Lanes.load(c + 5 * ldc + 0) : Vector()
        var c5_1 = s.accumulate ? Lanes.load(c + 5 * ldc + 16) : Vector()
        var c6_0 = s.accumulate ? Lanes.load(c + 6 * ldc + 0) : Vector()
        var c6_1 = s.accumulate ? Lanes.load(c + 6 * ldc + 16) : Vector()
        var c7_0 = s.accumulate ? Lanes.load(c + 7 * ldc + 0) : Vector()
        var c7_1 = s.accumulate ? Lanes.load(c + 7 * ldc + 16) : Vector()
        var b = s.b
        for segment in s.segments {
            let start = s.segmentOffsets[segment] + s.offset
            let p0 = rows[0] + start
            let p1 = rows[1] + start
            let p2 = rows[2] + start
            let p3 = rows[3] + start
            let p4 = rows[4] + start
            let p5 = rows[5] + start
            let p6 = rows[6] + start
            let p7 = rows[7] + start
            for i in 0..<s.run {
                let b0 = Lanes.load(b + 0)
                let b1 = Lanes.load(b + 16)
                let a0 = Vector(repeating: p0[i])
                c0_0 = c0_0.addingProduct(a0, b0)
                c0_1 = c0_1.addingProduct(a0, b1)
                let a1 = Vector(repeating: p1[i])
                c1_0 = c1_0.addingProduct(a1, b0)
                c1_1 = c1_1.addingProduct(a1, b1)
                let a2 = Vector(repeating: p2[i])
                c2_0 = c2_0.addingProduct(a2, b0)
                c2_1 = c2_1.addingProduct(a2, b1)
                let a3 = Vector(repeating: p3[i])
                c3_0 = c3_0.addingProduct(a3, b0)
                c3_1 = c3_1.addingProduct(a3, b1)
                let a4 = Vector(repeating: p4[i])
                c4_0 = c4_0.addingProduct(a4, b0)
                c4_1 = c4_1.addingProduct(a4, b1)
                let a5 = Vector(repeating: p5[i])
                c5_0 = c5_0.addingProduct(a5, b0)
                c5_1 = c5_1.addingProduct(a5, b1)
                let a6 = Vector(repeating: p6[i])
                c6_0 = c6_0.addingProduct(a6, b0)
                c6_1 = c6_1.addingProduct(a6, b1)
                let a7 = Vector(repeating: p7[i])
                c7_0 = c7_0.addingProduct(a7, b0)
                c7_1 = c7_1.addingProduct(a7, b1)
                b += s.bStride
            }
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            let bias1 = Lanes.load(bias + 16)
            c0_0 += bias0
            c0_1 += bias1
            c1_0 += bias0
            c1_1 += bias1
            c2_0 += bias0
            c2_1 += bias1
            c3_0 += bias0
            c3_1 += bias1
            c4_0 += bias0
            c4_1 += bias1
            c5_0 += bias0
            c5_1 += bias1
            c6_0 += bias0
            c6_1 += bias1
            c7_0 += bias0
            c7_1 += bias1
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
        Lanes.store(c0_1, c + 0 * ldc + 16)
        Lanes.store(c1_0, c + 1 * ldc + 0)
        Lanes.store(c1_1, c + 1 * ldc + 16)
        Lanes.store(c2_0, c + 2 * ldc + 0)
        Lanes.store(c2_1, c + 2 * ldc + 16)
        Lanes.store(c3_0, c + 3 * ldc + 0)
        Lanes.store(c3_1, c + 3 * ldc + 16)
        Lanes.store(c4_0, c + 4 * ldc + 0)
        Lanes.store(c4_1, c + 4 * ldc + 16)
        Lanes.store(c5_0, c + 5 * ldc + 0)
        Lanes.store(c5_1, c + 5 * ldc + 16)
        Lanes.store(c6_0, c + 6 * ldc + 0)
        Lanes.store(c6_1, c + 6 * ldc + 16)
        Lanes.store(c7_0, c + 7 * ldc + 0)
        Lanes.store(c7_1, c + 7 * ldc + 16)
    }

    /// C[8×16] (+)= A rows · B[k][16], one fused multiply-add per step k, in order.
    @inline(__always)
    static func kernel8x16(_ s: Step, rows: UnsafePointer<UnsafePointer<Float>>, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var c1_0 = s.accumulate ? Lanes.load(c + 1 * ldc + 0) : Vector()
        var c2_0 = s.accumulate ? Lanes.load(c + 2 * ldc + 0) : Vector()
        var c3_0 = s.accumulate ? Lanes.load(c + 3 * ldc + 0) : Vector()
        var c4_0 = s.accumulate ? Lanes.load(c + 4 * ldc + 0) : Vector()
        var c5_0 = s.accumulate ? Lanes.load(c + 5 * ldc + 0) : Vector()
        var c6_0 = s.accumulate ? Lanes.load(c + 6 * ldc + 0) : Vector()
        var c7_0 = s.accumulate ? Lanes.load(c + 7 * ldc + 0) : Vector()
        var b = s.b
        for segment in s.segments {
            let start = s.segmentOffsets[segment] + s.offset
            let p0 = rows[0] + start
            let p1 = rows[1] + start
            let p2 = rows[2] + start
            let p3 = rows[3] + start
            let p4 = rows[4] + start
            let p5 = rows[5] + start
            let p6 = rows[6] + start
            let p7 = rows[7] + start
            for i in 0..<s.run {
                let b0 = Lanes.load(b + 0)
                let a0 = Vector(repeating: p0[i])
                c0_0 = c0_0.addingProduct(a0, b0)
                let a1 = Vector(repeating: p1[i])
                c1_0 = c1_0.addingProduct(a1, b0)
                let a2 = Vector(repeating: p2[i])
                c2_0 = c2_0.addingProduct(a2, b0)
                let a3 = Vector(repeating: p3[i])
                c3_0 = c3_0.addingProduct(a3, b0)
                let a4 = Vector(repeating: p4[i])
                c4_0 = c4_0.addingProduct(a4, b0)
                let a5 = Vector(repeating: p5[i])
                c5_0 = c5_0.addingProduct(a5, b0)
                let a6 = Vector(repeating: p6[i])
                c6_0 = c6_0.addingProduct(a6, b0)
                let a7 = Vector(repeating: p7[i])
                c7_0 = c7_0.addingProduct(a7, b0)
                b += s.bStride
            }
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            c0_0 += bias0
            c1_0 += bias0
            c2_0 += bias0
            c3_0 += bias0
            c4_0 += bias0
            c5_0 += bias0
            c6_0 += bias0
            c7_0 += bias0
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
        Lanes.store(c1_0, c + 1 * ldc + 0)
        Lanes.store(c2_0, c + 2 * ldc + 0)
        Lanes.store(c3_0, c + 3 * ldc + 0)
        Lanes.store(c4_0, c + 4 * ldc + 0)
        Lanes.store(c5_0, c + 5 * ldc + 0)
        Lanes.store(c6_0, c + 6 * ldc + 0)
        Lanes.store(c7_0, c + 7 * ldc + 0)
    }

    /// C[1×64] (+)= A rows · B[k][64], one fused multiply-add per step k, in order.
    @inline(__always)
    static func kernel1x64(_ s: Step, rows: UnsafePointer<UnsafePointer<Float>>, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var c0_1 = s.accumulate ? Lanes.load(c + 0 * ldc + 16) : Vector()
        var c0_2 = s.accumulate ? Lanes.load(c + 0 * ldc + 32) : Vector()
        var c0_3 = s.accumulate ? Lanes.load(c + 0 * ldc + 48) : Vector()
        var b = s.b
        for segment in s.segments {
            let start = s.segmentOffsets[segment] + s.offset
            let p0 = rows[0] + start
            for i in 0..<s.run {
                let b0 = Lanes.load(b + 0)
                let b1 = Lanes.load(b + 16)
                let b2 = Lanes.load(b + 32)
                let b3 = Lanes.load(b + 48)
                let a0 = Vector(repeating: p0[i])
                c0_0 = c0_0.addingProduct(a0, b0)
                c0_1 = c0_1.addingProduct(a0, b1)
                c0_2 = c0_2.addingProduct(a0, b2)
                c0_3 = c0_3.addingProduct(a0, b3)
                b += s.bStride
            }
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            let bias1 = Lanes.load(bias + 16)
            let bias2 = Lanes.load(bias + 32)
            let bias3 = Lanes.load(bias + 48)
            c0_0 += bias0
            c0_1 += bias1
            c0_2 += bias2
            c0_3 += bias3
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
        Lanes.store(c0_1, c + 0 * ldc + 16)
        Lanes.store(c0_2, c + 0 * ldc + 32)
        Lanes.store(c0_3, c + 0 * ldc + 48)
    }

    /// C[1×32] (+)= A rows · B[k][32], one fused multiply-add per step k, in order.
    @inline(__always)
    static func kernel1x32(_ s: Step, rows: UnsafePointer<UnsafePointer<Float>>, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var c0_1 = s.accumulate ? Lanes.load(c + 0 * ldc + 16) : Vector()
        var b = s.b
        for segment in s.segments {
            let start = s.segmentOffsets[segment] + s.offset
            let p0 = rows[0] + start
            for i in 0..<s.run {
                let b0 = Lanes.load(b + 0)
                let b1 = Lanes.load(b + 16)
                let a0 = Vector(repeating: p0[i])
                c0_0 = c0_0.addingProduct(a0, b0)
                c0_1 = c0_1.addingProduct(a0, b1)
                b += s.bStride
            }
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            let bias1 = Lanes.load(bias + 16)
            c0_0 += bias0
            c0_1 += bias1
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
        Lanes.store(c0_1, c + 0 * ldc + 16)
    }

    /// C[1×16] (+)= A rows · B[k][16], one fused multiply-add per step k, in order.
    @inline(__always)
    static func kernel1x16(_ s: Step, rows: UnsafePointer<UnsafePointer<Float>>, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var b = s.b
        for segment in s.segments {
            let start = s.segmentOffsets[segment] + s.offset
            let p0 = rows[0] + start
            for i in 0..<s.run {
                let b0 = Lanes.load(b + 0)
                let a0 = Vector(repeating: p0[i])
                c0_0 = c0_0.addingProduct(a0, b0)
                b += s.bStride
            }
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            c0_0 += bias0
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
    }

    /// C[8×32] (+)= packed A [k][8] · B[k][32], one fused multiply-add per step k, in order.
    @inline(__always)
    static func packed8x32(_ s: Step, a: UnsafePointer<Float>, depth: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var c0_1 = s.accumulate ? Lanes.load(c + 0 * ldc + 16) : Vector()
        var c1_0 = s.accumulate ? Lanes.load(c + 1 * ldc + 0) : Vector()
        var c1_1 = s.accumulate ? Lanes.load(c + 1 * ldc + 16) : Vector()
        var c2_0 = s.accumulate ? Lanes.load(c + 2 * ldc + 0) : Vector()
        var c2_1 = s.accumulate ? Lanes.load(c + 2 * ldc + 16) : Vector()
        var c3_0 = s.accumulate ? Lanes.load(c + 3 * ldc + 0) : Vector()
        var c3_1 = s.accumulate ? Lanes.load(c + 3 * ldc + 16) : Vector()
        var c4_0 = s.accumulate ? Lanes.load(c + 4 * ldc + 0) : Vector()
        var c4_1 = s.accumulate ? Lanes.load(c + 4 * ldc + 16) : Vector()
        var c5_0 = s.accumulate ? Lanes.load(c + 5 * ldc + 0) : Vector()
        var c5_1 = s.accumulate ? Lanes.load(c + 5 * ldc + 16) : Vector()
        var c6_0 = s.accumulate ? Lanes.load(c + 6 * ldc + 0) : Vector()
        var c6_1 = s.accumulate ? Lanes.load(c + 6 * ldc + 16) : Vector()
        var c7_0 = s.accumulate ? Lanes.load(c + 7 * ldc + 0) : Vector()
        var c7_1 = s.accumulate ? Lanes.load(c + 7 * ldc + 16) : Vector()
        var a = a, b = s.b
        for _ in 0..<depth {
            let b0 = Lanes.load(b + 0)
            let b1 = Lanes.load(b + 16)
            let a0 = Vector(repeating: a[0])
            c0_0 = c0_0.addingProduct(a0, b0)
            c0_1 = c0_1.addingProduct(a0, b1)
            let a1 = Vector(repeating: a[1])
            c1_0 = c1_0.addingProduct(a1, b0)
            c1_1 = c1_1.addingProduct(a1, b1)
            let a2 = Vector(repeating: a[2])
            c2_0 = c2_0.addingProduct(a2, b0)
            c2_1 = c2_1.addingProduct(a2, b1)
            let a3 = Vector(repeating: a[3])
            c3_0 = c3_0.addingProduct(a3, b0)
            c3_1 = c3_1.addingProduct(a3, b1)
            let a4 = Vector(repeating: a[4])
            c4_0 = c4_0.addingProduct(a4, b0)
            c4_1 = c4_1.addingProduct(a4, b1)
            let a5 = Vector(repeating: a[5])
            c5_0 = c5_0.addingProduct(a5, b0)
            c5_1 = c5_1.addingProduct(a5, b1)
            let a6 = Vector(repeating: a[6])
            c6_0 = c6_0.addingProduct(a6, b0)
            c6_1 = c6_1.addingProduct(a6, b1)
            let a7 = Vector(repeating: a[7])
            c7_0 = c7_0.addingProduct(a7, b0)
            c7_1 = c7_1.addingProduct(a7, b1)
            a += 8
            b += s.bStride
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            let bias1 = Lanes.load(bias + 16)
            c0_0 += bias0
            c0_1 += bias1
            c1_0 += bias0
            c1_1 += bias1
            c2_0 += bias0
            c2_1 += bias1
            c3_0 += bias0
            c3_1 += bias1
            c4_0 += bias0
            c4_1 += bias1
            c5_0 += bias0
            c5_1 += bias1
            c6_0 += bias0
            c6_1 += bias1
            c7_0 += bias0
            c7_1 += bias1
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
        Lanes.store(c0_1, c + 0 * ldc + 16)
        Lanes.store(c1_0, c + 1 * ldc + 0)
        Lanes.store(c1_1, c + 1 * ldc + 16)
        Lanes.store(c2_0, c + 2 * ldc + 0)
        Lanes.store(c2_1, c + 2 * ldc + 16)
        Lanes.store(c3_0, c + 3 * ldc + 0)
        Lanes.store(c3_1, c + 3 * ldc + 16)
        Lanes.store(c4_0, c + 4 * ldc + 0)
        Lanes.store(c4_1, c + 4 * ldc + 16)
        Lanes.store(c5_0, c + 5 * ldc + 0)
        Lanes.store(c5_1, c + 5 * ldc + 16)
        Lanes.store(c6_0, c + 6 * ldc + 0)
        Lanes.store(c6_1, c + 6 * ldc + 16)
        Lanes.store(c7_0, c + 7 * ldc + 0)
        Lanes.store(c7_1, c + 7 * ldc + 16)
    }

    /// C[8×16] (+)= packed A [k][8] · B[k][16], one fused multiply-add per step k, in order.
    @inline(__always)
    static func packed8x16(_ s: Step, a: UnsafePointer<Float>, depth: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        var c0_0 = s.accumulate ? Lanes.load(c + 0 * ldc + 0) : Vector()
        var c1_0 = s.accumulate ? Lanes.load(c + 1 * ldc + 0) : Vector()
        var c2_0 = s.accumulate ? Lanes.load(c + 2 * ldc + 0) : Vector()
        var c3_0 = s.accumulate ? Lanes.load(c + 3 * ldc + 0) : Vector()
        var c4_0 = s.accumulate ? Lanes.load(c + 4 * ldc + 0) : Vector()
        var c5_0 = s.accumulate ? Lanes.load(c + 5 * ldc + 0) : Vector()
        var c6_0 = s.accumulate ? Lanes.load(c + 6 * ldc + 0) : Vector()
        var c7_0 = s.accumulate ? Lanes.load(c + 7 * ldc + 0) : Vector()
        var a = a, b = s.b
        for _ in 0..<depth {
            let b0 = Lanes.load(b + 0)
            let a0 = Vector(repeating: a[0])
            c0_0 = c0_0.addingProduct(a0, b0)
            let a1 = Vector(repeating: a[1])
            c1_0 = c1_0.addingProduct(a1, b0)
            let a2 = Vector(repeating: a[2])
            c2_0 = c2_0.addingProduct(a2, b0)
            let a3 = Vector(repeating: a[3])
            c3_0 = c3_0.addingProduct(a3, b0)
            let a4 = Vector(repeating: a[4])
            c4_0 = c4_0.addingProduct(a4, b0)
            let a5 = Vector(repeating: a[5])
            c5_0 = c5_0.addingProduct(a5, b0)
            let a6 = Vector(repeating: a[6])
            c6_0 = c6_0.addingProduct(a6, b0)
            let a7 = Vector(repeating: a[7])
            c7_0 = c7_0.addingProduct(a7, b0)
            a += 8
            b += s.bStride
        }
        if let bias = s.bias {
            let bias0 = Lanes.load(bias + 0)
            c0_0 += bias0
            c1_0 += bias0
            c2_0 += bias0
            c3_0 += bias0
            c4_0 += bias0
            c5_0 += bias0
            c6_0 += bias0
            c7_0 += bias0
        }
        Lanes.store(c0_0, c + 0 * ldc + 0)
        Lanes.store(c1_0, c + 1 * ldc + 0)
        Lanes.store(c2_0, c + 2 * ldc + 0)
        Lanes.store(c3_0, c + 3 * ldc + 0)
        Lanes.store(c4_0, c + 4 * ldc + 0)
        Lanes.store(c5_0, c + 5 * ldc + 0)
        Lanes.store(c6_0, c + 6 * ldc + 0)
        Lanes.store(c7_0, c + 7 * ldc + 0)
    }
}
