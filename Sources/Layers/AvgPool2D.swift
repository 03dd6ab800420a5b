import Autodiff
import Kernels

/// Average pooling: the mean of each `size × size` window, per channel; [H, W, C] → [H_out, W_out, C].
///
/// Sizes as in `MaxPool2D`; padded positions are left out of the mean (TensorFlow's convention).
public final class AvgPool2D: Layer, PoolingLayer {
    /// The side of the window.
    public let size: Int
    /// Positions the window moves at a time.
    public let stride: Int
    /// How the input's border is padded.
    public let padding: Padding
    let window: SlidingWindow

    /// Creates average pooling over `size × size` windows moved by `stride` (default `size`).
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    public init(_ size: Int, stride: Int? = nil, padding: Padding = .valid) throws {
        window = try Self.window("AvgPool2D", size: size, stride: stride, padding: padding)
        self.size = size
        self.stride = window.stride
        self.padding = padding
    }

    public var kind: String { "AvgPool2D" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        try rethrowingAsLayersError(kind) { try avgPool2d(x, size: size, stride: stride, padding: padding) }
    }
}
