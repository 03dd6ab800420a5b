import Autodiff
import Kernels

/// Max pooling: the largest value of each `size × size` window, per channel; [H, W, C] → [H_out, W_out, C].
///
/// H_out = (H − size + 2P)/stride + 1; the stride defaults to the size (windows side by side).
public final class MaxPool2D: Layer, PoolingLayer {
    /// The side of the window.
    public let size: Int
    /// Positions the window moves at a time.
    public let stride: Int
    /// How the input's border is padded (padding never wins a maximum).
    public let padding: Padding
    let window: SlidingWindow

    /// Creates max pooling over `size × size` windows moved by `stride` (default `size`).
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    public init(_ size: Int, stride: Int? = nil, padding: Padding = .valid) throws {
        window = try Self.window("MaxPool2D", size: size, stride: stride, padding: padding)
        self.size = size
        self.stride = window.stride
        self.padding = padding
    }

    public var kind: String { "MaxPool2D" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        try rethrowingAsLayersError(kind) { try maxPool2d(x, size: size, stride: stride, padding: padding) }
    }
}
