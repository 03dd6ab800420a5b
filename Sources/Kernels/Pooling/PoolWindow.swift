/// A pooling window: its sides, the steps between windows, the padding, and whether an average
/// counts the padding.
///
/// `PoolWindow(size: 2)` is the 2×2 window moved by 2; `PoolWindow(height: 2, width: 3,
/// strideHeight: 2, strideWidth: 3, padding: .sides(top: 0, bottom: 0, left: 1, right: 1))` is
/// PyTorch's `MaxPool2d((2, 3), stride=(2, 3), padding=(0, 1))`.
public struct PoolWindow: Sendable, Hashable {
    /// Window rows.
    public var height: Int
    /// Window columns.
    public var width: Int
    /// Rows between the tops of neighbouring windows.
    public var strideHeight: Int
    /// Columns between the left sides of neighbouring windows.
    public var strideWidth: Int
    /// The zeros around the input.
    public var padding: Padding
    /// For an average: whether padding counts in the divisor (PyTorch's `count_include_pad=True`,
    /// its default) rather than only the input's own values (TensorFlow's and Keras's rule, the
    /// default here). Padding beyond the explicit sides (`.same`'s) counts as PyTorch counts it.
    public var countIncludesPadding: Bool
    /// Whether the output size rounds up (PyTorch's `ceil_mode=True`): a last window that starts
    /// inside the input but reaches past it is kept (see `ConvGeometry`).
    public var ceilMode: Bool

    /// A `height`×`width` window moved by `strideHeight` rows and `strideWidth` columns.
    public init(height: Int, width: Int, strideHeight: Int, strideWidth: Int, padding: Padding = .valid,
                countIncludesPadding: Bool = false, ceilMode: Bool = false) {
        (self.height, self.width, self.strideHeight, self.strideWidth) = (height, width, strideHeight, strideWidth)
        self.padding = padding
        self.countIncludesPadding = countIncludesPadding
        self.ceilMode = ceilMode
    }

    /// A `size`×`size` window moved by `stride` (by `size` when nil) along both axes.
    public init(size: Int, stride: Int? = nil, padding: Padding = .valid, countIncludesPadding: Bool = false) {
        self.init(height: size, width: size, strideHeight: stride ?? size, strideWidth: stride ?? size,
                  padding: padding, countIncludesPadding: countIncludesPadding)
    }

    /// "2×3" for the messages.
    var sides: String { "\(height)×\(width)" }
}
