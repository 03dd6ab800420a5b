import Autodiff
import Kernels

/// What the layers with weights and an optional bias share (`Dense`, `Conv2D`, `DepthwiseConv2D`):
/// the parameter list, a bias of zeros until set, and a forward pass that is one function of the
/// input, the weights and the bias.
protocol WeightedLayer: Layer {
    /// Whether the layer adds a bias.
    var usesBias: Bool { get }
    /// The input size fixed when the layer was built (a `Dense` layer's inputs, a convolution's depth).
    var builtInput: Int? { get }
    /// The weights and the biases, made on first use.
    var weights: Tensor { get throws }
    var bias: Tensor { get throws }
    /// The biases, once made or set.
    var storedBias: Tensor? { get set }

    /// Replaces the weights, checking the shape.
    func setWeights(_ newValue: Tensor) throws
    /// Replaces the biases, checking the shape.
    func setBias(_ newValue: Tensor) throws

    /// The layer's function on `x` with these weights and biases.
    func apply(_ x: Variable, _ weights: Variable, bias: Variable?) throws -> Variable
}

extension WeightedLayer {
    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        let parameters = try self.parameters
        let weights = try pass.value(of: parameters[0])
        let bias = usesBias ? try pass.value(of: parameters[1]) : nil
        return try rethrowingAsLayersError(kind) { try apply(x, weights, bias: bias) }
    }

    /// The weights, then the biases when the layer has them.
    public var parameters: [Parameter] {
        get throws {
            guard builtInput != nil else { throw LayersError.unbuilt(kind) }
            let weights = Parameter(self, "weights", read: { try self.weights }, write: { try self.setWeights($0) })
            guard usesBias else { return [weights] }
            return [weights, Parameter(self, "bias", read: { try self.bias }, write: { try self.setBias($0) })]
        }
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

    private func requireBias() throws {
        guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
    }
}
