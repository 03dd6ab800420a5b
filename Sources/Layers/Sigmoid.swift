import Autodiff
import Kernels

/// The logistic function 1 / (1 + e^−x), element by element.
public final class Sigmoid: ActivationLayer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "Sigmoid" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try sigmoid(x) }
}
