import Autodiff
import Kernels

/// What `MaxPool2D` and `AvgPool2D` share: a `size × size` window slid over each channel of an
/// image, [H, W, C] → [H_out, W_out, C], with H_out = (H − size + 2P)/stride + 1; the stride
/// defaults to the size (windows side by side). Each kind differs only in what it makes of a window.
public class PoolingLayer: Layer {
    /// The side of the window.
    public let size: Int
    /// Positions the window moves at a time.
    public let stride: Int
    /// How the input's border is padded.
    public let padding: Padding
    public let kind: String
    let window: SlidingWindow
    /// The functional op of this kind, on a window's size, stride and padding.
    private let operation: (Variable, Int, Int, Padding) throws -> Variable

    /// A pooling layer of `kind`.
    /// - Throws: `LayersError` when the size or stride is less than 1 or the padding is negative.
    init(kind: String, size: Int, stride: Int?, padding: Padding,
         operation: @escaping (Variable, Int, Int, Padding) throws -> Variable) throws {
        window = try SlidingWindow(kind: kind, kernelHeight: size, kernelWidth: size, stride: stride ?? size,
                                   padding: padding, dilation: 1, window: .pool)
        self.kind = kind
        self.size = size
        self.stride = window.stride
        self.padding = padding
        self.operation = operation
    }

    /// "MaxPool2D(2×2, stride: 2)" or "AvgPool2D(3×3, stride: 1, padding: same)": the padding when not valid.
    public var description: String {
        let padding = window.padding == .valid ? "" : ", padding: \(window.padding)"
        return "\(kind)(\(window.kernelText), stride: \(window.stride)\(padding))"
    }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        return try window.report(for: input, channels: input[2], kind: kind)
    }

    public var receptiveFieldStep: ReceptiveFieldStep { window.step }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        try rethrowingAsLayersError(kind) { try operation(x, size, stride, padding) }
    }
}
