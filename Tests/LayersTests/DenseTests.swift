import Testing
import Kernels
import Layers

@Suite struct DenseTests {
    @Test func parametersAreInputsTimesUnitsPlusBiases() throws {
        #expect(try Dense(120).parameterCounts(for: [400]).total == 48_120)
        #expect(try Dense(120, bias: false).parameterCounts(for: [400]).total == 48_000)
        #expect(try Dense(120).multiplyAdds(for: [400]) == 48_000)
        #expect(try Dense(120).outputShape(for: [400]) == [120])
    }

    @Test func aHandWorkedProduct() throws {
        let layer = try Dense(2)
        try layer.setWeights(Tensor([[1, 2], [3, 4], [5, 6]]))
        try layer.setBias(Tensor([1, -1]))
        #expect(try layer(Tensor([1, 1, 1])) == Tensor([10, 11]))
        #expect(try layer(Tensor([[1, 1, 1], [1, 0, 0]])) == Tensor([[10, 11], [2, 1]]))
    }

    @Test("an input that is not the right vector is explained", arguments: [
        (true, [16, 5, 5], "Dense: expects 400 inputs but got [16, 5, 5] (flatten first?)"),
        (false, [16, 5, 5], "Dense: expects a vector of inputs but got [16, 5, 5] (flatten first?)"),
        (true, [300], "Dense: expects 400 inputs but got [300]"),
    ])
    func wrongInputs(_ built: Bool, _ input: [Int], _ message: String) throws {
        let layer = try Dense(120)
        if built { _ = try layer(Tensor.zeros([400])) }
        #expect(throws: LayersError(message)) { try layer.outputShape(for: input) }
    }

    @Test func descriptions() throws {
        #expect(try Dense(10).description == "Dense(10)")
        #expect(try Dense(10, bias: false).description == "Dense(10, bias: false)")
    }

    @Test func argumentsAndWeightShapesAreChecked() throws {
        #expect(throws: LayersError("Dense: 'units' must be at least 1, not 0")) { try Dense(0) }
        let layer = try Dense(10)
        #expect(throws: LayersError("Dense has no weights yet: call it on an input or give its model an input shape")) {
            try layer.parameterCount
        }
        #expect(throws: LayersError("Dense: weights must have shape [in, 10] but got [10, 4]")) {
            try layer.setWeights(Tensor.zeros([10, 4]))
        }
        try layer.setWeights(Tensor.zeros([4, 10]))
        #expect(try layer.parameterCount == 50)
        #expect(throws: LayersError("Dense: weights must have shape [4, 10] but got [5, 10]")) {
            try layer.setWeights(Tensor.zeros([5, 10]))
        }
        #expect(throws: LayersError("Dense: bias must have shape [10] but got [4]")) { try layer.setBias(Tensor.zeros([4])) }
    }

    @Test func weightsAreHeUniformWithFanInTheInputCount() throws {
        let layer = try Dense(64, seed: 1)
        _ = try layer(Tensor.zeros([24]))
        let weights = try layer.weights
        #expect(weights.shape == [24, 64])
        #expect(weights.scalars.allSatisfy { -0.5 <= $0 && $0 < 0.5 })  // √(6/24) = 0.5
        #expect(weights.max() > 0.25 && weights.min() < -0.25)
        #expect(try layer.bias == Tensor.zeros([64]))
    }

    @Test func aLayerWithoutBiasSaysHowItWasMade() {
        #expect(throws: LayersError("Dense has no bias: it was made with 'bias: false'")) { try Dense(2, bias: false).bias }
    }

    @Test func seesItsWholeInput() throws {
        #expect(try Dense(10).receptiveFieldStep == .whole)
    }
}
