import Testing
@testable import Cells

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
}
