import Autodiff
import Kernels

/// What the layers with weights and an optional bias share (`Dense`, `Conv2D`, `DepthwiseConv2D`):
/// the parameter list, a bias of zeros until set, and a forward pass that is one function of the
/// input, the weights and the bias.
protocol WeightedLayer: Layer {
    /// What the layer was made with, fixes when built and makes on first use.
    var state: WeightState { get set }
    /// The weights and the biases, made on first use.
    var weights: Tensor { get throws }
    var bias: Tensor { get throws }

    /// Replaces the weights, checking the shape.
    func setWeights(_ newValue: Tensor) throws
    /// Replaces the biases, checking the shape.
    func setBias(_ newValue: Tensor) throws

    /// The layer's function on `x` with these weights and biases.
    func apply(_ x: Variable, _ weights: Variable, bias: Variable?) throws -> Variable
}

extension WeightedLayer {
    /// Whether the layer adds a bias.
    public var usesBias: Bool { state.usesBias }
    /// The seed of the weights, or `nil` to take the container's (see `Layer`).
    public var seed: UInt64? { state.givenSeed }

    public func forward(_ x: Variable, batched: Bool, in pass: ForwardPass) throws -> Variable {
        let parameters = try self.parameters
        let weights = try pass.value(of: parameters[0])
        let bias = usesBias ? try pass.value(of: parameters[1]) : nil
        return try rethrowingAsLayersError(kind) { try apply(x, weights, bias: bias) }
    }

    /// The weights, then the biases when the layer has them.
    public var parameters: [Parameter] {
        get throws {
            guard state.input != nil else { throw LayersError.unbuilt(kind) }
            let weights = Parameter(self, "weights", read: { try self.weights }, write: { try self.setWeights($0) })
            guard usesBias else { return [weights] }
            return [weights, Parameter(self, "bias", read: { try self.bias }, write: { try self.setBias($0) })]
        }
    }

    /// The biases, zeros of [count()] until set.
    /// - Throws: `LayersError` when the layer has no bias, or what `count` throws.
    func lazyBias(count: () throws -> Int) throws -> Tensor {
        try requireBias()
        if let bias = state.bias { return bias }
        let count = try count()
        let zeros = try rethrowingAsLayersError(kind) { try Tensor.zeros([count]) }
        state.bias = zeros
        return zeros
    }

    /// Replaces the biases, which must be [count()].
    func replaceBias(_ newValue: Tensor, count: () throws -> Int) throws {
        try requireBias()
        let count = try count()
        guard newValue.shape == [count] else {
            throw LayersError(kind, "bias must have shape [\(count)] but got \(newValue.shape)")
        }
        state.bias = newValue
    }

    /// Fixes the input size (and the seed the weights are drawn with) if the layer has none yet.
    func fixInput(_ size: Int, defaultSeed: UInt64) {
        if state.input == nil {
            state.input = size
            state.seed = state.givenSeed ?? defaultSeed
        }
    }

    private func requireBias() throws {
        guard usesBias else { throw LayersError(subject: kind, "has no bias: it was made with 'bias: false'") }
    }
}

/// A weighted layer's bias switch and seed as made, its input size, fixed when it is built, the seed
/// its weights are drawn with, and its weights and biases once made or set.
struct WeightState {
    let usesBias: Bool
    /// The seed given when the layer was made, or `nil` to take the container's.
    let givenSeed: UInt64?
    var input: Int?
    var seed: UInt64 = 0
    var weights: Tensor?
    var bias: Tensor?
}
