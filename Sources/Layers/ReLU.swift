import Autodiff
import Kernels

/// The rectifier max(0, x), element by element; the shape is unchanged.
public final class ReLU: Layer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "ReLU" }

    /// `ReLU()`.
    public var description: String { "ReLU()" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport { ShapeReport(shape: input) }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try relu(x) }
}
