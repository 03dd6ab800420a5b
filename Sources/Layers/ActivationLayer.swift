/// What the element-wise activations share: one example's shape passes through unchanged, and a
/// layer without settings describes itself as the call that makes it (`ReLU()`).
public protocol ActivationLayer: SettinglessLayer {}

extension ActivationLayer {
    public func shapeReport(for input: [Int]) throws -> ShapeReport { ShapeReport(shape: input) }
}

/// A layer made by a call without arguments (`Flatten()`, `ReLU()`), which describes itself as that call.
public protocol SettinglessLayer: Layer {}

extension SettinglessLayer {
    /// `ReLU()`: the layer as the call that makes it.
    public var description: String { "\(kind)()" }
}
