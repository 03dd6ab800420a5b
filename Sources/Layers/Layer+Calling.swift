import Autodiff
import Kernels

extension Layer {
    /// The output shape for one example of shape `input` (no batch axis), allocating no tensors.
    /// - Throws: `LayersError` explaining why the input does not fit.
    public func outputShape(for input: [Int]) throws -> [Int] {
        try checkedReport(for: input).shape
    }

    /// The warnings for one example of shape `input`, such as rows a stride leaves unused.
    /// - Throws: `LayersError` explaining why the input does not fit.
    public func warnings(for input: [Int]) throws -> [String] {
        try checkedReport(for: input).warnings.map(\.description)
    }

    /// Applies the layer to one example or a batch, building its weights on the first call.
    /// - Throws: `LayersError` explaining why the input does not fit.
    public func callAsFunction(_ x: Tensor) throws -> Tensor {
        try callWithWarnings(x).output
    }

    /// Applies the layer as `callAsFunction` does, and returns the shape warnings for the input too.
    public func callWithWarnings(_ x: Tensor) throws -> (output: Tensor, warnings: [String]) {
        let (output, warnings) = try callWithWarnings(Variable(x), in: ForwardPass())
        return (output.value, warnings)
    }

    /// Applies the layer to a differentiable value in `pass` (training or inference, recorded or
    /// not), building its weights on the first call.
    /// - Throws: `LayersError` explaining why the input does not fit.
    public func callAsFunction(_ x: Variable, in pass: ForwardPass) throws -> Variable {
        try callWithWarnings(x, in: pass).output
    }

    /// Applies the layer to a differentiable value in `pass`, and returns the shape warnings too.
    public func callWithWarnings(_ x: Variable, in pass: ForwardPass) throws -> (output: Variable, warnings: [String]) {
        let shape = x.shape
        let batched = exampleRank.map { shape.count == $0 + 1 } ?? false
        let example = batched ? Array(shape.dropFirst()) : shape
        if batched && shape[0] == 0 {
            throw LayersError(kind, "the batch \(shape) holds no examples")
        }
        let report = try checkedReport(for: example)
        try build(for: example, defaultSeed: 0)
        let output = try forward(x, batched: batched, in: pass)
        return (output, report.warnings.map(\.description))
    }

    /// Applies the layer to `x` in inference mode, with no gradients: one example, or a batch when
    /// `batched`. Callers go through `callAsFunction`, which checks the shape and builds the layer first.
    public func forward(_ x: Tensor, batched: Bool) throws -> Tensor {
        try forward(Variable(x), batched: batched, in: ForwardPass()).value
    }

    /// The total parameter count, trainable and not, of the built layer.
    /// - Throws: `LayersError` when the layer has no input depth yet.
    public var parameterCount: Int { get throws { try parameterCounts.total } }

    /// The parameters learned by gradient descent, as PyTorch counts a model's parameters.
    public var trainableParameterCount: Int { get throws { try parameterCounts.trainable } }

    /// The parameters updated without gradients, such as batch norm's running statistics.
    public var nonTrainableParameterCount: Int { get throws { try parameterCounts.nonTrainable } }

    /// The shape report after checking that every axis of `input` holds at least one element.
    func checkedReport(for input: [Int]) throws -> ShapeReport {
        if let empty = input.first(where: { $0 < 1 }) {
            throw LayersError(kind, "the shape \(input) has an axis of size \(empty); every axis needs at least 1")
        }
        return try shapeReport(for: input)
    }
}
