import Autodiff
import Kernels

/// A building block of a model: it maps one example's shape to another without data, and tensors to
/// tensors once it has weights.
///
/// Shapes are those of ONE example, without a batch axis: an image is `[height, width, channels]`, a
/// vector `[count]`. A call takes one example or a batch (one more axis in front: `[n, height, width,
/// channels]`). Layers are reference values, like Swift classes: a model holds the very layers it was
/// given, and setting a layer's weights changes them in every model that holds it.
///
/// Weights are created lazily: a layer fixes its input depth when it is first built (called on an input,
/// or placed in a model with an input shape) and draws its weights when they are first needed, He-uniform
/// from `Tensor.randomUniform` with the layer's seed. A layer made without `seed:` takes the seed its
/// container gives it when it is built: 0 on its own; in a `Sequential` with seed s (0 unless given),
/// `Seeds.child(of: s, at: i)` for the layer at position i (from 1); in a `Residual` built with seed s,
/// its main path gets `Seeds.child(of: s, at: 1)` and its shortcut `Seeds.child(of: s, at: 2)`, which
/// they pass on in turn. So equal layers in one model differ, and the same model always gets the same
/// weights.
public protocol Layer: AnyObject, CustomStringConvertible {
    /// The short type name shown in summary rows, such as `Conv2D`.
    var kind: String { get }

    /// The rank of one example this layer takes (3 for an image, 1 for a vector), or `nil` for any rank.
    ///
    /// A call on a tensor of rank `exampleRank + 1` treats the first axis as the batch.
    var exampleRank: Int? { get }

    /// The output shape and shape warnings for one example of shape `input`, allocating no tensors.
    /// - Throws: `LayersError` explaining, with the numbers, why the input does not fit.
    func shapeReport(for input: [Int]) throws -> ShapeReport

    /// Fixes the input depth for examples of shape `input` if the layer has none yet, else checks it.
    ///
    /// Weights are drawn later, when first needed; `defaultSeed` is used when the layer has no `seed`.
    func build(for input: [Int], defaultSeed: UInt64) throws

    /// Applies the layer to `x` in `pass`: one example, or a batch when `batched` (the first axis
    /// counts examples); gradients flow back through the result when `x` or the pass's parameters
    /// are recorded on a tape.
    ///
    /// Callers go through `callAsFunction`, which checks the shape and builds the layer first.
    func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable

    /// The parameters of the built layer and of the layers inside it, in order, trainable or not.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    var parameters: [Parameter] { get throws }

    /// The parameters of the built layer.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    var parameterCounts: ParameterCounts { get throws }

    /// The parameters the layer has, or would have, for examples of shape `input`; allocates nothing.
    func parameterCounts(for input: [Int]) throws -> ParameterCounts

    /// How the layer widens the receptive field.
    var receptiveFieldStep: ReceptiveFieldStep { get }

    /// The receptive field of one output in the layer's input.
    /// - Throws: `LayersError` when it depends on an input shape the layer does not know.
    var receptiveField: ReceptiveField { get throws }

    /// Multiply-adds for one example of shape `input`: convolutions and dense layers only.
    ///
    /// A convolution counts H_out·W_out·F_h·F_w·C_in·C_out, a depthwise one H_out·W_out·F_h·F_w·C·M, and a
    /// dense layer in·out, as papers and torchvision's GFLOPS column do; bias additions, pooling,
    /// normalisation, activations and residual sums add none.
    func multiplyAdds(for input: [Int]) throws -> Int
}

extension Layer {
    /// Layers without parameters take any rank.
    public var exampleRank: Int? { nil }

    /// Layers without parameters need no building.
    public func build(for input: [Int], defaultSeed: UInt64) throws {}

    /// Layers without parameters have none.
    public var parameterCounts: ParameterCounts { get throws { .zero } }

    /// Layers without parameters list none.
    public var parameters: [Parameter] { get throws { [] } }

    /// Layers without parameters have none for any input.
    public func parameterCounts(for input: [Int]) throws -> ParameterCounts { .zero }

    /// Most layers look at one position at a time.
    public var receptiveFieldStep: ReceptiveFieldStep { .pointwise }

    /// Most layers do no multiply-adds.
    public func multiplyAdds(for input: [Int]) throws -> Int { 0 }

    /// The field of the layer's step; a layer that sees its whole input needs a model with an input shape.
    public var receptiveField: ReceptiveField {
        get throws { try field(of: receptiveFieldStep, kind: kind) }
    }
}

/// The receptive field of a single `step` taken by a layer of `kind`.
func field(of step: ReceptiveFieldStep, kind: String) throws -> ReceptiveField {
    switch step {
    case let .window(kernelHeight, kernelWidth, stride, dilation):
        return ReceptiveField.pixel.through(kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                                            stride: stride, dilation: dilation)
    case .whole:
        throw LayersError(subject: kind, "sees its whole input, so its receptive field depends on the "
                          + "input's size: ask a model with an input shape")
    }
}
