import Testing
@testable import Cells
import TestSupport
import Outputs

@Suite struct FigureBuilderTests {
    private func figure(_ source: String, setup: String = "") -> Figure? {
        var notebook = Notebook()
        if !setup.isEmpty { _ = notebook.run(setup) }
        let run = notebook.run(source)
        for case .figure(let figure) in run.outputs { return figure }
        Issue.record("no figure in \(run.outputs)")
        return nil
    }

    @Test func aMapIsOnePanelOnItsOwnScale() {
        let f = figure("#show(Tensor([[0, 1], [2, 4]]))")
        #expect(f?.panels.count == 1)
        #expect(f?.panels.first == Figure.Panel(label: "2×2", width: 2, height: 2, values: [0, 1, 2, 4]))
        #expect(f?.style == .heatmap(low: 0, high: 4))
        #expect(f?.alt == "a 2×2 map")
    }

    @Test func valuesOfBothSignsGetAScaleSymmetricAroundZero() {
        #expect(figure("#show(Tensor([[-1, 3]]))")?.style == .heatmap(low: -3, high: 3))
        #expect(figure("#show(Tensor([[2, 2]]))")?.style == .heatmap(low: 1.5, high: 2.5))
    }

    @Test func anImageShowsOnePanelPerChannelOrThoseAskedFor() {
        let setup = "let x = Tensor(shape: [1, 2, 3], scalars: [1, 2, 3, 4, 5, 6])"
        let all = figure("#show(x)", setup: setup)
        #expect(all?.panels.map(\.label) == ["channel 0", "channel 1", "channel 2"])
        #expect(all?.panels[1].values == [2, 5])
        #expect(all?.alt == "3 feature maps of 1×2")
        let some = figure("#show(x, channels: 1..<3)", setup: setup)
        #expect(some?.panels.map(\.label) == ["channel 1", "channel 2"])
        #expect(some?.alt == "2 feature maps of 1×2, channels 1–2")
        let rgb = figure("#show(x / 6, rgb: true)", setup: setup)
        #expect(rgb?.style == .rgb)
        #expect(rgb?.panels.first?.values.count == 6)
        #expect(rgb?.alt == "an RGB image of 1×2")
    }

    @Test func kernelsShowOnePanelPerFilterForOneInputChannel() {
        let setup = "let k = Tensor(shape: [1, 1, 2, 3], scalars: [1, 2, 3, 4, 5, 6])"
        let f = figure("#show(k, inputChannel: 1)", setup: setup)
        #expect(f?.panels.map(\.values) == [[4], [5], [6]])
        #expect(f?.alt == "3 kernels of 1×1, input channel 1")
        let conv = figure("#show(c)", setup: "let c = Conv2D(filters: 2, kernel: 3)\nlet y = c(Tensor.zeros([4, 4, 1]))")
        #expect(conv?.alt == "2 kernels of 3×3 of a Conv2D, input channel 0")
    }

    @Test func tooManyPanelsOrTheWrongRankAreExplained() {
        assertDiagnostics("1️⃣#show(Tensor.zeros([2, 2, 100]))", [
            "1️⃣": "'#show' draws at most 64 panels, but [2, 2, 100] has 100 channels; pick some with 'channels: 0..<64'",
        ])
        assertDiagnostics("1️⃣#show(Tensor.zeros([5]))", [
            "1️⃣": "'#show' needs a 2-D map [H, W], an image [H, W, C] or kernels [F, F, C_in, C_out], not a tensor of shape [5]",
        ])
        assertDiagnostics("1️⃣#show(Tensor.zeros([2, 2, 2]), rgb: true)", [
            "1️⃣": "'rgb: true' needs an image of 3 channels, [H, W, 3], not [2, 2, 2]",
        ])
    }

    private typealias Window = Figure.Window

    @Test func aWindowIsOutlinedOnAMap() {
        let f = figure("#show(Tensor.zeros([5, 6]), window: [1, 2, 3, 3])")
        #expect(f?.panels.first?.windows == [Window(row: 1, column: 2, height: 3, width: 3)])
        #expect(f?.alt == "a 5×6 map")
        // The window may reach the last row and column.
        #expect(figure("#show(Tensor.zeros([5, 6]), window: [2, 3, 3, 3])")?.panels.first?.windows.count == 1)
    }

    @Test func windowsAreOutlinedOnEveryPanel() {
        let f = figure("#show(Tensor.zeros([4, 4, 3]), channels: 1..<3, windows: [[0, 0, 2, 2], [3, 3, 1, 1]])")
        let expected = [Window(row: 0, column: 0, height: 2, width: 2), Window(row: 3, column: 3, height: 1, width: 1)]
        #expect(f?.panels.map(\.windows) == [expected, expected])
        #expect(figure("#show(Tensor.ones([4, 4, 3]), rgb: true, window: [0, 0, 4, 4])")?.panels.first?.windows.count == 1)
        #expect(figure("#show(Tensor.zeros([3, 3, 1, 2]), windows: [])")?.panels.map(\.windows) == [[], []])
    }

    @Test func windowsBuiltInALoopAreOutlined() {
        let f = figure("""
            var windows: [[Int]] = []
            for i in 0..<3 { windows.append([i * 2, i * 2, 3, 3]) }
            #show(Tensor.zeros([8, 8]), windows: windows)
            """)
        #expect(f?.panels.first?.windows.map(\.row) == [0, 2, 4])
    }

    @Test(arguments: [
        ("Tensor.zeros([32, 32])", "[30, 0, 3, 3]",
         "window [30, 0, 3, 3] does not fit a 32×32 map: it covers rows 30–32, and the last row is 31"),
        ("Tensor.zeros([32, 28, 2])", "[0, 26, 3, 3]",
         "window [0, 26, 3, 3] does not fit a 32×28 map: it covers columns 26–28, and the last column is 27"),
        ("Tensor.zeros([4, 4])", "[0, 0, 5, 1]",
         "window [0, 0, 5, 1] does not fit a 4×4 map: it covers rows 0–4, and the last row is 3"),
        ("Tensor.zeros([4, 4])", "[-1, 0, 2, 2]",
         "window [-1, 0, 2, 2] does not fit a 4×4 map: rows and columns count from 0"),
        ("Tensor.zeros([4, 4])", "[0, 0, 0, 2]", "window [0, 0, 0, 2] is empty: its height and width must be at least 1"),
        ("Tensor.zeros([4, 4, 3]) / 2, rgb: true", "[0, 3, 1, 2]",
         "window [0, 3, 1, 2] does not fit a 4×4 image: it covers columns 3–4, and the last column is 3"),
        ("Tensor.zeros([3, 3, 1, 2])", "[1, 1, 3, 3]",
         "window [1, 1, 3, 3] does not fit a 3×3 kernel: it covers rows 1–3, and the last row is 2"),
        ("Tensor.zeros([4, 4])", "[9223372036854775807, 0, 1, 1]",
         "window [9223372036854775807, 0, 1, 1] does not fit a 4×4 map: it covers rows "
            + "9223372036854775807–9223372036854775807, and the last row is 3"),
        ("Tensor.zeros([4, 4])", "[2, 0, 9223372036854775807, 1]",
         "window [2, 0, 9223372036854775807, 1] does not fit a 4×4 map: it covers rows 2–…, and the last row is 3"),
    ])
    func aWindowThatDoesNotFitIsExplained(tensor: String, window: String, message: String) {
        assertDiagnostics("#show(\(tensor), window: 1️⃣\(window))", ["1️⃣": message])
    }

    @Test func theWindowThatDoesNotFitIsPointedAt() {
        assertDiagnostics("#show(Tensor.zeros([8, 8]), windows: [[0, 0, 3, 3], 1️⃣[6, 5, 3, 3]])", [
            "1️⃣": "window [6, 5, 3, 3] does not fit an 8×8 map: it covers rows 6–8, and the last row is 7",
        ])
        assertDiagnostics("let w = [[0, 0, 3, 3], [0, 6, 3, 3]]\n#show(Tensor.zeros([8, 8]), windows: 1️⃣w)", [
            "1️⃣": "window [0, 6, 3, 3] does not fit an 8×8 map: it covers columns 6–8, and the last column is 7",
        ])
    }
}
