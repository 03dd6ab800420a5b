import Testing
@testable import Cells
import TestSupport

@Suite struct LayerMethodsTests {
    static let values: [(String, String)] = [
        ("conv.outputShape(for: [32, 32, 3])", "[15, 15, 8]"),
        ("conv.parameterCount(for: [32, 32, 3])", "224"),
        ("conv.multiplyAdds(for: [32, 32, 3])", "48600"),
        ("conv.warnings(for: [32, 32, 3])", "[\"Conv2D: stride 2 does not divide 32 − 3 + 2·0 = 29: 1 row and 1 column at the bottom and right are never used\"]"),
        ("conv.filters", "8"),
        ("conv.kernelSize", "[3, 3]"),
        ("conv.kind", "\"Conv2D\""),
        ("Dense(5).units", "5"),
    ]

    @Test(arguments: values)
    func layersAnswerWithoutAllocatingActivations(_ source: String, _ value: String) {
        var notebook = Notebook()
        _ = notebook.run("let conv = Conv2D(filters: 8, kernel: 3, stride: 2)")
        #expect(notebook.transcript(source) == "= \(value)")
    }

    @Test func weightsOfALayerWithoutInputAreExplained() {
        assertDiagnostics("let conv = Conv2D(filters: 8, kernel: 3)\nlet w = 1️⃣conv.weights", [
            "1️⃣": "Conv2D has no weights yet: call it on an input or give its model an input shape",
        ])
    }

    @Test func vggSixteenIsCheckedWithoutItsWeights() {
        var notebook = Notebook()
        #expect(notebook.transcript("""
            func stage(_ filters: Int, _ convs: Int) -> [Layer] {
                var layers: [Layer] = []
                for _ in 0..<convs { layers.append(Conv2D(filters: filters, kernel: 3, padding: .same)); layers.append(ReLU()) }
                layers.append(MaxPool2D(2))
                return layers
            }
            let vgg = Sequential(input: [224, 224, 3]) {
                stage(64, 2); stage(128, 2); stage(256, 3); stage(512, 3); stage(512, 3)
                Flatten(); Dense(4096); ReLU(); Dense(4096); ReLU(); Dense(1000)
            }
            [vgg.parameterCount, vgg.outputShape(for: [224, 224, 3])[0]]
            """) == "= [138357544, 1000]")
        // The published count (Simonyan & Zisserman 2014): 138,357,544; no weights were drawn.
        #expect(notebook.interpreter.ledger.liveElements == 0)
    }
}
