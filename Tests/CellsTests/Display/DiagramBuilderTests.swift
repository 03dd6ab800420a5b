import Testing
@testable import Cells
import TestSupport
@testable import Outputs

@Suite struct DiagramBuilderTests {
    private func diagram(_ source: String, setup: String = "") -> ModelDiagram? {
        var notebook = Notebook()
        if !setup.isEmpty { _ = notebook.run(setup) }
        let run = notebook.run(source)
        for case .diagram(let diagram) in run.outputs { return diagram }
        Issue.record("no diagram in \(run.outputs)")
        return nil
    }

    private typealias Stage = ModelDiagram.Stage

    /// A small CNN; its parameters counted by hand: F·F·C_in·C_out weights plus C_out biases per
    /// convolution, 4 per channel for batch norm (γ, β, running mean and variance), in·out + out for dense.
    static let smallCNN = """
        let model = Sequential(input: [32, 32, 3]) {
            Conv2D(filters: 16, kernel: 3)
            ReLU()
            MaxPool2D(2)
            Conv2D(filters: 32, kernel: 3, stride: 2, padding: .same)
            BatchNorm()
            ReLU()
            Flatten()
            Dropout(0.5)
            Dense(10)
        }
        """

    @Test func aSmallCNNHasOneStagePerLayerWithActivationsFoldedIn() {
        let d = diagram("#show(model)", setup: Self.smallCNN)
        #expect(d?.stages == [
            Stage(label: "input", shape: [32, 32, 3], parameters: 0),
            Stage(label: "Conv2D 3×3 · 16, ReLU", shape: [30, 30, 16], parameters: 3 * 3 * 3 * 16 + 16),
            Stage(label: "MaxPool2D 2×2", shape: [15, 15, 16], parameters: 0),
            // 'same' with stride 2: ⌈15 / 2⌉ = 8.
            Stage(label: "Conv2D 3×3 /2 same · 32", shape: [8, 8, 32], parameters: 3 * 3 * 16 * 32 + 32),
            Stage(label: "BatchNorm, ReLU", shape: [8, 8, 32], parameters: 4 * 32),
            Stage(label: "Flatten, Dropout 0.5", shape: [8 * 8 * 32], parameters: 0),
            Stage(label: "Dense 10", shape: [10], parameters: 2048 * 10 + 10),
        ])
        // 448 + 4,640 + 128 + 20,490.
        #expect(d?.alt == "a model from 32×32×3 to 10 in 6 stages, 25,706 parameters")
    }

    @Test func theModelsOwnInputOrTheOneGivenIsTheFirstStage() {
        let given = diagram("#show(model, input: [32, 32, 3])", setup: Self.smallCNN)
        #expect(given?.stages.first == Stage(label: "input", shape: [32, 32, 3], parameters: 0))
        let free = diagram("#show(Sequential { GlobalAvgPool2D(); Dense(2) }, input: [7, 7, 4])")
        #expect(free?.stages == [
            Stage(label: "input", shape: [7, 7, 4], parameters: 0),
            Stage(label: "GlobalAvgPool2D", shape: [4], parameters: 0),
            Stage(label: "Dense 2", shape: [2], parameters: 4 * 2 + 2),
        ])
    }

    @Test func anActivationFirstIsAStageOfItsOwnNotPartOfTheInput() {
        let d = diagram("#show(Sequential { ReLU(); Dense(3); Softmax() }, input: [4])")
        #expect(d?.stages.map(\.label) == ["input", "ReLU", "Dense 3, Softmax"])
    }

    @Test func aSingleLayerIsTwoStages() {
        let d = diagram("#show(Conv2D(filters: 16, kernel: 3), input: [32, 32, 3])")
        #expect(d?.stages == [
            Stage(label: "input", shape: [32, 32, 3], parameters: 0),
            Stage(label: "Conv2D 3×3 · 16", shape: [30, 30, 16], parameters: 448),
        ])
        #expect(d?.alt == "a Conv2D layer from 32×32×3 to 30×30×16, 448 parameters")
        #expect(diagram("#show(AvgPool2D(2), input: [4, 4, 1])")?.alt
                == "an AvgPool2D layer from 4×4×1 to 2×2×1, 0 parameters")
    }

    @Test(arguments: [
        ("Conv2D(filters: 64, kernel: 3, stride: 2)", [9, 9, 3], "Conv2D 3×3 /2 · 64"),
        ("Conv2D(filters: 6, kernel: 5, padding: 2)", [9, 9, 3], "Conv2D 5×5 pad 2 · 6"),
        ("Conv2D(filters: 6, kernel: 5, padding: 0)", [9, 9, 3], "Conv2D 5×5 · 6"),
        ("Conv2D(filters: 8, kernel: 3, dilation: 2)", [9, 9, 3], "Conv2D 3×3 dil 2 · 8"),
        ("Conv2D(filters: 4, kernel: [1, 7])", [9, 9, 3], "Conv2D 1×7 · 4"),
        ("DepthwiseConv2D(kernel: 3, depthMultiplier: 2)", [9, 9, 3], "DepthwiseConv2D 3×3 ×2"),
        ("MaxPool2D(2)", [9, 9, 3], "MaxPool2D 2×2"),
        ("MaxPool2D(3, stride: 2)", [9, 9, 3], "MaxPool2D 3×3 /2"),
        ("AvgPool2D(2, padding: .same)", [9, 9, 3], "AvgPool2D 2×2 same"),
        ("GlobalAvgPool2D()", [9, 9, 3], "GlobalAvgPool2D"),
        ("BatchNorm()", [9, 9, 3], "BatchNorm"),
        ("Flatten()", [9, 9, 3], "Flatten"),
        ("Dense(10)", [5], "Dense 10"),
        ("LeakyReLU(0.1)", [5], "LeakyReLU"),
    ])
    func eachLayerHasAShortLabel(layer: String, input: [Int], label: String) {
        #expect(diagram("#show(\(layer), input: \(input))")?.stages.last?.label == label)
    }

    @Test func blocksAreOneStageWithTheirSums() {
        let d = diagram("""
            #show(Sequential {
                Residual { Conv2D(filters: 8, kernel: 3, padding: .same); BatchNorm() }
                ReLU()
                Residual(shortcut: Sequential { Conv2D(filters: 16, kernel: 1, stride: 2) }) {
                    Conv2D(filters: 16, kernel: 3, stride: 2, padding: .same)
                }
                Sequential { Conv2D(filters: 4, kernel: 1); ReLU() }
            }, input: [8, 8, 8])
            """)
        #expect(d?.stages == [
            Stage(label: "input", shape: [8, 8, 8], parameters: 0),
            // 3·3·8·8 + 8 = 584 for the convolution, 4·8 = 32 for batch norm.
            Stage(label: "Residual · 8, ReLU", shape: [8, 8, 8], parameters: 616),
            // Main path 3·3·8·16 + 16 = 1,168; shortcut 1·1·8·16 + 16 = 144.
            Stage(label: "Residual · 16", shape: [4, 4, 16], parameters: 1312),
            Stage(label: "Sequential (2 layers)", shape: [4, 4, 4], parameters: 16 * 4 + 4),
        ])
    }

    @Test func aModelOfManyLayersIsStillDrawn() {
        let layers = String(repeating: "Conv2D(filters: 2, kernel: 1)\n", count: 50)
        #expect(diagram("#show(Sequential {\n\(layers)}, input: [4, 4, 2])")?.stages.count == 51)
    }

    @Test func aShowForAnotherInputThanTheModelsWarnsAtTheShow() {
        assertDiagnostics("let m = Sequential { Conv2D(filters: 1, kernel: 3, stride: 2) }\n1️⃣#show(m, input: [6, 6, 1])", [
            "1️⃣": "layer 1 (Conv2D): stride 2 does not divide 6 − 3 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
        // The model warned where it was made; its diagram does not repeat it.
        assertDiagnostics("#show(m)", [:], setup: ["let m = Sequential(input: [6, 6, 1]) { Conv2D(filters: 1, kernel: 3, stride: 2) }"])
    }

    @Test func aDiagramNeedsAnInputShape() {
        assertDiagnostics("let m = Sequential { Dense(2) }\n1️⃣#show(m)", [
            "1️⃣": "'#show' needs the input shape of one example: give the model one, "
                + "'Sequential(input: [32, 32, 3]) { … }', or write '#show(model, input: [32, 32, 3])'",
        ])
        assertDiagnostics("1️⃣#show(Dense(2))", [
            "1️⃣": "'#show' needs the input shape of one example to draw a Dense: write '#show(layer, input: [32, 32, 3])'",
        ])
    }

    @Test func aShapeThatDoesNotFitIsExplainedInTheLessonsTerms() {
        assertDiagnostics("1️⃣#show(Conv2D(filters: 2, kernel: 5), input: [3, 3, 1])", [
            "1️⃣": "Conv2D: a 5×5 kernel does not fit a 3×3 input with padding 0: (3 − 5 + 2·0)/1 + 1 = −1",
        ])
        assertDiagnostics("1️⃣#show(Sequential { Flatten(); Conv2D(filters: 2, kernel: 1) }, input: [3, 3, 1])", [
            "1️⃣": "layer 2 (Conv2D): expects an image [height, width, channels] but got [9]",
        ])
    }
}
