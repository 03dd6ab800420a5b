import Autodiff
import Kernels

/// What `Conv2D` and `DepthwiseConv2D` share: a window slid over an image, an input depth fixed when the
/// layer is built, and kernels [F_h, F_w, C_in, kernelCount] and biases made on first use.
protocol ConvolutionLayer: WeightedLayer, SlidingWindowLayer {
    /// The kernels' last axis: the filters of a convolution, the kernels per channel of a depthwise one.
    var kernelCount: Int { get }

    /// The output depth for an input depth of `channels`.
    func outputChannels(_ channels: Int) -> Int
}

extension ConvolutionLayer {
    /// `kind(<leading>kernel: 3×3, stride: 1, padding: same<trailing>)`, with dilation and bias when not the default.
    func description(leading: String, trailing: String) -> String {
        var text = "\(kind)(\(leading)kernel: \(window.kernelText), stride: \(window.stride), padding: \(window.padding)"
        text += trailing
        if window.dilation != 1 { text += ", dilation: \(window.dilation)" }
        if !usesBias { text += ", bias: false" }
        return text + ")"
    }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        try checkChannels(input)
        return try window.report(for: input, channels: outputChannels(input[2]), kind: kind)
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        try checkChannels(input)
        fixInput(input[2], defaultSeed: defaultSeed)
    }

    public var parameterCounts: ParameterCounts {
        get throws { counts(inputChannels: try builtChannels()) }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        try SlidingWindow.requireImage(input, kind: kind)
        try checkChannels(input)
        return counts(inputChannels: input[2])
    }

    public func multiplyAdds(for input: [Int]) throws -> Int {
        let output = try shapeReport(for: input).shape
        // Each output position takes one multiply-add per kernel weight.
        return output[0] * output[1] * kernelHeight * kernelWidth * input[2] * kernelCount
    }

    /// The kernels, drawn He-uniform with `fanIn(channels)` on first use.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    func lazyWeights(fanIn: (Int) -> Int) throws -> Tensor {
        if let weights = state.weights { return weights }
        let channels = try builtChannels()
        let drawn = try HeUniform.weights(weightShape(channels), fanIn: fanIn(channels), seed: state.seed, kind: kind)
        state.weights = drawn
        return drawn
    }

    /// Replaces the kernels, whose input depth messages call `depthName` while it is unknown; on a layer
    /// not yet built, their depth fixes the input depth.
    func replaceWeights(_ newValue: Tensor, depthName: String) throws {
        let expected = state.input.map { weightShape($0) }
        let fits = newValue.rank == 4 && newValue.shape[0] == kernelHeight && newValue.shape[1] == kernelWidth
            && newValue.shape[2] >= 1 && newValue.shape[3] == kernelCount
        guard fits, expected == nil || expected == newValue.shape else {
            let wanted = expected.map { "\($0)" } ?? "[\(kernelHeight), \(kernelWidth), \(depthName), \(kernelCount)]"
            throw LayersError(kind, "weights must have shape \(wanted) but got \(newValue.shape)")
        }
        state.input = newValue.shape[2]
        state.weights = newValue
    }

    /// The input depth of the built layer.
    func builtChannels() throws -> Int {
        guard let channels = state.input else { throw LayersError.unbuilt(kind) }
        return channels
    }

    private func weightShape(_ channels: Int) -> [Int] { [kernelHeight, kernelWidth, channels, kernelCount] }

    private func counts(inputChannels channels: Int) -> ParameterCounts {
        ParameterCounts(trainable: kernelHeight * kernelWidth * channels * kernelCount
                        + (usesBias ? outputChannels(channels) : 0))
    }

    private func checkChannels(_ input: [Int]) throws {
        if let inputChannels = state.input, input.count == 3, input[2] != inputChannels {
            throw LayersError(kind, "its weights \(weightShape(inputChannels)) expect \(inputChannels) input "
                              + "channels but the input \(input) has \(input[2])")
        }
    }
}
