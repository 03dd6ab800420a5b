import Autodiff
import Kernels

/// Average pooling: the mean of each `size × size` window, per channel; padded positions are left
/// out of the mean (TensorFlow's convention); sizes as in `PoolingLayer`.
public final class AvgPool2D: PoolingLayer {
    /// Creates average pooling over `size × size` windows moved by `stride` (default `size`).
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    public init(_ size: Int, stride: Int? = nil, padding: Padding = .valid) throws {
        try super.init(kind: "AvgPool2D", size: size, stride: stride, padding: padding) { x, size, stride, padding in
            try avgPool2d(x, size: size, stride: stride, padding: padding)
        }
    }
}
