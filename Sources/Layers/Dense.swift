import Autodiff
import Kernels

/// A fully connected layer: a vector [in] times weights [in, units] plus a bias [units] gives [units].
public final class Dense: WeightedLayer {
    /// The number of outputs.
    public let units: Int
    var state: WeightState
    /// The number of inputs, once built.
    public var inputCount: Int? { state.input }

    /// Creates a dense layer of `units` outputs.
    /// - Throws: `LayersError` when `units` is less than 1.
    public init(_ units: Int, bias: Bool = true, seed: UInt64? = nil) throws {
        guard units >= 1 else { throw LayersError("Dense", "'units' must be at least 1, not \(units)") }
        self.units = units
        state = WeightState(usesBias: bias, givenSeed: seed)
    }

    public var kind: String { "Dense" }

    /// `Dense(10)`, or `Dense(10, bias: false)`.
    public var description: String { usesBias ? "Dense(\(units))" : "Dense(\(units), bias: false)" }

    public var exampleRank: Int? { 1 }

    public func shapeReport(for input: [Int]) throws -> ShapeReport {
        let expected = inputCount.map { "\($0) inputs" } ?? "a vector of inputs"
        guard input.count == 1 else {
            throw LayersError(kind, "expects \(expected) but got \(input) (flatten first?)")
        }
        if let inputCount, input[0] != inputCount {
            throw LayersError(kind, "expects \(expected) but got \(input)")
        }
        return ShapeReport(shape: [units])
    }

    public func build(for input: [Int], defaultSeed: UInt64) throws {
        _ = try shapeReport(for: input)
        fixInput(input[0], defaultSeed: defaultSeed)
    }

    public var parameterCounts: ParameterCounts {
        get throws {
            guard let inputCount else { throw LayersError.unbuilt(kind) }
            return counts(inputs: inputCount)
        }
    }

    public func parameterCounts(for input: [Int]) throws -> ParameterCounts {
        _ = try shapeReport(for: input)
        return counts(inputs: input[0])
    }

    public var receptiveFieldStep: ReceptiveFieldStep { .whole }

    public func multiplyAdds(for input: [Int]) throws -> Int {
        _ = try shapeReport(for: input)
        return input[0] * units
    }

    /// The weights [in, units], drawn He-uniform on first use.
    /// - Throws: `LayersError` when the layer does not know its input count yet.
    public var weights: Tensor {
        get throws {
            if let weights = state.weights { return weights }
            guard let inputCount else { throw LayersError.unbuilt(kind) }
            let drawn = try HeUniform.weights([inputCount, units], fanIn: inputCount, seed: state.seed, kind: kind)
            state.weights = drawn
            return drawn
        }
    }

    /// Replaces the weights; on a layer not yet built, their rows fix the input count.
    /// - Throws: `LayersError` naming the expected and the given shape when they differ.
    public func setWeights(_ newValue: Tensor) throws {
        let fits = newValue.rank == 2 && newValue.shape[0] >= 1 && newValue.shape[1] == units
            && (inputCount == nil || newValue.shape[0] == inputCount)
        guard fits else {
            let wanted = inputCount.map { "[\($0), \(units)]" } ?? "[in, \(units)]"
            throw LayersError(kind, "weights must have shape \(wanted) but got \(newValue.shape)")
        }
        state.input = newValue.shape[0]
        state.weights = newValue
    }

    /// The biases [units], zero until trained or set.
    /// - Throws: `LayersError` when the layer was made with `bias: false`.
    public var bias: Tensor {
        get throws { try lazyBias(count: { units }) }
    }

    /// Replaces the biases.
    /// - Throws: `LayersError` when the shape is not [units] or the layer has no bias.
    public func setBias(_ newValue: Tensor) throws {
        try replaceBias(newValue, count: { units })
    }

    func apply(_ x: Variable, _ weights: Variable, bias: Variable?) throws -> Variable {
        try dense(x, weights, bias: bias)
    }

    private func counts(inputs: Int) -> ParameterCounts {
        ParameterCounts(trainable: inputs * units + (usesBias ? units : 0))
    }
}
