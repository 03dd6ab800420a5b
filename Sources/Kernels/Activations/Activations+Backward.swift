/// The gradient of `relu`: `outputGradient` where the input is above 0, else 0 (0 at 0 itself, as
/// PyTorch and TensorFlow take it).
/// - Throws: `KernelsError` when the shapes differ.
public func reluGradient(_ outputGradient: Tensor, input: Tensor) throws -> Tensor {
    try activationGradient("reluGradient", outputGradient, input, ActivationGradientLanes.ReLU())
}

/// The gradient of `relu6`: `outputGradient` where the input is strictly between 0 and 6, else 0.
/// - Throws: `KernelsError` when the shapes differ.
public func relu6Gradient(_ outputGradient: Tensor, input: Tensor) throws -> Tensor {
    try activationGradient("relu6Gradient", outputGradient, input, ActivationGradientLanes.ReLU6())
}

/// The gradient of `leakyReLU`: `outputGradient` where the input is above 0, `slope` times it
/// elsewhere (so `slope` at 0, as PyTorch takes it).
/// - Throws: `KernelsError` when the shapes differ.
public func leakyReLUGradient(_ outputGradient: Tensor, input: Tensor, slope: Float = 0.3) throws -> Tensor {
    try activationGradient("leakyReLUGradient", outputGradient, input, ActivationGradientLanes.LeakyReLU(slope: slope))
}

/// The gradient of `sigmoid` from its output y: `outputGradient · (1 − y) · y`.
/// - Throws: `KernelsError` when the shapes differ.
public func sigmoidGradient(_ outputGradient: Tensor, output: Tensor) throws -> Tensor {
    try activationGradient("sigmoidGradient", outputGradient, output, ActivationGradientLanes.Sigmoid(), operand: "output")
}

/// The gradient of `tanh` from its output y: `outputGradient · (1 − y²)`.
/// - Throws: `KernelsError` when the shapes differ.
public func tanhGradient(_ outputGradient: Tensor, output: Tensor) throws -> Tensor {
    try activationGradient("tanhGradient", outputGradient, output, ActivationGradientLanes.Tanh(), operand: "output")
}

private func activationGradient<Function: LaneFunction2>(
    _ operation: String, _ outputGradient: Tensor, _ operand: Tensor, _ function: Function, operand name: String = "input"
) throws -> Tensor {
    guard outputGradient.shape == operand.shape else {
        throw KernelsError(
            "\(operation): the output gradient \(outputGradient.shape) and the \(name) \(operand.shape) must have the same shape")
    }
    // The lanes take (operand, gradient).
    return operand.combinedInLanes(with: outputGradient, function)
}

/// The activations' gradients as lane functions of (input or output, output gradient).
enum ActivationGradientLanes {
    struct ReLU: LaneFunction2 {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector, _ dy: Lanes.Vector) -> Lanes.Vector {
            dy.replacing(with: 0, where: .!(x .> 0))
        }
    }

    struct ReLU6: LaneFunction2 {
        @inline(__always) func callAsFunction(_ x: Lanes.Vector, _ dy: Lanes.Vector) -> Lanes.Vector {
            dy.replacing(with: 0, where: .!((x .> 0) .& (x .< 6)))
        }
    }

    struct LeakyReLU: LaneFunction2 {
        let slope: Float
        @inline(__always) func callAsFunction(_ x: Lanes.Vector, _ dy: Lanes.Vector) -> Lanes.Vector {
            dy.replacing(with: dy * slope, where: .!(x .> 0))
        }
    }

    struct Sigmoid: LaneFunction2 {
        @inline(__always) func callAsFunction(_ y: Lanes.Vector, _ dy: Lanes.Vector) -> Lanes.Vector {
            dy * (1 - y) * y
        }
    }

    struct Tanh: LaneFunction2 {
        @inline(__always) func callAsFunction(_ y: Lanes.Vector, _ dy: Lanes.Vector) -> Lanes.Vector {
            dy * (1 - y * y)
        }
    }
}
