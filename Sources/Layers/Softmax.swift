import Autodiff
import Kernels

/// Softmax along the last axis: e^x_i / Σ_j e^x_j, so each row is positive and sums to 1.
public final class Softmax: ActivationLayer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "Softmax" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        guard !input.isEmpty else { throw LayersError(kind, "needs an axis to normalise, but got a scalar []") }
        return ShapeReport(shape: input)
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        try rethrowingAsLayersError(kind) { try softmax(x) }
    }
}
