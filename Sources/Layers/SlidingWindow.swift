import Kernels

/// The window a convolution or pooling layer slides over an image, checked once when the layer is made.
struct SlidingWindow: Sendable, Hashable {
    var kernelHeight: Int
    var kernelWidth: Int
    var stride: PerAxis
    var padding: Padding
    var dilation: PerAxis
    /// Whether messages call it a kernel or a (pooling) window.
    var window: ConvGeometry.Window
    /// Whether the output size rounds up (PyTorch's `ceil_mode`).
    var roundsUp = false
}

extension SlidingWindow {
    /// Checks the arguments as a layer of `kind` received them.
    init(kind: String, kernelHeight: Int, kernelWidth: Int, stride: PerAxis, padding: Padding, dilation: PerAxis,
         window: ConvGeometry.Window = .kernel) throws {
        for (name, value) in [("kernel", Swift.min(kernelHeight, kernelWidth)),
                              ("stride", Swift.min(stride.height, stride.width)),
                              ("dilation", Swift.min(dilation.height, dilation.width))]
        where value < 1 {
            throw LayersError(kind, "'\(name)' must be at least 1, not \(value)")
        }
        if let sides = padding.explicitSides, let amount = [sides.top, sides.bottom, sides.left, sides.right].min(),
           amount < 0 {
            throw LayersError(kind, "'padding' must be 0 or more, not \(amount)")
        }
        self.init(kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, padding: padding,
                  dilation: dilation, window: window)
    }

    /// The output size and paddings for an image [height, width, channels]; the layer's own checks
    /// (rank, channels) come first.
    func geometry(for input: [Int], kind: String) throws -> ConvGeometry {
        try rethrowingAsLayersError(kind) {
            try ConvGeometry(inputHeight: input[0], inputWidth: input[1], kernelHeight: kernelHeight,
                             kernelWidth: kernelWidth, strideHeight: stride.height, strideWidth: stride.width,
                             padding: padding, dilationHeight: dilation.height, dilationWidth: dilation.width,
                             window: window, roundsUp: roundsUp)
        }
    }

    /// The output's height and width with the geometry's warnings, attributed to `kind`.
    func report(for input: [Int], channels: Int, kind: String) throws -> ShapeReport {
        let geometry = try geometry(for: input, kind: kind)
        return ShapeReport(shape: [geometry.outputHeight, geometry.outputWidth, channels],
                           warnings: geometry.warnings.map { ShapeWarning(kind, $0) })
    }

    /// The window as a receptive-field step.
    var step: ReceptiveFieldStep {
        .window(kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, dilation: dilation)
    }

    /// "3×3".
    var kernelText: String { "\(kernelHeight)×\(kernelWidth)" }

    /// Checks that `input` is one image [height, width, channels].
    static func requireImage(_ input: [Int], kind: String) throws {
        guard input.count == 3 else {
            let hint = input.count == 4 ? ": shapes here leave out the batch axis" : ""
            throw LayersError(kind, "expects an image [height, width, channels] but got \(input)\(hint)")
        }
    }
}
