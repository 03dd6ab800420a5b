import Kernels

/// A depthwise convolution: each input channel gets its own `depthMultiplier` kernels of F×F, so an
/// image [H, W, C] gives [H_out, W_out, C·depthMultiplier] with no mixing across channels.
///
/// Weights are [F, F, C, depthMultiplier] (as Keras stores them), the bias [C·depthMultiplier]; output
/// channel c·depthMultiplier + m comes from input channel c and kernel m. Sizes as in `Conv2D`.
public final class DepthwiseConv2D: Layer {
    /// Kernel rows.
    public let kernelHeight: Int
    /// Kernel columns.
    public let kernelWidth: Int
    /// Positions the kernel moves at a time.
    public let stride: Int
    /// How the input's border is padded.
    public let padding: Padding
    /// Spacing between kernel taps.
    public let dilation: Int
    /// Kernels per input channel.
    public let depthMultiplier: Int
    /// Whether the layer adds a bias per output channel.
    public let usesBias: Bool
    /// The seed of the weights, or `nil` to take the container's (see `Layer`).
    public let seed: UInt64?

    let window: SlidingWindow
    /// The input depth, once built.
    public private(set) var inputChannels: Int?
    private var effectiveSeed: UInt64 = 0
    private var storedWeights: Tensor?
    private var storedBias: Tensor?

    /// Creates a depthwise convolution of `kernel × kernel` with `depthMultiplier` kernels per channel.
    /// - Throws: `LayersError` when a count is less than 1 or the padding is negative.
    public init(kernel: Int, stride: Int = 1, padding: Padding = .valid, depthMultiplier: Int = 1,
                dilation: Int = 1, bias: Bool = true, seed: UInt64? = nil) throws {
        guard depthMultiplier >= 1 else {
            throw LayersError("DepthwiseConv2D", "'depthMultiplier' must be at least 1, not \(depthMultiplier)")
        }
        window = try SlidingWindow(kind: "DepthwiseConv2D", kernelHeight: kernel, kernelWidth: kernel,
                                   stride: stride, padding: padding, dilation: dilation)
        self.kernelHeight = kernel
        self.kernelWidth = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.depthMultiplier = depthMultiplier
        self.usesBias = bias
        self.seed = seed
    }

    public var kind: String { "DepthwiseConv2D" }

    /// `DepthwiseConv2D(kernel: 3×3, stride: 1, padding: same)`; the rest when not the default.
    public var description: String {
        var text = "DepthwiseConv2D(kernel: \(window.kernelText), stride: \(stride), padding: \(padding)"
        if depthMultiplier != 1 { text += ", depthMultiplier: \(depthMultiplier)" }
        if dilation != 1 { text += ", dilation: \(dilation)" }
        if !usesBias { text += ", bias: false" }
        return text + ")"
    }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        try checkChannels(input)
        return try window.report(for: input, channels: input[2] * depthMultiplier, kind: kind)
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        try checkChannels(input)
        if inputChannels == nil {
            inputChannels = input[2]
            effectiveSeed = seed ?? defaultSeed
        }
    }

    public func forward(_ x: Tensor, batched: Bool) throws -> Tensor {
        let kernel = try weights
        let bias = usesBias ? try self.bias : nil
        return try rethrowingAsLayersError(kind) {
            try depthwiseConv2d(x, kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
        }
    }

    public var parameterCounts: ParameterCounts {
        get throws { counts(inputChannels: try builtChannels()) }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        try SlidingWindow.requireImage(input, kind: kind)
        try checkChannels(input)
        return counts(inputChannels: input[2])
    }

    public var receptiveFieldStep: ReceptiveFieldStep { window.step }

    public func multiplyAdds(for input: [Int]) throws -> Int {
        let output = try shapeReport(for: input).shape
        return output[0] * output[1] * kernelHeight * kernelWidth * output[2]
    }

    /// The kernels [F, F, C, depthMultiplier], drawn He-uniform on first use with fan-in F·F (each output
    /// sees one channel, as PyTorch counts a grouped convolution's fan-in).
    /// - Throws: `LayersError` when the layer has no input depth yet.
    public var weights: Tensor {
        get throws {
            if let storedWeights { return storedWeights }
            let channels = try builtChannels()
            let drawn = try HeUniform.weights(weightShape(channels), fanIn: kernelHeight * kernelWidth,
                                              seed: effectiveSeed, kind: kind)
            storedWeights = drawn
            return drawn
        }
    }

    /// Replaces the kernels; on a layer not yet built, their depth fixes the input depth.
    /// - Throws: `LayersError` naming the expected and the given shape when they differ.
    public func setWeights(_ newValue: Tensor) throws {
        let expected = inputChannels.map { weightShape($0) }
        let fits = newValue.rank == 4 && newValue.shape[0] == kernelHeight && newValue.shape[1] == kernelWidth
            && newValue.shape[2] >= 1 && newValue.shape[3] == depthMultiplier
        guard fits, expected == nil || expected == newValue.shape else {
            let wanted = expected.map { "\($0)" } ?? "[\(kernelHeight), \(kernelWidth), C, \(depthMultiplier)]"
            throw LayersError(kind, "weights must have shape \(wanted) but got \(newValue.shape)")
        }
        inputChannels = newValue.shape[2]
        storedWeights = newValue
    }

    /// The biases [C·depthMultiplier], zero until trained or set.
    /// - Throws: `LayersError` when the layer has no bias or no input depth yet.
    public var bias: Tensor {
        get throws {
            guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
            if let storedBias { return storedBias }
            let channels = try builtChannels()
            let zeros = try rethrowingAsLayersError(kind) { try Tensor.zeros([channels * depthMultiplier]) }
            storedBias = zeros
            return zeros
        }
    }

    /// Replaces the biases.
    /// - Throws: `LayersError` when the shape is not [C·depthMultiplier] or the layer has no bias.
    public func setBias(_ newValue: Tensor) throws {
        guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
        let channels = try builtChannels()
        guard newValue.shape == [channels * depthMultiplier] else {
            throw LayersError(kind, "bias must have shape [\(channels * depthMultiplier)] but got \(newValue.shape)")
        }
        storedBias = newValue
    }

    private func weightShape(_ channels: Int) -> [Int] { [kernelHeight, kernelWidth, channels, depthMultiplier] }

    private func counts(inputChannels channels: Int) -> ParameterCounts {
        let outputs = channels * depthMultiplier
        return ParameterCounts(trainable: kernelHeight * kernelWidth * outputs + (usesBias ? outputs : 0))
    }

    private func builtChannels() throws -> Int {
        guard let inputChannels else { throw LayersError.unbuilt(kind) }
        return inputChannels
    }

    private func checkChannels(_ input: [Int]) throws {
        if let inputChannels, input.count == 3, input[2] != inputChannels {
            throw LayersError(kind, "its weights \(weightShape(inputChannels)) expect \(inputChannels) input "
                              + "channels but the input \(input) has \(input[2])")
        }
    }
}
