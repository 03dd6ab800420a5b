import Autodiff
import Kernels

/// Dropout: in training it zeroes a fraction `rate` of the values and scales the others by
/// 1/(1 − rate) (inverted dropout, as Keras and PyTorch), with the pass's seeded mask; at inference
/// it is the identity.
public final class Dropout: Layer {
    /// The fraction of values dropped in training.
    public let rate: Float

    /// Creates dropout of `rate`.
    /// - Throws: `LayersError` when the rate is not in 0..<1.
    public init(_ rate: Float) throws {
        guard rate >= 0 && rate < 1 else {
            throw LayersError("Dropout", "'rate' must be at least 0 and less than 1, not \(rate)")
        }
        self.rate = rate
    }

    public var kind: String { "Dropout" }

    /// `Dropout(0.5)`.
    public var description: String { "Dropout(\(rate))" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport { ShapeReport(shape: input) }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        guard pass.training, rate > 0 else { return x }
        return try dropout(x, rate: rate, seed: pass.nextDropoutSeed())
    }
}
