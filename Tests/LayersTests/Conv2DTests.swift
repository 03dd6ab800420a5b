import Testing
import Kernels
import Layers

@Suite struct Conv2DTests {
    @Test("output sizes follow (W − F + 2P)/S + 1", arguments: [
        // input, kernel, stride, padding, dilation, output: all worked by hand.
        ([32, 32, 3], 3, 1, Padding.valid, 1, [30, 30, 16]),
        ([32, 32, 3], 3, 1, Padding.same, 1, [32, 32, 16]),
        ([32, 32, 3], 5, 1, Padding.explicit(2), 1, [32, 32, 16]),
        ([32, 32, 3], 3, 2, Padding.same, 1, [16, 16, 16]),
        ([7, 7, 1], 3, 1, Padding.valid, 2, [3, 3, 16]),
        ([224, 224, 3], 7, 2, Padding.explicit(3), 1, [112, 112, 16]),
    ])
    func outputSizes(_ input: [Int], _ kernel: Int, _ stride: Int, _ padding: Padding, _ dilation: Int,
                     _ output: [Int]) throws {
        let conv = try Conv2D(filters: 16, kernel: kernel, stride: PerAxis(stride), padding: padding, dilation: PerAxis(dilation))
        #expect(try conv.outputShape(for: input) == output)
    }

    @Test func nonSquareKernelsSizeEachAxis() throws {
        let conv = try Conv2D(filters: 4, kernelHeight: 1, kernelWidth: 3)
        #expect(try conv.outputShape(for: [5, 5, 2]) == [5, 3, 4])
        #expect(try conv.parameterCounts(for: [5, 5, 2]).total == 1 * 3 * 2 * 4 + 4)
    }

    @Test func aThreeByThreeConvolutionOnRGBHas448Parameters() throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        #expect(try conv.parameterCounts(for: [32, 32, 3]) == ParameterCounts(trainable: 448))
        _ = try conv(Tensor.zeros([32, 32, 3]))
        #expect(try conv.parameterCount == 448)
        #expect(try conv.trainableParameterCount == 448)
        #expect(try conv.nonTrainableParameterCount == 0)
    }

    @Test func withoutBiasItHasOnlyTheKernels() throws {
        let conv = try Conv2D(filters: 16, kernel: 3, bias: false)
        #expect(try conv.parameterCounts(for: [32, 32, 3]).total == 432)
        #expect(throws: LayersError("Conv2D has no bias: it was made with 'bias: false'")) { try conv.bias }
    }

    @Test("descriptions use the lesson's terms", arguments: [
        (Recipe { try Conv2D(filters: 16, kernel: 3) }, "Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid)"),
        (Recipe { try Conv2D(filters: 8, kernel: 5, stride: 2, padding: .same) },
         "Conv2D(filters: 8, kernel: 5×5, stride: 2, padding: same)"),
        (Recipe { try Conv2D(filters: 8, kernel: 3, padding: .explicit(2), dilation: 2, bias: false) },
         "Conv2D(filters: 8, kernel: 3×3, stride: 1, padding: 2, dilation: 2, bias: false)"),
    ])
    func descriptions(_ make: Recipe<Conv2D>, _ text: String) throws {
        let conv = try make()
        #expect(conv.description == text)
        #expect(conv.kind == "Conv2D")
    }

    @Test func aKernelLargerThanTheInputIsExplainedWithTheNumbers() throws {
        let conv = try Conv2D(filters: 1, kernel: 5)
        #expect(throws: LayersError("Conv2D: a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1")) {
            try conv.outputShape(for: [3, 3, 1])
        }
    }

    @Test("the input must be one image", arguments: [
        ([32, 32], "Conv2D: expects an image [height, width, channels] but got [32, 32]"),
        ([8, 32, 32, 3], "Conv2D: expects an image [height, width, channels] but got [8, 32, 32, 3]: shapes here leave out the batch axis"),
        ([32, 0, 3], "Conv2D: the shape [32, 0, 3] has an axis of size 0; every axis needs at least 1"),
    ])
    func inputMustBeOneImage(_ input: [Int], _ message: String) throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        #expect(throws: LayersError(message)) { try conv.outputShape(for: input) }
    }

    @Test func aBuiltLayerNamesBothShapesOnAChannelMismatch() throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        _ = try conv(Tensor.zeros([8, 8, 3]))
        #expect(throws: LayersError("Conv2D: its weights [3, 3, 3, 16] expect 3 input channels but the input [32, 32, 8] has 8")) {
            try conv.outputShape(for: [32, 32, 8])
        }
    }

    @Test func aStrideThatDoesNotDivideIsAWarningNamingTheDroppedRows() throws {
        let conv = try Conv2D(filters: 16, kernel: 3, stride: 2)
        #expect(try conv.outputShape(for: [32, 32, 3]) == [15, 15, 16])
        #expect(try conv.warnings(for: [32, 32, 3]) == [
            "Conv2D: stride 2 does not divide 32 − 3 + 2·0 = 29: 1 row and 1 column at the bottom and right are never used",
        ])
        #expect(try conv.warnings(for: [31, 31, 3]).isEmpty)
    }

    @Test("arguments are checked when the layer is made", arguments: [
        (Recipe { try Conv2D(filters: 0, kernel: 3) }, "Conv2D: 'filters' must be at least 1, not 0"),
        (Recipe { try Conv2D(filters: 4, kernel: 0) }, "Conv2D: 'kernel' must be at least 1, not 0"),
        (Recipe { try Conv2D(filters: 4, kernel: 3, stride: 0) }, "Conv2D: 'stride' must be at least 1, not 0"),
        (Recipe { try Conv2D(filters: 4, kernel: 3, dilation: -1) }, "Conv2D: 'dilation' must be at least 1, not -1"),
        (Recipe { try Conv2D(filters: 4, kernel: 3, padding: .explicit(-1)) }, "Conv2D: 'padding' must be 0 or more, not -1"),
    ])
    func argumentsAreChecked(_ make: Recipe<Conv2D>, _ message: String) {
        #expect(throws: LayersError(message)) { try make() }
    }

    @Test func anUnbuiltLayerSaysHowToGiveItWeights() throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        let message = "Conv2D has no weights yet: call it on an input or give its model an input shape"
        #expect(throws: LayersError(message)) { try conv.parameterCount }
        #expect(throws: LayersError(message)) { try conv.weights }
    }

    @Test func aHandWorkedConvolutionWithTwoFilters() throws {
        let conv = try Conv2D(filters: 2, kernel: 2)
        // Filter 0 sums the window; filter 1 is x(i, j) − x(i + 1, j + 1). Layout [dy][dx][c_in][c_out].
        try conv.setWeights(Tensor(shape: [2, 2, 1, 2], scalars: [1, 1, 1, 0, 1, 0, 1, -1]))
        try conv.setBias(Tensor([1, 0]))
        let image = try Tensor(shape: [3, 3, 1], scalars: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let expected = try Tensor(shape: [2, 2, 2], scalars: [13, -4, 17, -4, 25, -4, 29, -4])
        #expect(try conv(image) == expected)
    }

    @Test func aBatchIsTheImagesOneAfterAnother() throws {
        let conv = try Conv2D(filters: 1, kernel: 2, bias: false)
        try conv.setWeights(Tensor.ones([2, 2, 1, 1]))
        let batch = try Tensor(shape: [2, 3, 3, 1], scalars: (1...9).map(Float.init) + (1...9).map { Float($0 * 2) })
        let expected = try Tensor(shape: [2, 2, 2, 1], scalars: [12, 16, 24, 28, 24, 32, 48, 56])
        #expect(try conv(batch) == expected)
    }

    @Test func settingWeightsChecksTheShape() throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        #expect(throws: LayersError("Conv2D: weights must have shape [3, 3, C_in, 16] but got [3, 3, 16]")) {
            try conv.setWeights(Tensor.zeros([3, 3, 16]))
        }
        try conv.setWeights(Tensor.zeros([3, 3, 5, 16]))
        #expect(conv.inputChannels == 5)
        #expect(throws: LayersError("Conv2D: weights must have shape [3, 3, 5, 16] but got [3, 3, 3, 16]")) {
            try conv.setWeights(Tensor.zeros([3, 3, 3, 16]))
        }
        #expect(throws: LayersError("Conv2D: bias must have shape [16] but got [5]")) {
            try conv.setBias(Tensor.zeros([5]))
        }
    }

    @Test func weightsAreHeUniformAndZeroBiased() throws {
        let conv = try Conv2D(filters: 16, kernel: 3, seed: 7)
        _ = try conv(Tensor.zeros([8, 8, 3]))
        let weights = try conv.weights
        let limit = Float((6.0 / 27.0).squareRoot())  // fan-in 3·3·3
        #expect(weights.shape == [3, 3, 3, 16])
        #expect(weights.scalars.allSatisfy { -limit <= $0 && $0 < limit })
        #expect(weights.max() > limit / 2 && weights.min() < -limit / 2)
        #expect(try conv.bias == Tensor.zeros([16]))
    }

    @Test func theSameSeedGivesTheSameWeights() throws {
        let first = try Conv2D(filters: 4, kernel: 3, seed: 42)
        let second = try Conv2D(filters: 4, kernel: 3, seed: 42)
        let other = try Conv2D(filters: 4, kernel: 3, seed: 43)
        for conv in [first, second, other] { _ = try conv(Tensor.zeros([5, 5, 2])) }
        #expect(try first.weights == second.weights)
        #expect(try first.weights != other.weights)
    }

    @Test("receptive field of one layer", arguments: [
        (3, 1, 1, ReceptiveField(height: 3, width: 3, jump: 1)),
        (3, 2, 1, ReceptiveField(height: 3, width: 3, jump: 2)),
        (3, 1, 2, ReceptiveField(height: 5, width: 5, jump: 1)),
        (5, 1, 3, ReceptiveField(height: 13, width: 13, jump: 1)),
    ])
    func receptiveField(_ kernel: Int, _ stride: Int, _ dilation: Int, _ field: ReceptiveField) throws {
        let conv = try Conv2D(filters: 1, kernel: kernel, stride: PerAxis(stride), dilation: PerAxis(dilation))
        #expect(try conv.receptiveField == field)
    }

    @Test func multiplyAddsAreOutputPositionsTimesKernelVolumeTimesFilters() throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        #expect(try conv.multiplyAdds(for: [32, 32, 3]) == 30 * 30 * 3 * 3 * 3 * 16)
    }
}
