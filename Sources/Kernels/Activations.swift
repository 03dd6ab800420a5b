/// max(x, 0) for every element (NaN stays NaN).
public func relu(_ x: Tensor) -> Tensor {
    x.mappedInLanes { $0.replacing(with: 0, where: $0 .< 0) }
}

/// min(max(x, 0), 6) for every element, as in MobileNet (NaN stays NaN).
public func relu6(_ x: Tensor) -> Tensor {
    x.mappedInLanes { $0.replacing(with: 0, where: $0 .< 0).replacing(with: 6, where: $0 .> 6) }
}

/// x for x ≥ 0 and slope·x below, for every element; Keras's default slope is 0.3.
public func leakyReLU(_ x: Tensor, slope: Float = 0.3) -> Tensor {
    x.mappedInLanes { $0.replacing(with: $0 * slope, where: $0 .< 0) }
}

/// The logistic function 1 / (1 + e⁻ˣ) for every element, with the project's own exp.
public func sigmoid(_ x: Tensor) -> Tensor {
    x.mappedInLanes(Transcendentals.sigmoid)
}

/// The hyperbolic tangent of every element, with the project's own implementation.
public func tanh(_ x: Tensor) -> Tensor {
    x.mappedInLanes(Transcendentals.tanh)
}
