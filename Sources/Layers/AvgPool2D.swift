import Autodiff
import Kernels

/// Average pooling: the mean of each `size × size` window, per channel; [H, W, C] → [H_out, W_out, C].
///
/// Sizes as in `MaxPool2D`; padded positions are left out of the mean (TensorFlow's convention).
public final class AvgPool2D: Layer, PoolingLayer {
    /// The side of the window (its rows, for a rectangular one).
    public let size: Int
    /// The window's columns (`size` for a square window).
    public let width: Int
    let window: SlidingWindow

    /// Whether the mean's divisor counts padding (PyTorch's `count_include_pad=True`) rather
    /// than only the input's own values (TensorFlow's and Keras's rule, the default).
    public let countIncludesPadding: Bool

    /// Creates average pooling over `size × size` windows moved by `stride` (default `size`).
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    public convenience init(_ size: Int, stride: Int? = nil, padding: Padding = .valid, countIncludesPadding: Bool = false,
                            ceilMode: Bool = false) throws {
        try self.init(height: size, width: size, stride: stride.map { PerAxis($0) }, padding: padding, countIncludesPadding: countIncludesPadding,
                      ceilMode: ceilMode)
    }

    /// Creates average pooling over `height × width` windows moved by `stride` (default: the
    /// window's sides), as PyTorch's `MaxPool2d((2, 3), stride=(2, 3))`.
    /// - Throws: `LayersError` when a side or stride is less than 1 or the padding is negative.
    /// `ceilMode` rounds the output size up, as PyTorch's `ceil_mode=True`.
    public init(height: Int, width: Int, stride: PerAxis? = nil, padding: Padding = .valid, countIncludesPadding: Bool = false,
                ceilMode: Bool = false) throws {
        window = try Self.window("AvgPool2D", height: height, width: width, stride: stride, padding: padding,
                                 ceilMode: ceilMode)
        self.size = height
        self.width = width
        self.countIncludesPadding = countIncludesPadding
    }

    public var kind: String { "AvgPool2D" }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        var window = poolWindow
        window.countIncludesPadding = countIncludesPadding
        return try rethrowingAsLayersError(kind) { try avgPool2d(x, window) }
    }
}
