import Autodiff
import Kernels

/// A 2-D convolution: `filters` kernels of F×F×C_in slide over an image [H, W, C_in] and give [H_out, W_out, filters].
///
/// Weights are [F, F, C_in, filters] (as Keras stores them), the bias [filters]. H_out = (H − F_eff + 2P)/S + 1
/// with F_eff = dilation·(F − 1) + 1; `.same` pads as TensorFlow does.
public final class Conv2D: Layer, ConvolutionLayer {
    /// The number of kernels, which is the output depth.
    public let filters: Int
    let window: SlidingWindow
    var state: WeightState
    /// The input depth, once built.
    public var inputChannels: Int? { state.input }

    /// Creates a convolution of `filters` kernels of `kernel × kernel`.
    /// - Throws: `LayersError` when a count is less than 1 or the padding is negative.
    public convenience init(filters: Int, kernel: Int, stride: PerAxis = 1, padding: Padding = .valid,
                            dilation: PerAxis = 1, bias: Bool = true, seed: UInt64? = nil) throws {
        try self.init(filters: filters, kernelHeight: kernel, kernelWidth: kernel, stride: stride,
                      padding: padding, dilation: dilation, bias: bias, seed: seed)
    }

    /// Creates a convolution of `filters` kernels of `kernelHeight × kernelWidth`.
    /// - Throws: `LayersError` when a count is less than 1 or the padding is negative.
    public init(filters: Int, kernelHeight: Int, kernelWidth: Int, stride: PerAxis = 1, padding: Padding = .valid,
                dilation: PerAxis = 1, bias: Bool = true, seed: UInt64? = nil) throws {
        guard filters >= 1 else { throw LayersError("Conv2D", "'filters' must be at least 1, not \(filters)") }
        window = try SlidingWindow(kind: "Conv2D", kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                                   stride: stride, padding: padding, dilation: dilation)
        self.filters = filters
        state = WeightState(usesBias: bias, givenSeed: seed)
    }

    public var kind: String { "Conv2D" }

    /// `Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid)`; dilation and bias when not the default.
    public var description: String { description(leading: "filters: \(filters), ", trailing: "") }

    var kernelCount: Int { filters }

    func outputChannels(_ channels: Int) -> Int { filters }

    func apply(_ x: Variable, _ kernel: Variable, bias: Variable?) throws -> Variable {
        try conv2d(x, kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
    }

    /// The kernels [F, F, C_in, filters], drawn He-uniform on first use.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    public var weights: Tensor {
        get throws { try lazyWeights(fanIn: { kernelHeight * kernelWidth * $0 }) }
    }

    /// Replaces the kernels; on a layer not yet built, their depth fixes the input depth.
    /// - Throws: `LayersError` naming the expected and the given shape when they differ.
    public func setWeights(_ newValue: Tensor) throws {
        try replaceWeights(newValue, depthName: "C_in")
    }

    /// The biases [filters], zero until trained or set.
    /// - Throws: `LayersError` when the layer was made with `bias: false`.
    public var bias: Tensor {
        get throws { try lazyBias(count: { filters }) }
    }

    /// Replaces the biases.
    /// - Throws: `LayersError` when the shape is not [filters] or the layer has no bias.
    public func setBias(_ newValue: Tensor) throws {
        try replaceBias(newValue, count: { filters })
    }
}
