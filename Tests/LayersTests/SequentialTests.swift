import Testing
import Kernels
import Layers

@Suite struct SequentialTests {
    @Test func withAnInputShapeItChecksAndBuildsItsLayersAtOnce() throws {
        let conv = try Conv2D(filters: 16, kernel: 3)
        let dense = try Dense(10)
        let model = try Sequential(input: [32, 32, 3]) {
            conv; ReLU(); try MaxPool2D(2)
            Flatten()
            dense
        }
        #expect(conv.inputChannels == 3)
        #expect(dense.inputCount == 15 * 15 * 16)
        #expect(try model.parameterCount == 448 + 3600 * 10 + 10)
        #expect(try model.outputShape(for: [32, 32, 3]) == [10])
    }

    @Test func theFailingLayerIsNamedByItsPosition() throws {
        #expect(throws: LayersError("layer 4 (Dense): expects a vector of inputs but got [12, 12, 16] (flatten first?)")) {
            try Sequential(input: [28, 28, 1]) {
                try Conv2D(filters: 16, kernel: 5); ReLU(); try MaxPool2D(2)
                try Dense(10)
            }
        }
    }

    @Test func aKernelThatNoLongerFitsIsExplainedWithItsPosition() throws {
        #expect(throws: LayersError("layer 3 (Conv2D): a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1")) {
            try Sequential(input: [7, 7, 1]) {
                try Conv2D(filters: 4, kernel: 3); try MaxPool2D(3, stride: 1)
                try Conv2D(filters: 4, kernel: 5)
            }
        }
    }

    @Test func nestedModelsNameThePathToTheLayer() throws {
        let inner = try Sequential { try Conv2D(filters: 8, kernel: 3); try Conv2D(filters: 8, kernel: 9) }
        #expect(throws: LayersError("layer 2.2 (Conv2D): a 9×9 kernel does not fit a 6×6 input with padding 0: (6 − 9 + 2·0)/1 + 1 = −2")) {
            try Sequential(input: [10, 10, 3]) { try Conv2D(filters: 4, kernel: 3); inner }
        }
    }

    @Test func aNestedModelWithItsOwnInputMustBeGivenThatShape() throws {
        let inner = try Sequential(input: [8, 8, 3]) { ReLU() }
        #expect(throws: LayersError("layer 2 (Sequential): expects input [8, 8, 3] but got [30, 30, 16]")) {
            try Sequential(input: [32, 32, 3]) { try Conv2D(filters: 16, kernel: 3); inner }
        }
    }

    @Test func warningsNameTheLayerByPosition() throws {
        let model = try Sequential { ReLU(); try Conv2D(filters: 4, kernel: 3, stride: 2) }
        #expect(try model.warnings(for: [32, 32, 3]) == [
            "layer 2 (Conv2D): stride 2 does not divide 32 − 3 + 2·0 = 29: 1 row and 1 column at the bottom and right are never used",
        ])
    }

    @Test func anUnbuiltModelSaysWhichLayerHasNoWeights() throws {
        let model = try Sequential { ReLU(); try Conv2D(filters: 4, kernel: 3) }
        #expect(throws: LayersError("layer 2 (Conv2D) has no weights yet: call it on an input or give its model an input shape")) {
            try model.parameterCount
        }
        #expect(try model.parameterCounts(for: [8, 8, 2]).total == 3 * 3 * 2 * 4 + 4)
    }

    @Test func callsTakeOneExampleOrABatch() throws {
        let dense = try Dense(2, bias: false)
        try dense.setWeights(Tensor([[1, 0], [0, 1], [1, 1]]))
        let model = try Sequential(input: [3]) { dense; ReLU() }
        #expect(try model(Tensor([1, -2, 0])) == Tensor([1, 0]))
        #expect(try model(Tensor([[1, -2, 0], [-1, 2, 1]])) == Tensor([[1, 0], [0, 3]]))
        #expect(throws: LayersError("Sequential: expects input [3] but got [4]")) { try model(Tensor([1, 2, 3, 4])) }
    }

    @Test func aCallReportsItsWarnings() throws {
        let model = try Sequential { try MaxPool2D(2) }
        let result = try model.callWithWarnings(Tensor.zeros([5, 5, 1]))
        #expect(result.output.shape == [2, 2, 1])
        #expect(result.warnings == [
            "layer 1 (MaxPool2D): stride 2 does not divide 5 − 2 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
    }

    @Test func withoutAnInputShapeTheFirstCallBuildsIt() throws {
        let conv = try Conv2D(filters: 2, kernel: 1)
        let model = try Sequential { conv; GlobalAvgPool2D() }
        #expect(try model(Tensor.zeros([3, 4, 4, 5])).shape == [3, 2])
        #expect(conv.inputChannels == 5)
    }

    @Test func equalUnseededLayersInOneModelGetDifferentWeightsButEveryBuildTheSame() throws {
        func model() throws -> (Sequential, Dense, Dense) {
            let first = try Dense(4), second = try Dense(4)
            return (try Sequential(input: [4]) { first; second }, first, second)
        }
        let (_, first, second) = try model()
        let (_, again, _) = try model()
        #expect(try first.weights != second.weights)
        #expect(try first.weights == again.weights)
    }

    @Test func aSeededLayerKeepsItsSeedInsideAModel() throws {
        let alone = try Dense(4, seed: 9)
        _ = try alone(Tensor.zeros([3]))
        let inside = try Dense(4, seed: 9)
        _ = try Sequential(input: [3], seed: 77) { inside }
        #expect(try alone.weights == inside.weights)
    }

    @Test("stacked 3×3 convolutions see as far as one larger kernel (VGG paper, §2.3)", arguments: [(1, 3), (2, 5), (3, 7)])
    func stackedReceptiveFields(_ count: Int, _ size: Int) throws {
        let model = try Sequential((0..<count).map { _ in try Conv2D(filters: 8, kernel: 3) })
        #expect(try model.receptiveField == ReceptiveField(height: size, width: size, jump: 1))
    }

    @Test func aModelWithADenseLayerNeedsItsInputShapeForItsReceptiveField() throws {
        let layers: () throws -> [any Layer] = { [try Conv2D(filters: 8, kernel: 3), Flatten(), try Dense(10)] }
        #expect(throws: LayersError("Sequential sees its whole input, so its receptive field depends on the input's size: ask a model with an input shape")) {
            try Sequential(layers()).receptiveField
        }
        // 3 after the convolution; the dense layer then sees all 6×6 positions: 3 + 5 = 8 = the input.
        #expect(try Sequential(input: [8, 8, 1], layers()).receptiveField == ReceptiveField(height: 8, width: 8, jump: 1))
    }

    @Test func multiplyAddsAddUp() throws {
        let model = try Sequential { try Conv2D(filters: 16, kernel: 3); Flatten(); try Dense(10) }
        #expect(try model.multiplyAdds(for: [32, 32, 3]) == 30 * 30 * 27 * 16 + 14_400 * 10)
    }

    @Test func describesItself() throws {
        #expect(try Sequential(input: [32, 32, 3]) { ReLU(); ReLU() }.description == "Sequential(input: [32, 32, 3]) { 2 layers }")
        #expect(try Sequential { ReLU() }.description == "Sequential { 1 layer }")
    }

    @Test func anEmptyAxisInTheInputShapeIsAnError() {
        #expect(throws: LayersError("Sequential: the shape [32, 0, 3] has an axis of size 0; every axis needs at least 1")) {
            try Sequential(input: [32, 0, 3]) { ReLU() }
        }
    }

    @Test func anEmptyBatchIsAnError() throws {
        let model = try Sequential(input: [3]) { ReLU() }
        #expect(throws: LayersError("Sequential: the batch [0, 3] holds no examples")) {
            try model(Tensor(shape: [0, 3], scalars: []))
        }
    }
}
