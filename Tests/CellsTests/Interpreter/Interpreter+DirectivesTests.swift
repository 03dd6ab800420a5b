import Testing
@testable import Cells
import TestSupport

@Suite struct InterpreterDirectivesTests {
    static let accepted = "#show(_:channels:rgb:inputChannel:window:windows:input:)"

    @Test func showPicksAPictureForTensorsAndKernelsAndADiagramForModels() {
        var notebook = Notebook()
        _ = notebook.run("let conv = Conv2D(filters: 2, kernel: 3)\nlet y = conv(Tensor.zeros([6, 6, 1]))")
        #expect(notebook.transcript("#show(y)") == "figure: 2 feature maps of 4×4 · 2 panels · heatmap(low: -0.5, high: 0.5)")
        #expect(notebook.transcript("#show(conv)").hasPrefix("figure: 2 kernels of 3×3 of a Conv2D, input channel 0"))
        #expect(notebook.transcript("#show(conv, input: [6, 6, 1])") == "diagram: input [6, 6, 1] → Conv2D 3×3 · 2 [4, 4, 2]")
        #expect(notebook.transcript("#show(MaxPool2D(2), input: [4, 4, 1])") == "diagram: input [4, 4, 1] → MaxPool2D 2×2 [2, 2, 1]")
    }

    @Test func aWrongArgumentListsTheAcceptedLabels() {
        assertDiagnostics("#show(Tensor.zeros([2, 2]), 1️⃣colour: true)", [
            "1️⃣": "#show has no argument 'colour'; expected \(Self.accepted)",
        ])
        assertDiagnostics("#show(Tensor.zeros([2, 2]), windows: [], 1️⃣window: [0, 0, 1, 1])", [
            "1️⃣": "argument 'window' is out of order or repeated; expected \(Self.accepted)",
        ])
        assertDiagnostics("1️⃣#show()", [
            "1️⃣": "missing argument for parameter #1 in call; expected \(Self.accepted)",
        ])
        assertDiagnostics("#show(Tensor.zeros([2, 2]), window: 1️⃣[0.5, 0, 1, 1])", [
            "1️⃣": "cannot convert value of type '[Double]' to expected argument type '[Int]'",
        ])
    }

    @Test func showExplainsWhatItCannotDraw() {
        assertDiagnostics("1️⃣#show(3)", [
            "1️⃣": "'#show' draws a tensor, a convolution's kernels or a model, not a value of type 'Int'",
        ])
        assertDiagnostics("1️⃣#show(Conv2D(filters: 2, kernel: 3))", [
            "1️⃣": "'#show' draws a Conv2D's kernels once it has weights: call it on an input first, "
                + "or draw its shapes with '#show(layer, input: [32, 32, 3])'",
        ])
        assertDiagnostics("#show(Tensor.zeros([2, 2]), input: 1️⃣[2, 2])", [
            "1️⃣": "'input:' is the input shape for drawing a model or a layer, not for a value of type 'Tensor'",
        ])
    }

    @Test func pictureOptionsAreNotForDiagrams() {
        let model = "let m = Sequential(input: [4, 4, 1]) { Conv2D(filters: 2, kernel: 3) }"
        assertDiagnostics("#show(m, channels: 1️⃣0..<2)", [
            "1️⃣": "'channels:' is for pictures of tensors and kernels; the diagram of a Sequential takes only 'input:'",
        ], setup: [model])
        assertDiagnostics("#show(m, window: 1️⃣[0, 0, 1, 1])", [
            "1️⃣": "'window:' is for pictures of tensors and kernels; the diagram of a Sequential takes only 'input:'",
        ], setup: [model])
        assertDiagnostics("#show(Conv2D(filters: 2, kernel: 3), rgb: 1️⃣false, input: [4, 4, 1])", [
            "1️⃣": "'rgb:' is for pictures of tensors and kernels; the diagram of a Conv2D takes only 'input:'",
        ])
    }

    @Test func windowsAreFourWholeNumbersGivenOneWay() {
        let x = "Tensor.zeros([4, 4])"
        assertDiagnostics("#show(\(x), window: 1️⃣[0, 0, 3])", [
            "1️⃣": "window [0, 0, 3] needs 4 numbers: [row, column, height, width]",
        ])
        assertDiagnostics("#show(\(x), windows: [[0, 0, 1, 1], 1️⃣[0, 0, 1, 1, 1]])", [
            "1️⃣": "window [0, 0, 1, 1, 1] needs 4 numbers: [row, column, height, width]",
        ])
        assertDiagnostics("#show(\(x), windows: 1️⃣[0, 0, 3, 3])", [
            "1️⃣": "'windows:' takes a list of windows, [[row, column, height, width], …]; "
                + "for one window write 'window: [0, 0, 3, 3]'",
        ])
        // As in Swift, one Double makes the whole literal [Double].
        assertDiagnostics("#show(\(x), windows: [1️⃣[0, 0.5, 1, 1]])", [
            "1️⃣": "window [0.0, 0.5, 1.0, 1.0] needs whole numbers: [row, column, height, width]",
        ])
        assertDiagnostics("#show(\(x), windows: [[0, 0, 1, 1], 1️⃣\"corner\"])", [
            "1️⃣": "each window is [row, column, height, width], not a value of type 'String'",
        ])
        assertDiagnostics("#show(\(x), window: [0, 0, 1, 1], windows: 1️⃣[[1, 1, 1, 1]])", [
            "1️⃣": "use 'window:' for one window or 'windows:' for several, not both",
        ])
    }
}
