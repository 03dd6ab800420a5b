/// max(x, 0) for every element (NaN stays NaN).
public func relu(_ x: Tensor) -> Tensor {
    x.mapped { $0 < 0 ? 0 : $0 }
}

/// min(max(x, 0), 6) for every element, as in MobileNet (NaN stays NaN).
public func relu6(_ x: Tensor) -> Tensor {
    x.mapped { $0 < 0 ? 0 : ($0 > 6 ? 6 : $0) }
}

/// x for x ≥ 0 and slope·x below, for every element; Keras's default slope is 0.3.
public func leakyReLU(_ x: Tensor, slope: Float = 0.3) -> Tensor {
    x.mapped { $0 < 0 ? slope * $0 : $0 }
}

/// The logistic function 1 / (1 + e⁻ˣ) for every element, with the project's own exp.
public func sigmoid(_ x: Tensor) -> Tensor {
    x.mappedInLanes(Transcendentals.sigmoid)
}

/// The hyperbolic tangent of every element, with the project's own implementation.
public func tanh(_ x: Tensor) -> Tensor {
    x.mappedInLanes(Transcendentals.tanh)
}

extension Tensor {
    /// The tensor with a 16-lane `transform` applied to every element; the tail is padded with zeros.
    func mappedInLanes(_ transform: (SIMD16<Float>) -> SIMD16<Float>) -> Tensor {
        var result = [Float](repeating: 0, count: count)
        scalars.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                var i = 0
                while i + 16 <= source.count {
                    let lanes = transform(SIMD16(source[i..<(i + 16)]))
                    for lane in 0..<16 { target[i + lane] = lanes[lane] }
                    i += 16
                }
                if i < source.count {
                    var tail = SIMD16<Float>()
                    for lane in 0..<(source.count - i) { tail[lane] = source[i + lane] }
                    let lanes = transform(tail)
                    for lane in 0..<(source.count - i) { target[i + lane] = lanes[lane] }
                }
            }
        }
        return Tensor(unchecked: shape, result)
    }
}
