import Testing
@testable import Cells
import TestSupport

@Suite struct BuiltinsLayersTests {
    @Test func aLayerDisplaysInTheLessonsTerms() {
        var notebook = Notebook()
        _ = notebook.run("let conv = Conv2D(filters: 16, kernel: 3)")
        #expect(notebook.transcript("conv") == "= Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid) · unbuilt: its parameters depend on its input")
        _ = notebook.run("let y = conv(Tensor.zeros([32, 32, 3]))")
        #expect(notebook.transcript("conv") == "= Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid) · 448 parameters")
        #expect(notebook.transcript("[conv.parameterCount, conv.weights.shape, conv.bias.shape, y.shape]") == "= [448, [3, 3, 3, 16], [16], [30, 30, 16]]")
        #expect(notebook.transcript("Conv2D(filters: 4, kernel: [1, 3], padding: .same, bias: false)") == "= Conv2D(filters: 4, kernel: 1×3, stride: 1, padding: same, bias: false) · unbuilt: its parameters depend on its input")
        #expect(notebook.transcript("ReLU()") == "= ReLU() · 0 parameters")
    }

    @Test func aWrongLabelListsTheAcceptedForm() {
        assertDiagnostics("let c = Conv2D(1️⃣filter: 16, kernel: 3)", [
            "1️⃣": "Conv2D has no argument 'filter'; expected Conv2D(filters:kernel:stride:padding:dilation:bias:seed:)",
        ])
        assertDiagnostics("let c = Conv2D(filters: 1️⃣\"16\", kernel: 3)", [
            "1️⃣": "cannot convert value of type 'String' to expected argument type 'Int'",
        ])
        assertDiagnostics("let p = MaxPool2D(1️⃣size: 2)", [
            "1️⃣": "extraneous argument label 'size:' in call; expected MaxPool2D(_:stride:padding:ceilMode:)",
        ])
    }

    @Test func aLayersShapeErrorIsLocatedAtTheCall() {
        assertDiagnostics("let y = 1️⃣Conv2D(filters: 1, kernel: 5)(Tensor.zeros([3, 3, 1]))", [
            "1️⃣": "Conv2D: a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1",
        ])
    }

    @Test func layersAreReferencesSharedByEveryName() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let conv = Conv2D(filters: 1, kernel: 1, bias: false)
            let same = conv
            conv.weights = Tensor([[[[2]]]])
            let y = same(Tensor.ones([2, 2, 1]))
            [y.sum(), same.weights.sum()]
            """) == "= [8.0, 2.0]")
        assertDiagnostics("let conv = Conv2D(filters: 2, kernel: 3)\nconv.weights = 1️⃣Tensor.zeros([3, 3])", [
            "1️⃣": "Conv2D: weights must have shape [3, 3, C_in, 2] but got [3, 3]",
        ])
        assertDiagnostics("let conv = Conv2D(filters: 2, kernel: 3)\n1️⃣conv.filters = 3", [
            "1️⃣": "cannot assign to property: 'filters' is a get-only property",
        ])
    }

    @Test func sequentialCollectsTheLayersOfItsBlock() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func block(_ filters: Int) -> [Layer] { [Conv2D(filters: filters, kernel: 3, padding: .same), ReLU()] }
            let model = Sequential(input: [8, 8, 3]) {
                for f in [4, 8] { block(f) }
                if true { MaxPool2D(2) } else { Flatten() }
                Residual { Conv2D(filters: 8, kernel: 1) }
                print("building")
                GlobalAvgPool2D()
                Dense(2)
            }
            model.layers.count
            """) == "| building\n= 8")
        #expect(notebook.transcript("model(Tensor.zeros([8, 8, 3])).shape") == "= [2]")
        #expect(notebook.transcript("model(Tensor.zeros([5, 8, 8, 3])).shape") == "= [5, 2]")
    }

    @Test func aBlockTakesOnlyLayers() {
        assertDiagnostics("let m = Sequential {\n    ReLU()\n    1️⃣42\n}", [
            "1️⃣": "'Sequential { … }' takes layers, but this gives a value of type 'Int'",
        ])
    }

    @Test func aModelWithADroppingStrideWarnsWhenBuilt() {
        assertDiagnostics("let m = 1️⃣Sequential(input: [6, 6, 1]) { Conv2D(filters: 1, kernel: 3, stride: 2) }", [
            "1️⃣": "layer 1 (Conv2D): stride 2 does not divide 6 − 3 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
    }

    @Test func aModelThatDoesNotFitItsInputSaysWhichLayer() {
        assertDiagnostics("let m = 1️⃣Sequential(input: [4, 4, 1]) {\n    Conv2D(filters: 1, kernel: 5)\n}", [
            "1️⃣": "layer 1 (Conv2D): a 5×5 kernel does not fit a 4×4 input with padding 0: (4 − 5 + 2·0)/1 + 1 = 0",
        ])
    }

    @Test func residualBlocksTakeAShortcut() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let block = Residual(shortcut: Sequential { Conv2D(filters: 8, kernel: 1, stride: 2) }) {
                Conv2D(filters: 8, kernel: 3, stride: 2, padding: .same)
            }
            block.outputShape(for: [8, 8, 4])
            """) == "= [4, 4, 8]")
    }

    @Test func batchNormTrainsOnTheBatchWhenAsked() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let bn = BatchNorm(momentum: 0.5)
            let x = Tensor([[2, 4], [4, 8]])
            let y = bn(x, training: true)
            [abs(y.mean()) < 1e-6, bn.runningMean.sum() == 4.5, bn.parameterCount == 8]
            """) == "= [true, true, true]")
    }

    @Test func aLayerSeedFixesItsWeights() {
        var a = Notebook(), b = Notebook()
        _ = b.run("let other = Dense(3)")
        let source = "let d = Dense(2, seed: 9)\nlet y = d(Tensor.ones([3]))\nd.weights.sum()"
        #expect(a.transcript(source) == b.transcript(source))
    }

    @Test func aSequentialSeedFixesTheWeightsOfTheLayersInItsBlock() {
        let model = "Sequential(input: [4], seed: 5) { Dense(3); ReLU(); Dense(2) }"
        var a = Notebook(), b = Notebook()
        _ = b.run("let earlier = Dense(3)\nlet other = Sequential { Dense(2) }")
        let weights = "[m.layers[0].weights.sum(), m.layers[2].weights.sum()]"
        #expect(a.transcript("let m = \(model)\n\(weights)") == b.transcript("let m = \(model)\n\(weights)"))
        #expect(a.transcript("let n = Sequential(input: [4], seed: 6) { Dense(3) }\nn.layers[0].weights == m.layers[0].weights") == "= false")
    }

    @Test func layersMadeAloneOrInAnArrayDrawTheNotebooksNextSeeds() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            let first = Dense(3)
            let second = Dense(3)
            let y = [first(Tensor.ones([2])), second(Tensor.ones([2]))]
            let m = Sequential(input: [2], [Dense(3), Dense(3)])
            [first.weights == second.weights, m.layers[0].weights == m.layers[1].weights]
            """) == "= [false, false]")
    }

    @Test func theReceptiveFieldIsARecord() {
        var notebook = Notebook()
        _ = notebook.run("let m = Sequential(input: [32, 32, 3]) { Conv2D(filters: 4, kernel: 3); Conv2D(filters: 4, kernel: 3) }")
        #expect(notebook.transcript("m.receptiveField") == "= 5×5, jump 1")
        #expect(notebook.transcript("m.receptiveField.size") == "= 5")
    }
}
