import Autodiff
import Kernels

/// The hyperbolic tangent, element by element.
public final class Tanh: Layer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "Tanh" }

    /// `Tanh()`.
    public var description: String { "Tanh()" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport { ShapeReport(shape: input) }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try Autodiff.tanh(x) }
}
