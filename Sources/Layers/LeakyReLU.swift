import Autodiff
import Kernels

/// The leaky rectifier: x for x ≥ 0, slope·x below, element by element; the shape is unchanged.
public final class LeakyReLU: ActivationLayer {
    /// The slope for negative inputs.
    public let slope: Float

    /// Creates a leaky rectifier; Keras's default slope is 0.3.
    public init(_ slope: Float = 0.3) {
        self.slope = slope
    }

    public var kind: String { "LeakyReLU" }

    /// `LeakyReLU(0.3)`.
    public var description: String { "LeakyReLU(\(slope))" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable { try leakyReLU(x, slope: slope) }
}
