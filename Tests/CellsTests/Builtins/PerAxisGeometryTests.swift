import Testing
@testable import Cells
import TestSupport

/// Per-axis strides, dilations, rectangular windows and per-side padding in the functional ops.
@Suite struct PerAxisGeometryTests {
    static let shapes: [(String, String)] = [
        ("maxPool2d(x, size: [2, 3], stride: [2, 3], padding: [0, 1]).shape", "[4, 3, 2]"),
        ("avgPool2d(x, size: 3, stride: [1, 2], padding: 1, countIncludePad: true).shape", "[8, 4, 2]"),
        ("avgPool2d(x, size: [2, 2]).shape", "[4, 4, 2]"),
        ("maxPool2d(x, size: 3, stride: 2, ceilMode: true).shape", "[4, 4, 2]"),
        ("avgPool2d(x, size: 3, stride: 2, countIncludePad: true, ceilMode: true).shape", "[4, 4, 2]"),
        ("conv2d(x, k, stride: [2, 1]).shape", "[3, 6, 4]"),
        ("conv2d(x, k, padding: [[0, 1], [1, 1]], dilation: [1, 2]).shape", "[7, 6, 4]"),
        ("depthwiseConv2d(x, Tensor.ones([3, 3, 2, 1]), stride: [1, 4], padding: .same).shape", "[8, 2, 2]"),
    ]

    @Test(arguments: shapes)
    func windowsTakeOneNumberPerAxis(_ source: String, _ shape: String) {
        var notebook = Notebook()
        _ = notebook.run("let x = Tensor.random([8, 8, 2], seed: 1)\nlet k = Tensor.random([3, 3, 2, 4], seed: 2)")
        // Strides that leave rows or columns unused also warn; the shape is the last line.
        #expect(notebook.transcript(source).hasSuffix("= \(shape)"))
    }

    @Test func averagesCountPaddingOnlyWhenAsked() {
        var notebook = Notebook()
        _ = notebook.run("let x = Tensor.ones([2, 2, 1])")
        #expect(notebook.transcript("avgPool2d(x, size: 2, stride: 1, padding: 1)[0, 0, 0]") == "= 1.0")
        #expect(notebook.transcript("avgPool2d(x, size: 2, stride: 1, padding: 1, countIncludePad: true)[0, 0, 0]") == "= 0.25")
    }

    @Test func mistakesAreExplained() {
        assertDiagnostics("let x = Tensor.zeros([4, 4, 1])\nlet y = maxPool2d(x, size: 1️⃣[2, 2, 2])", [
            "1️⃣": "expected an 'Int' or '[h, w]' of two 'Int's, not an array of 3 of type '[Int]'",
        ])
        assertDiagnostics("let x = Tensor.zeros([4, 4, 1])\nlet y = maxPool2d(x, size: 2, padding: 1️⃣[1, 2, 3])", [
            "1️⃣": "a padding array is '[h, w]' or '[[top, bottom], [left, right]]' of 'Int', not an array of 3 of type '[Int]'",
        ])
        assertDiagnostics("let x = Tensor.zeros([4, 4, 1])\nlet y = 1️⃣maxPool2d(x, size: [2, 3], padding: [[0, 0], [2, 0]])", [
            "1️⃣": "maxPool2d: padding 2 is more than half the 2×3 window, so some windows would hold only padding",
        ])
    }

    @Test func aStrideThatDropsColumnsWarnsForItsAxis() {
        var notebook = Notebook()
        _ = notebook.run("let x = Tensor.zeros([8, 9, 1])")
        #expect(notebook.transcript("maxPool2d(x, size: 2, stride: [2, 3]).shape").contains(
            "stride 3 does not divide 9 − 2 + 2·0 = 7: 1 column at the right is never used"))
    }

    @Test func layersTakeOneNumberPerAxis() {
        var notebook = Notebook()
        _ = notebook.run("""
            let model = Sequential(input: [8, 9, 3]) {
                Conv2D(filters: 4, kernel: 3, stride: [2, 1])
                MaxPool2D([2, 3], stride: [2, 3], padding: [0, 1])
                AvgPool2D(1, countIncludePad: true)
            }
            """)
        #expect(notebook.transcript("model.outputShape(for: [8, 9, 3])") == "= [1, 3, 4]")
        #expect(notebook.transcript("model.receptiveField.jumpWidth") == "= 3")
        #expect(notebook.transcript("model.layers[1]").hasPrefix("= MaxPool2D(2×3, stride: [2, 3], padding: [0, 1])"))
        #expect(notebook.transcript("model.layers[0].stride") == "= [2, 1]")
    }
}
