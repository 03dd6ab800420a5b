import Autodiff
import Kernels

/// Max pooling: the largest value of each `size × size` window, per channel; [H, W, C] → [H_out, W_out, C].
///
/// H_out = (H − size + 2P)/stride + 1; the stride defaults to the size (windows side by side), and
/// padding never wins a maximum.
public final class MaxPool2D: Layer, PoolingLayer {
    /// The side of the window (its rows, for a rectangular one).
    public let size: Int
    /// The window's columns (`size` for a square window).
    public let width: Int
    let window: SlidingWindow

    /// Creates max pooling over `size × size` windows moved by `stride` (default `size`).
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    public convenience init(_ size: Int, stride: Int? = nil, padding: Padding = .valid,
                            ceilMode: Bool = false) throws {
        try self.init(height: size, width: size, stride: stride.map { PerAxis($0) }, padding: padding,
                      ceilMode: ceilMode)
    }

    /// Creates max pooling over `height × width` windows moved by `stride` (default: the
    /// window's sides), as PyTorch's `MaxPool2d((2, 3), stride=(2, 3))`.
    /// - Throws: `LayersError` when a side or stride is less than 1 or the padding is negative.
    /// `ceilMode` rounds the output size up, as PyTorch's `ceil_mode=True`.
    public init(height: Int, width: Int, stride: PerAxis? = nil, padding: Padding = .valid,
                ceilMode: Bool = false) throws {
        window = try Self.window("MaxPool2D", height: height, width: width, stride: stride, padding: padding,
                                 ceilMode: ceilMode)
        self.size = height
        self.width = width
    }

    public var kind: String { "MaxPool2D" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        try rethrowingAsLayersError(kind) { try maxPool2d(x, poolWindow) }
    }
}
