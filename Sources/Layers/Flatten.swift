import Autodiff
import Kernels

/// Flattening: one example of any shape becomes a vector of all its values in row-major order.
///
/// On its own, a 4-D input is taken as a batch of images [n, H, W, C] → [n, H·W·C]; in a model the
/// model's input shape decides what the batch axis is.
public final class Flatten: SettinglessLayer {
    /// Creates a flattening layer.
    public init() {}

    public var kind: String { "Flatten" }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        ShapeReport(shape: [input.reduce(1, *)])
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        guard batched else { return try Autodiff.flatten(x) }
        return try rethrowingAsLayersError(kind) { try x.reshaped([x.shape[0], -1]) }
    }
}
