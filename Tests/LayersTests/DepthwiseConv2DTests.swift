import Testing
import Kernels
import Layers

@Suite struct DepthwiseConv2DTests {
    @Test("output depth is the input depth times the multiplier", arguments: [
        ([112, 112, 32], 1, 1, [112, 112, 32]),
        ([112, 112, 32], 2, 1, [56, 56, 32]),
        ([10, 10, 3], 1, 4, [10, 10, 12]),
    ])
    func outputShapes(_ input: [Int], _ stride: Int, _ multiplier: Int, _ output: [Int]) throws {
        let layer = try DepthwiseConv2D(kernel: 3, stride: PerAxis(stride), padding: .same, depthMultiplier: multiplier)
        #expect(try layer.outputShape(for: input) == output)
    }

    @Test func parametersAreOneKernelPerChannel() throws {
        // Keras's MobileNet 'conv_dw_1': 3·3·32 = 288 without bias.
        let layer = try DepthwiseConv2D(kernel: 3, padding: .same, bias: false)
        #expect(try layer.parameterCounts(for: [112, 112, 32]).total == 288)
        let withBias = try DepthwiseConv2D(kernel: 3, depthMultiplier: 2)
        #expect(try withBias.parameterCounts(for: [8, 8, 4]).total == 3 * 3 * 4 * 2 + 8)
    }

    @Test func multiplyAddsDoNotMixChannels() throws {
        let layer = try DepthwiseConv2D(kernel: 3, stride: 2, padding: .same)
        #expect(try layer.multiplyAdds(for: [112, 112, 32]) == 56 * 56 * 3 * 3 * 32)
    }

    @Test func eachChannelHasItsOwnKernel() throws {
        let layer = try DepthwiseConv2D(kernel: 2, bias: false)
        // Layout [dy][dx][c][m]: channel 0 sums its window, channel 1 takes the bottom-right value.
        try layer.setWeights(Tensor(shape: [2, 2, 2, 1], scalars: [1, 0, 1, 0, 1, 0, 1, 1]))
        let image = try Tensor(shape: [2, 2, 2], scalars: [1, 10, 2, 20, 3, 30, 4, 40])
        #expect(try layer(image) == Tensor(shape: [1, 1, 2], scalars: [10, 40]))
    }

    @Test func multipliedOutputsFollowTheirInputChannel() throws {
        let layer = try DepthwiseConv2D(kernel: 1, depthMultiplier: 2)
        // Output channel c·2 + m = input channel c times kernel m.
        try layer.setWeights(Tensor(shape: [1, 1, 2, 2], scalars: [1, -1, 2, 3]))
        try layer.setBias(Tensor([0, 0, 0, 1]))
        let image = try Tensor(shape: [1, 1, 2], scalars: [5, 7])
        #expect(try layer(image) == Tensor(shape: [1, 1, 4], scalars: [5, -5, 14, 22]))
    }

    @Test func description() throws {
        #expect(try DepthwiseConv2D(kernel: 3, padding: .same).description
            == "DepthwiseConv2D(kernel: 3×3, stride: 1, padding: same)")
        #expect(try DepthwiseConv2D(kernel: 3, stride: 2, depthMultiplier: 2, bias: false).description
            == "DepthwiseConv2D(kernel: 3×3, stride: 2, padding: valid, depthMultiplier: 2, bias: false)")
    }

    @Test func errorsNameTheLayer() throws {
        #expect(throws: LayersError("DepthwiseConv2D: 'depthMultiplier' must be at least 1, not 0")) {
            try DepthwiseConv2D(kernel: 3, depthMultiplier: 0)
        }
        let layer = try DepthwiseConv2D(kernel: 3)
        #expect(throws: LayersError("DepthwiseConv2D: a 3×3 kernel does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/1 + 1 = 0")) {
            try layer.outputShape(for: [2, 2, 8])
        }
        _ = try layer(Tensor.zeros([4, 4, 8]))
        #expect(throws: LayersError("DepthwiseConv2D: its weights [3, 3, 8, 1] expect 8 input channels but the input [4, 4, 3] has 3")) {
            try layer.outputShape(for: [4, 4, 3])
        }
        #expect(throws: LayersError("DepthwiseConv2D: bias must have shape [8] but got [3]")) {
            try layer.setBias(Tensor.zeros([3]))
        }
    }

    @Test func settingWeightsChecksTheShape() throws {
        let layer = try DepthwiseConv2D(kernel: 3, depthMultiplier: 2)
        #expect(throws: LayersError("DepthwiseConv2D: weights must have shape [3, 3, C, 2] but got [3, 3, 4, 1]")) {
            try layer.setWeights(Tensor.zeros([3, 3, 4, 1]))
        }
        try layer.setWeights(Tensor.zeros([3, 3, 4, 2]))
        #expect(try layer.parameterCount == 3 * 3 * 4 * 2 + 8)
        #expect(throws: LayersError("DepthwiseConv2D: weights must have shape [3, 3, 4, 2] but got [3, 3, 5, 2]")) {
            try layer.setWeights(Tensor.zeros([3, 3, 5, 2]))
        }
    }

    @Test func aLayerWithoutBiasSaysHowItWasMade() {
        #expect(throws: LayersError("DepthwiseConv2D has no bias: it was made with 'bias: false'")) {
            try DepthwiseConv2D(kernel: 3, bias: false).setBias(Tensor([1]))
        }
    }

    @Test func anUnbuiltLayerHasNoBiasShapeYet() throws {
        let layer = try DepthwiseConv2D(kernel: 3)
        #expect(throws: LayersError("DepthwiseConv2D has no weights yet: call it on an input or give its model an input shape")) {
            try layer.bias
        }
    }

    @Test func weightsAreHeUniformOverOneChannelsWindow() throws {
        let layer = try DepthwiseConv2D(kernel: 3, seed: 3)
        _ = try layer(Tensor.zeros([4, 4, 16]))
        let limit = Float((6.0 / 9.0).squareRoot())  // fan-in 3·3: each output sees one channel
        let weights = try layer.weights
        #expect(weights.shape == [3, 3, 16, 1])
        #expect(weights.scalars.allSatisfy { -limit <= $0 && $0 < limit })
        #expect(weights.max() > limit / 2)
    }
}
