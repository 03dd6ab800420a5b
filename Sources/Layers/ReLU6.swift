import Autodiff
import Kernels

/// The rectifier capped at 6, min(max(0, x), 6), element by element (MobileNet's activation).
public final class ReLU6: ActivationLayer {
    /// Creates the activation.
    public init() {}

    public var kind: String { "ReLU6" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try relu6(x) }
}
