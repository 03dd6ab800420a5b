import Autodiff
import Kernels

/// The hyperbolic tangent, element by element.
public final class Tanh: ActivationLayer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "Tanh" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try Autodiff.tanh(x) }
}
