/// What the element-wise activations share: one example's shape passes through unchanged, and a
/// layer without settings describes itself as the call that makes it (`ReLU()`).
public protocol ActivationLayer: Layer {}

extension ActivationLayer {
    /// `ReLU()`: the layer as the call that makes it.
    public var description: String { "\(kind)()" }

    public func shapeReport(for input: [Int]) throws -> ShapeReport { ShapeReport(shape: input) }
}
