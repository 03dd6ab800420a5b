/// The project's own exp, ln and tanh, built from IEEE operations only (explicit fused
/// multiply-add, division), never libm.
///
/// glibc picks FMA or non-FMA variants of its functions per CPU, which changes last bits; these
/// give the same bits on every machine. The `Float` functions work on 16 lanes at a time, and
/// a single value goes through the same lanes, so vector and scalar paths always agree.
enum Transcendentals {
    typealias Vector = SIMD16<Float>

    /// eˣ to about one ulp; below −104 it is 0, above 88.72 it is +∞, NaN stays NaN.
    ///
    /// x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite, two-part ln 2); eʳ is its degree-7
    /// Taylor polynomial (Horner with FMA); 2ᵏ is applied in two exact halves so results in the
    /// subnormal range are rounded once.
    @inline(__always)
    static func exp(_ x: Vector) -> Vector {
        let magic: Float = 12_582_912  // 1.5·2²³: adding it rounds to an integer kept in the low bits
        let clamped = x.clamped(lowerBound: Vector(repeating: -104), upperBound: Vector(repeating: 89))
        let t = Vector(repeating: magic).addingProduct(clamped, Vector(repeating: 1.442_695_04))
        let kf = t - magic
        var r = clamped.addingProduct(kf, Vector(repeating: -0.693_147_182_464_599_609_375))
        r = r.addingProduct(kf, Vector(repeating: 1.904_654_323_148_236e-9))
        var p = Vector(repeating: 1.0 / 720).addingProduct(Vector(repeating: 1.0 / 5040), r)
        p = Vector(repeating: 1.0 / 120).addingProduct(p, r)
        p = Vector(repeating: 1.0 / 24).addingProduct(p, r)
        p = Vector(repeating: 1.0 / 6).addingProduct(p, r)
        p = Vector(repeating: 0.5).addingProduct(p, r)
        p = Vector(repeating: 1).addingProduct(p, r)
        p = Vector(repeating: 1).addingProduct(p, r)
        let k = unsafeBitCast(t, to: SIMD16<Int32>.self) &- Int32(bitPattern: magic.bitPattern)
        let k1 = k &>> 1
        let k2 = k &- k1
        let scale1 = unsafeBitCast((k1 &+ 127) &<< 23, to: Vector.self)
        let scale2 = unsafeBitCast((k2 &+ 127) &<< 23, to: Vector.self)
        var result = p * scale1 * scale2
        result.replace(with: .infinity, where: x .> 88.722_839)
        result.replace(with: 0, where: x .< -104)
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// eˣ for one value, through the same lanes as the vector version.
    static func exp(_ x: Float) -> Float {
        exp(Vector(repeating: x))[0]
    }

    /// tanh x: its odd Taylor polynomial to x²¹ below |x| = 0.55, 1 − 2/(e²ˣ + 1) above, sign restored.
    @inline(__always)
    static func tanh(_ x: Vector) -> Vector {
        let signBit = unsafeBitCast(x, to: SIMD16<UInt32>.self) & 0x8000_0000
        let magnitude = Self.magnitude(x)
        let x2 = x * x
        var small = Vector(repeating: Float(18_888_466_084.0 / 194_896_477_400_625))
        small = Vector(repeating: Float(-443_861_162.0 / 1_856_156_927_625)).addingProduct(small, x2)
        small = Vector(repeating: Float(6_404_582.0 / 10_854_718_875)).addingProduct(small, x2)
        small = Vector(repeating: Float(-929_569.0 / 638_512_875)).addingProduct(small, x2)
        small = Vector(repeating: Float(21844.0 / 6_081_075)).addingProduct(small, x2)
        small = Vector(repeating: Float(-1382.0 / 155_925)).addingProduct(small, x2)
        small = Vector(repeating: Float(62.0 / 2835)).addingProduct(small, x2)
        small = Vector(repeating: Float(-17.0 / 315)).addingProduct(small, x2)
        small = Vector(repeating: Float(2.0 / 15)).addingProduct(small, x2)
        small = Vector(repeating: Float(-1.0 / 3)).addingProduct(small, x2)
        small = Vector(repeating: Float(1)).addingProduct(small, x2)
        small *= x
        let large = 1 - 2 / (exp(magnitude + magnitude) + 1)
        let signedLarge = unsafeBitCast(unsafeBitCast(large, to: SIMD16<UInt32>.self) | signBit, to: Vector.self)
        var result = signedLarge
        result.replace(with: small, where: magnitude .< 0.55)
        return result
    }

    /// The logistic function 1 / (1 + e⁻ˣ), computed as eˣ / (1 + eˣ) below 0, where 1 / (1 + e⁻ˣ)
    /// would round tiny results to 1 / ∞ = 0.
    @inline(__always)
    static func sigmoid(_ x: Vector) -> Vector {
        let e = exp(-magnitude(x))
        var result = 1 / (1 + e)
        result.replace(with: e / (1 + e), where: x .< 0)
        return result
    }

    /// |x|, by clearing the sign bit (NaN keeps its payload).
    @inline(__always)
    static func magnitude(_ x: Vector) -> Vector {
        unsafeBitCast(unsafeBitCast(x, to: SIMD16<UInt32>.self) & 0x7FFF_FFFF, to: Vector.self)
    }

    /// eˣ for a `Double`, to about one ulp: 0 below −745.2, +∞ above 709.78, NaN stays NaN.
    ///
    /// x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite, fdlibm's two-part ln 2); eʳ is its Taylor
    /// polynomial to r¹⁴ (Horner with FMA); 2ᵏ is applied in two exact halves so results in the
    /// subnormal range are rounded once.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782_712_893_384 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x * 1.442_695_040_888_963_4).rounded()
        let r = x.addingProduct(k, -0.693_147_180_369_123_816_49).addingProduct(k, -1.908_214_929_270_587_7e-10)
        var p = 1.0 / 87_178_291_200  // 1/14!
        var factorial = 87_178_291_200.0
        for n in stride(from: 14, through: 1, by: -1) {
            factorial /= Double(n)  // (n − 1)!, exact
            p = (1 / factorial).addingProduct(p, r)
        }
        let half = Int(k) >> 1
        return p * Double(sign: .plus, exponent: half, significand: 1)
            * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
    }

    /// The natural logarithm of a positive finite `Double`, to about one ulp.
    ///
    /// x = m·2ᵉ with m in [√½, √2); ln m = 2·atanh f with f = (m − 1)/(m + 1), summed to f²³.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x) is outside its domain")
        var bits = x.bitPattern
        var exponentBias = 0
        if x < Double.leastNormalMagnitude {
            bits = (x * 0x1p54).bitPattern
            exponentBias = -54
        }
        var exponent = Int((bits >> 52) & 0x7FF) - 1023 + exponentBias
        var mantissa = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if mantissa > 1.414_213_562_373_095_1 {
            mantissa *= 0.5
            exponent += 1
        }
        let f = (mantissa - 1) / (mantissa + 1)
        let f2 = f * f
        var series = 1.0 / 23
        for n in stride(from: 10, through: 0, by: -1) {
            series = (1.0 / Double(2 * n + 1)).addingProduct(series, f2)
        }
        let lnTwoHigh = 0.693_147_180_369_123_816_49
        let lnTwoLow = 1.908_214_929_270_587_7e-10
        let e = Double(exponent)
        return e * lnTwoHigh + (e * lnTwoLow + 2 * f * series)
    }
}
