import Autodiff
import Kernels

/// Max pooling: the largest value of each `size × size` window, per channel (padding never wins
/// a maximum); sizes as in `PoolingLayer`.
public final class MaxPool2D: PoolingLayer {
    /// Creates max pooling over `size × size` windows moved by `stride` (default `size`).
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    public init(_ size: Int, stride: Int? = nil, padding: Padding = .valid) throws {
        try super.init(kind: "MaxPool2D", size: size, stride: stride, padding: padding) { x, size, stride, padding in
            try maxPool2d(x, size: size, stride: stride, padding: padding)
        }
    }
}
