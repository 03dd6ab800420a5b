import Kernels

/// Max pooling: the largest value of each `size × size` window, per channel; [H, W, C] → [H_out, W_out, C].
///
/// H_out = (H − size + 2P)/stride + 1; the stride defaults to the size (windows side by side).
public final class MaxPool2D: Layer {
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
        window = try SlidingWindow(kind: "MaxPool2D", kernelHeight: size, kernelWidth: size,
                                   stride: stride ?? size, padding: padding, dilation: 1, window: .pool)
        self.size = size
        self.stride = stride ?? size
        self.padding = padding
    }

    public var kind: String { "MaxPool2D" }

    /// `MaxPool2D(2×2, stride: 2)`, with the padding when not valid.
    public var description: String { poolDescription(kind, window) }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        return try window.report(for: input, channels: input[2], kind: kind)
    }

    public func forward(_ x: Tensor, batched: Bool) throws -> Tensor {
        try rethrowingAsLayersError(kind) { try maxPool2d(x, size: size, stride: stride, padding: padding) }
    }

    public var receptiveFieldStep: ReceptiveFieldStep { window.step }
}

/// "MaxPool2D(2×2, stride: 2)" or "AvgPool2D(3×3, stride: 1, padding: same)".
func poolDescription(_ kind: String, _ window: SlidingWindow) -> String {
    let padding = window.padding == .valid ? "" : ", padding: \(window.padding)"
    return "\(kind)(\(window.kernelText), stride: \(window.stride)\(padding))"
}
