/// max(x, 0) for every element (NaN stays NaN).
public func relu(_ x: Tensor) -> Tensor {
    x.mappedInLanes(ActivationLanes.ReLU())
}

/// min(max(x, 0), 6) for every element, as in MobileNet (NaN stays NaN).
public func relu6(_ x: Tensor) -> Tensor {
    x.mappedInLanes(ActivationLanes.ReLU6())
}

/// x for x ≥ 0 and slope·x below, for every element; Keras's default slope is 0.3.
public func leakyReLU(_ x: Tensor, slope: Float = 0.3) -> Tensor {
    x.mappedInLanes(ActivationLanes.LeakyReLU(slope: slope))
}

/// The logistic function 1 / (1 + e⁻ˣ) for every element, with the project's own exp.
public func sigmoid(_ x: Tensor) -> Tensor {
    x.mappedInLanes(ActivationLanes.Sigmoid())
}

/// The hyperbolic tangent of every element, with the project's own implementation.
public func tanh(_ x: Tensor) -> Tensor {
    x.mappedInLanes(ActivationLanes.Tanh())
}

/// The activations as lane functions.
enum ActivationLanes {
    struct ReLU: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { x.replacing(with: 0, where: x .< 0) }
    }

    struct ReLU6: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector {
            x.replacing(with: 0, where: x .< 0).replacing(with: 6, where: x .> 6)
        }
    }

    struct LeakyReLU: LaneFunction {
        let slope: Float
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { x.replacing(with: x * slope, where: x .< 0) }
    }

    struct Sigmoid: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { Transcendentals.sigmoid(x) }
    }

    struct Tanh: LaneFunction {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector) -> Lanes.Vector { Transcendentals.tanh(x) }
    }
}
