import Autodiff
import Kernels

/// The logistic function 1 / (1 + e^−x), element by element.
public final class Sigmoid: Layer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "Sigmoid" }

    /// `Sigmoid()`.
    public var description: String { "Sigmoid()" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport { ShapeReport(shape: input) }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try sigmoid(x) }
}
