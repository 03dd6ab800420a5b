import Kernels

/// What `MaxPool2D` and `AvgPool2D` share: a window slid over each channel of an image.
protocol PoolingLayer: SlidingWindowLayer {}

extension PoolingLayer {
    /// The checked window of a pooling layer of `kind`: `height × width`, moved by `stride`
    /// (default: the window's sides).
    static func window(_ kind: String, height: Int, width: Int, stride: PerAxis?, padding: Padding,
                       ceilMode: Bool) throws -> SlidingWindow {
        var window = try SlidingWindow(kind: kind, kernelHeight: height, kernelWidth: width,
                                       stride: stride ?? PerAxis(height: height, width: width), padding: padding,
                                       dilation: 1, window: .pool)
        window.roundsUp = ceilMode
        return window
    }

    /// The window as the pooling kernels take it.
    var poolWindow: PoolWindow {
        PoolWindow(height: window.kernelHeight, width: window.kernelWidth, strideHeight: window.stride.height,
                   strideWidth: window.stride.width, padding: window.padding, ceilMode: window.roundsUp)
    }

    /// "MaxPool2D(2×2, stride: 2)" or "AvgPool2D(3×3, stride: 1, padding: same)": the padding when not valid.
    public var description: String {
        let padding = window.padding == .valid ? "" : ", padding: \(window.padding)"
        return "\(kind)(\(window.kernelText), stride: \(window.stride)\(padding)\(window.roundsUp ? ", ceilMode: true" : ""))"
    }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        return try window.report(for: input, channels: input[2], kind: kind)
    }

}
