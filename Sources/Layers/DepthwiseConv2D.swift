import Autodiff
import Kernels

/// A depthwise convolution: each input channel gets its own `depthMultiplier` kernels of F×F, so an
/// image [H, W, C] gives [H_out, W_out, C·depthMultiplier] with no mixing across channels.
///
/// Weights are [F, F, C, depthMultiplier] (as Keras stores them), the bias [C·depthMultiplier]; output
/// channel c·depthMultiplier + m comes from input channel c and kernel m. Sizes as in `Conv2D`.
public final class DepthwiseConv2D: Layer, ConvolutionLayer {
    /// Kernels per input channel.
    public let depthMultiplier: Int
    let window: SlidingWindow
    var state: WeightState
    /// The input depth, once built.
    public var inputChannels: Int? { state.input }

    /// Creates a depthwise convolution of `kernel × kernel` with `depthMultiplier` kernels per channel.
    /// - Throws: `LayersError` when a count is less than 1 or the padding is negative.
    public init(kernel: Int, stride: PerAxis = 1, padding: Padding = .valid, depthMultiplier: Int = 1,
                dilation: PerAxis = 1, bias: Bool = true, seed: UInt64? = nil) throws {
        guard depthMultiplier >= 1 else {
            throw LayersError("DepthwiseConv2D", "'depthMultiplier' must be at least 1, not \(depthMultiplier)")
        }
        window = try SlidingWindow(kind: "DepthwiseConv2D", kernelHeight: kernel, kernelWidth: kernel,
                                   stride: stride, padding: padding, dilation: dilation)
        self.depthMultiplier = depthMultiplier
        state = WeightState(usesBias: bias, givenSeed: seed)
    }

    public var kind: String { "DepthwiseConv2D" }

    /// `DepthwiseConv2D(kernel: 3×3, stride: 1, padding: same)`; the rest when not the default.
    public var description: String {
        description(leading: "", trailing: depthMultiplier == 1 ? "" : ", depthMultiplier: \(depthMultiplier)")
    }

    var kernelCount: Int { depthMultiplier }

    func outputChannels(_ channels: Int) -> Int { channels * depthMultiplier }

    func apply(_ x: Variable, _ kernel: Variable, bias: Variable?) throws -> Variable {
        try depthwiseConv2d(x, kernel, bias: bias, stride: stride, padding: padding, dilation: dilation)
    }

    /// The kernels [F, F, C, depthMultiplier], drawn He-uniform on first use with fan-in F·F (each output
    /// sees one channel, as PyTorch counts a grouped convolution's fan-in).
    /// - Throws: `LayersError` when the layer has no input depth yet.
    public var weights: Tensor {
        get throws { try lazyWeights(fanIn: { _ in kernelHeight * kernelWidth }) }
    }

    /// Replaces the kernels; on a layer not yet built, their depth fixes the input depth.
    /// - Throws: `LayersError` naming the expected and the given shape when they differ.
    public func setWeights(_ newValue: Tensor) throws {
        try replaceWeights(newValue, depthName: "C")
    }

    /// The biases [C·depthMultiplier], zero until trained or set.
    /// - Throws: `LayersError` when the layer has no bias or no input depth yet.
    public var bias: Tensor {
        get throws { try lazyBias(count: { outputChannels(try builtChannels()) }) }
    }

    /// Replaces the biases.
    /// - Throws: `LayersError` when the shape is not [C·depthMultiplier] or the layer has no bias.
    public func setBias(_ newValue: Tensor) throws {
        try replaceBias(newValue, count: { outputChannels(try builtChannels()) })
    }
}
