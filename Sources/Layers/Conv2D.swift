import Kernels

/// A 2-D convolution: `filters` kernels of F×F×C_in slide over an image [H, W, C_in] and give [H_out, W_out, filters].
///
/// Weights are [F, F, C_in, filters] (as Keras stores them), the bias [filters]. H_out = (H − F_eff + 2P)/S + 1
/// with F_eff = dilation·(F − 1) + 1; `.same` pads as TensorFlow does.
public final class Conv2D: Layer {
    /// The number of kernels, which is the output depth.
    public let filters: Int
    /// Kernel rows.
    public let kernelHeight: Int
    /// Kernel columns.
    public let kernelWidth: Int
    /// Positions the kernel moves at a time.
    public let stride: Int
    /// How the input's border is padded.
    public let padding: Padding
    /// Spacing between kernel taps (1 for an ordinary convolution).
    public let dilation: Int
    /// Whether the layer adds a bias per filter.
    public let usesBias: Bool
    /// The seed of the weights, or `nil` to take the container's (see `Layer`).
    public let seed: UInt64?

    let window: SlidingWindow
    /// The input depth, once built.
    public private(set) var inputChannels: Int?
    private var effectiveSeed: UInt64 = 0
    private var storedWeights: Tensor?
    private var storedBias: Tensor?

    /// Creates a convolution of `filters` kernels of `kernel × kernel`.
    /// - Throws: `LayersError` when a count is less than 1 or the padding is negative.
    public convenience init(filters: Int, kernel: Int, stride: Int = 1, padding: Padding = .valid,
                            dilation: Int = 1, bias: Bool = true, seed: UInt64? = nil) throws {
        try self.init(filters: filters, kernelHeight: kernel, kernelWidth: kernel, stride: stride,
                      padding: padding, dilation: dilation, bias: bias, seed: seed)
    }

    /// Creates a convolution of `filters` kernels of `kernelHeight × kernelWidth`.
    /// - Throws: `LayersError` when a count is less than 1 or the padding is negative.
    public init(filters: Int, kernelHeight: Int, kernelWidth: Int, stride: Int = 1, padding: Padding = .valid,
                dilation: Int = 1, bias: Bool = true, seed: UInt64? = nil) throws {
        guard filters >= 1 else { throw LayersError("Conv2D", "'filters' must be at least 1, not \(filters)") }
        window = try SlidingWindow(kind: "Conv2D", kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                                   stride: stride, padding: padding, dilation: dilation)
        self.filters = filters
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.usesBias = bias
        self.seed = seed
    }

    public var kind: String { "Conv2D" }

    /// `Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid)`; dilation and bias when not the default.
    public var description: String {
        var text = "Conv2D(filters: \(filters), kernel: \(window.kernelText), stride: \(stride), padding: \(padding)"
        if dilation != 1 { text += ", dilation: \(dilation)" }
        if !usesBias { text += ", bias: false" }
        return text + ")"
    }

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        try checkChannels(input)
        return try window.report(for: input, channels: filters, kind: kind)
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
            try conv2d(x, kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
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
        return output[0] * output[1] * kernelHeight * kernelWidth * input[2] * filters
    }

    /// The kernels [F, F, C_in, filters], drawn He-uniform on first use.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    public var weights: Tensor {
        get throws {
            if let storedWeights { return storedWeights }
            let channels = try builtChannels()
            let drawn = try HeUniform.weights(weightShape(channels), fanIn: kernelHeight * kernelWidth * channels,
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
            && newValue.shape[2] >= 1 && newValue.shape[3] == filters
        guard fits, expected == nil || expected == newValue.shape else {
            let wanted = expected.map { "\($0)" } ?? "[\(kernelHeight), \(kernelWidth), C_in, \(filters)]"
            throw LayersError(kind, "weights must have shape \(wanted) but got \(newValue.shape)")
        }
        inputChannels = newValue.shape[2]
        storedWeights = newValue
    }

    /// The biases [filters], zero until trained or set.
    /// - Throws: `LayersError` when the layer was made with `bias: false`.
    public var bias: Tensor {
        get throws {
            guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
            if let storedBias { return storedBias }
            let zeros = try rethrowingAsLayersError(kind) { try Tensor.zeros([filters]) }
            storedBias = zeros
            return zeros
        }
    }

    /// Replaces the biases.
    /// - Throws: `LayersError` when the shape is not [filters] or the layer has no bias.
    public func setBias(_ newValue: Tensor) throws {
        guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
        guard newValue.shape == [filters] else {
            throw LayersError(kind, "bias must have shape [\(filters)] but got \(newValue.shape)")
        }
        storedBias = newValue
    }

    private func weightShape(_ channels: Int) -> [Int] { [kernelHeight, kernelWidth, channels, filters] }

    private func counts(inputChannels channels: Int) -> ParameterCounts {
        ParameterCounts(trainable: kernelHeight * kernelWidth * channels * filters + (usesBias ? filters : 0))
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
