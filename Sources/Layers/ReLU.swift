import Autodiff
import Kernels

/// The rectifier max(0, x), element by element; the shape is unchanged.
public final class ReLU: ActivationLayer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "ReLU" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try relu(x) }
}
