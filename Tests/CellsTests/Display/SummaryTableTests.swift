import Testing
@testable import Cells
import TestSupport

@Suite struct SummaryTableTests {
    /// The Day 03 model; its numbers are derived by hand in the peers' notebook (7,162 parameters).
    static let day03 = """
        let model = Sequential(input: [32, 32, 3]) {
            Conv2D(filters: 8, kernel: 3)
            ReLU()
            MaxPool2D(2)
            Conv2D(filters: 16, kernel: 3)
            ReLU()
            MaxPool2D(2)
            Flatten()
            Dense(10)
        }
        """

    @Test func summaryShowsEachLayerAndKerasTotals() {
        var notebook = Notebook()
        _ = notebook.run(Self.day03)
        #expect(notebook.transcript("#summary(model, input: [32, 32, 3])") == """
            table: Sequential(input: [32, 32, 3]) { 8 layers } · input [32, 32, 3]
              Layer | Output shape | Params (trainable) | Non-trainable | Receptive field | Multiply-adds
              1 Conv2D(filters: 8, kernel: 3×3, stride: 1, padding: valid) | [30, 30, 8] | 224 | 0 | 3×3 | 194,400
              2 ReLU() | [30, 30, 8] | 0 | 0 | 3×3 | 0
              3 MaxPool2D(2×2, stride: 2) | [15, 15, 8] | 0 | 0 | 4×4 | 0
              4 Conv2D(filters: 16, kernel: 3×3, stride: 1, padding: valid) | [13, 13, 16] | 1,168 | 0 | 8×8 | 194,688
              5 ReLU() | [13, 13, 16] | 0 | 0 | 8×8 | 0
              6 MaxPool2D(2×2, stride: 2) | [6, 6, 16] | 0 | 0 | 10×10 | 0
              7 Flatten() | [576] | 0 | 0 | 10×10 | 0
              8 Dense(10) | [10] | 5,770 | 0 | 30×30 | 5,760
              Total params: 7,162 (27.98 KB)
              Trainable params: 7,162 (27.98 KB)
              Non-trainable params: 0 (0 B)
              Multiply-adds: 394,848
              Receptive field: 30×30
            """)
    }

    @Test func aSummaryForAnotherInputThanTheModelsWarnsAtTheSummary() {
        assertDiagnostics("let m = Sequential { Conv2D(filters: 1, kernel: 3, stride: 2) }\n1️⃣#summary(m, input: [6, 6, 1])", [
            "1️⃣": "layer 1 (Conv2D): stride 2 does not divide 6 − 3 + 2·0 = 3: 1 row and 1 column at the bottom and right are never used",
        ])
    }

    @Test func aModelWithAnInputDisplaysAsItsSummary() {
        var notebook = Notebook()
        _ = notebook.run(Self.day03)
        #expect(notebook.transcript("model").hasPrefix("table: Sequential(input: [32, 32, 3]) { 8 layers }"))
    }

    @Test func nestedBlocksAreIndentedUnderTheirContainer() {
        var notebook = Notebook()
        let transcript = notebook.transcript("""
            let net = Sequential(input: [8, 8, 4]) {
                Residual { Conv2D(filters: 4, kernel: 3, padding: .same); BatchNorm() }
            }
            #summary(net)
            """)
        #expect(transcript.contains("  1 Residual { 2 layers } | [8, 8, 4] | 156 | 8 | 3×3 | 9,216"))
        #expect(transcript.contains("    1.1 Conv2D(filters: 4, kernel: 3×3, stride: 1, padding: same) | [8, 8, 4] | 148 | 0 | 3×3 | 9,216"))
        #expect(transcript.contains("    1.2 BatchNorm(epsilon: 0.001, momentum: 0.99) | [8, 8, 4] | 8 | 8 | 3×3 | 0"))
    }

    @Test func aSummaryNeedsAnInputShape() {
        assertDiagnostics("let m = Sequential { ReLU() }\n1️⃣#summary(m)", [
            "1️⃣": "'#summary' needs the input shape of one example: #summary(model, input: [32, 32, 3])",
        ])
    }

    @Test func aShapeErrorInASummaryNamesTheLayer() {
        assertDiagnostics("let m = Sequential { Conv2D(filters: 2, kernel: 3); Dense(4) }\n1️⃣#summary(m, input: [2, 2, 1])", [
            "1️⃣": "layer 1 (Conv2D): a 3×3 kernel does not fit a 2×2 input with padding 0: (2 − 3 + 2·0)/1 + 1 = 0",
        ])
    }
}
