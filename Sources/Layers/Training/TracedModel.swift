import Autodiff
import Kernels

/// A model whose trainable parameters are recorded on a tape while it runs, so that a loss computed
/// from its outputs can be differentiated with respect to every parameter: what `m` is inside
/// `gradient(at: model) { m in … }`.
public final class TracedModel {
    /// The model itself; its layers are not copied.
    public let model: any Layer
    /// The pass the model runs in: training or inference, with the tape.
    public let pass: ForwardPass

    /// Prepares `model` to be traced, in training mode (batch norm on batch statistics, dropout on)
    /// unless `training` is false; `seed` fixes the dropout masks.
    public init(_ model: any Layer, training: Bool = true, seed: UInt64 = 0) {
        self.model = model
        pass = ForwardPass(training: training, seed: seed, tape: Tape())
    }

    /// The tape the parameters and every op on them are recorded on.
    public var tape: Tape { pass.tape! }

    /// The model applied to `x` (one example or a batch), recorded.
    /// - Throws: `LayersError` explaining why the input does not fit.
    public func callAsFunction(_ x: Variable) throws -> Variable {
        try model(x, in: pass)
    }

    /// The model applied to a constant input, recorded.
    /// - Throws: `LayersError` explaining why the input does not fit.
    public func callAsFunction(_ x: Tensor) throws -> Variable {
        try model(Variable(x), in: pass)
    }

    /// The gradient of `loss`, a scalar computed from this model's outputs, with respect to every
    /// trainable parameter of the model (zeros for one the loss does not depend on).
    /// - Throws: `AutodiffError` when `loss` is not a scalar; `LayersError` when the model has no
    ///   weights yet (it was never called).
    public func gradients(of loss: Variable) throws -> ModelGradients {
        let parameters = try model.trainableParameters
        let used = parameters.compactMap { pass.variable(for: $0) }
        var computed = try tape.gradients(of: loss, withRespectTo: used)[...]
        let gradients = try parameters.map { parameter in
            pass.variable(for: parameter) == nil ? try Tensor.zeros(try parameter.value.shape) : computed.removeFirst()
        }
        return ModelGradients(parameters: parameters, gradients: gradients)
    }
}

/// One gradient per trainable parameter of a model, in the order of `trainableParameters`.
public struct ModelGradients: CustomStringConvertible {
    /// The parameters, in the model's order.
    public let parameters: [Parameter]
    /// The gradient of each parameter, of its shape.
    public let gradients: [Tensor]

    /// The number of parameters.
    public var count: Int { gradients.count }

    /// The gradient of parameter `index` (from 0).
    public subscript(index: Int) -> Tensor { gradients[index] }

    /// The gradient of `layer`'s parameter called `name` (`weights`, `bias`, `gamma`, `beta`), or nil.
    public func gradient(of layer: any Layer, _ name: String = "weights") -> Tensor? {
        zip(parameters, gradients).first { $0.0.layer === layer && $0.0.name == name }?.1
    }

    /// One line per parameter: "layer 1 (Conv2D) weights: [3, 3, 1, 16]".
    public var description: String {
        zip(parameters, gradients).map { "\($0.0): \($0.1.shape)" }.joined(separator: "\n")
    }
}

/// The gradients of `body`, a scalar loss of the model's outputs, with respect to every trainable
/// parameter of `model`, as Swift for TensorFlow writes `gradient(at: model) { m in … }`.
///
/// The model runs in training mode unless `training` is false: batch norm normalises with batch
/// statistics and updates its running ones, dropout drops with masks from `seed`.
/// - Throws: `AutodiffError` when `body` does not give a scalar, or what `body` throws.
public func gradient(
    at model: any Layer, training: Bool = true, seed: UInt64 = 0, in body: (TracedModel) throws -> Variable
) throws -> ModelGradients {
    try valueWithGradient(at: model, training: training, seed: seed, in: body).gradients
}

/// The value of `body` for `model` and its gradients with respect to every trainable parameter.
/// - Throws: `AutodiffError` when `body` does not give a scalar, or what `body` throws.
public func valueWithGradient(
    at model: any Layer, training: Bool = true, seed: UInt64 = 0, in body: (TracedModel) throws -> Variable
) throws -> (value: Tensor, gradients: ModelGradients) {
    let traced = TracedModel(model, training: training, seed: seed)
    let loss = try body(traced)
    return (loss.value, try traced.gradients(of: loss))
}

extension Optimizer {
    /// Moves every trainable parameter of `model` along its gradient and stores the new values in
    /// the layers.
    /// - Throws: `LayersError` when the gradients are for another model's parameters;
    ///   `AutodiffError` as `update(_:along:)` does.
    public func update(_ model: any Layer, along gradients: ModelGradients) throws {
        let parameters = try model.trainableParameters
        guard parameters.map(\.key) == gradients.parameters.map(\.key) else {
            throw LayersError(
                "the gradients are for \(counted(gradients.count, "parameter")) of another model, but this model has \(counted(parameters.count, "trainable parameter")): take the gradient at the model being updated")
        }
        var values = try parameters.map { try $0.value }
        try update(&values, along: gradients.gradients)
        for (parameter, value) in zip(parameters, values) { try parameter.assign(value) }
    }
}

/// "1 parameter", "3 parameters".
func counted(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }
