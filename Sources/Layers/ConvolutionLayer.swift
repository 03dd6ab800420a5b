import Autodiff
import Kernels

/// What `Conv2D` and `DepthwiseConv2D` share: a window slid over an image, an input depth fixed when the
/// layer is built, and kernels [F_h, F_w, C_in, kernelCount] and biases made on first use.
protocol ConvolutionLayer: Layer {
    var kernelHeight: Int { get }
    var kernelWidth: Int { get }
    var usesBias: Bool { get }
    var seed: UInt64? { get }
    /// The window, checked when the layer was made.
    var window: SlidingWindow { get }
    /// The kernels' last axis: the filters of a convolution, the kernels per channel of a depthwise one.
    var kernelCount: Int { get }
    /// The input depth, once built.
    var inputChannels: Int? { get set }
    /// The seed the weights are drawn with: `seed`, or the container's.
    var effectiveSeed: UInt64 { get set }
    /// The kernels and the biases, once drawn or set.
    var storedWeights: Tensor? { get set }
    var storedBias: Tensor? { get set }
    /// The kernels and the biases, made on first use.
    var weights: Tensor { get throws }
    var bias: Tensor { get throws }

    /// The output depth for an input depth of `channels`.
    func outputChannels(_ channels: Int) -> Int

    /// The layer's kernel function on `x` with these weights.
    func convolve(_ x: Variable, _ kernel: Variable, bias: Variable?) throws -> Variable

    /// Replaces the kernels, checking the shape.
    func setWeights(_ newValue: Tensor) throws
    /// Replaces the biases, checking the shape.
    func setBias(_ newValue: Tensor) throws
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

    public var exampleRank: Int? { 3 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        try SlidingWindow.requireImage(input, kind: kind)
        try checkChannels(input)
        return try window.report(for: input, channels: outputChannels(input[2]), kind: kind)
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        try checkChannels(input)
        if inputChannels == nil {
            inputChannels = input[2]
            effectiveSeed = seed ?? defaultSeed
        }
    }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        let parameters = try self.parameters
        let kernel = try pass.value(of: parameters[0])
        let bias = usesBias ? try pass.value(of: parameters[1]) : nil
        return try rethrowingAsLayersError(kind) { try convolve(x, kernel, bias: bias) }
    }

    /// The kernels, then the biases when the layer has them.
    public var parameters: [Parameter] {
        get throws {
            _ = try builtChannels()
            let weights = Parameter(self, "weights", read: { try self.weights }, write: { try self.setWeights($0) })
            guard usesBias else { return [weights] }
            return [weights, Parameter(self, "bias", read: { try self.bias }, write: { try self.setBias($0) })]
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
        // Each output position takes one multiply-add per kernel weight.
        return output[0] * output[1] * kernelHeight * kernelWidth * input[2] * kernelCount
    }

    /// The kernels, drawn He-uniform with `fanIn(channels)` on first use.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    func lazyWeights(fanIn: (Int) -> Int) throws -> Tensor {
        if let storedWeights { return storedWeights }
        let channels = try builtChannels()
        let drawn = try HeUniform.weights(weightShape(channels), fanIn: fanIn(channels), seed: effectiveSeed, kind: kind)
        storedWeights = drawn
        return drawn
    }

    /// Replaces the kernels, whose input depth messages call `depthName` while it is unknown; on a layer
    /// not yet built, their depth fixes the input depth.
    func replaceWeights(_ newValue: Tensor, depthName: String) throws {
        let expected = inputChannels.map { weightShape($0) }
        let fits = newValue.rank == 4 && newValue.shape[0] == kernelHeight && newValue.shape[1] == kernelWidth
            && newValue.shape[2] >= 1 && newValue.shape[3] == kernelCount
        guard fits, expected == nil || expected == newValue.shape else {
            let wanted = expected.map { "\($0)" } ?? "[\(kernelHeight), \(kernelWidth), \(depthName), \(kernelCount)]"
            throw LayersError(kind, "weights must have shape \(wanted) but got \(newValue.shape)")
        }
        inputChannels = newValue.shape[2]
        storedWeights = newValue
    }

    /// The biases, zeros of [count()] until set.
    /// - Throws: `LayersError` when the layer has no bias, or what `count` throws.
    func lazyBias(count: () throws -> Int) throws -> Tensor {
        try requireBias()
        if let storedBias { return storedBias }
        let count = try count()
        let zeros = try rethrowingAsLayersError(kind) { try Tensor.zeros([count]) }
        storedBias = zeros
        return zeros
    }

    /// Replaces the biases, which must be [count()].
    func replaceBias(_ newValue: Tensor, count: () throws -> Int) throws {
        try requireBias()
        let count = try count()
        guard newValue.shape == [count] else {
            throw LayersError(kind, "bias must have shape [\(count)] but got \(newValue.shape)")
        }
        storedBias = newValue
    }

    /// The input depth of the built layer.
    func builtChannels() throws -> Int {
        guard let inputChannels else { throw LayersError.unbuilt(kind) }
        return inputChannels
    }

    private func weightShape(_ channels: Int) -> [Int] { [kernelHeight, kernelWidth, channels, kernelCount] }

    private func counts(inputChannels channels: Int) -> ParameterCounts {
        ParameterCounts(trainable: kernelHeight * kernelWidth * channels * kernelCount
                        + (usesBias ? outputChannels(channels) : 0))
    }

    private func requireBias() throws {
        guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
    }

    private func checkChannels(_ input: [Int]) throws {
        if let inputChannels, input.count == 3, input[2] != inputChannels {
            throw LayersError(kind, "its weights \(weightShape(inputChannels)) expect \(inputChannels) input "
                              + "channels but the input \(input) has \(input[2])")
        }
    }
}
