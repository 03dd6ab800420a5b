import Outputs
import Testing
import TestSupport
@testable import Render

@Suite struct ChartSVGTests {
    static let history = Chart(panels: [
        .init(title: "loss", xLabel: "epoch", xs: [1, 2, 3, 4], series: [
            .init(name: "training", values: [2.3, 0.9, 0.41, 0.2]),
            .init(name: "validation", values: [2.2, 1.0, 0.5, 0.35]),
        ]),
        .init(title: "accuracy", xLabel: "epoch", xs: [1, 2, 3, 4], series: [
            .init(name: "training", values: [0.3, 0.8, 0.9, 0.97]),
        ], yRange: 0...1),
    ], alt: "loss and accuracy over 4 epochs")

    @Test func aHistoryMatchesItsSnapshot() {
        assertSnapshot(ChartSVG.render(Self.history), named: "chart-history.html")
    }

    @Test(arguments: [
        (0.2...2.3, false, 0.0, 3.0, 1.0),
        (0.0...1.0, true, 0.0, 1.0, 0.5),
        (0.0012...0.0031, false, 0.001, 0.0035, 0.0005),
        (5.0...5.0, false, 4.5, 5.5, 0.5),
        (-3.0...170.0, false, -50.0, 200.0, 50.0),
    ])
    func axesEndOnRoundTicks(range: ClosedRange<Double>, fixed: Bool, low: Double, high: Double, step: Double) {
        let axis = ChartSVG.axis(range, fixed: fixed)
        #expect(abs(axis.low - low) < 1e-12 && abs(axis.high - high) < 1e-12 && abs(axis.step - step) < 1e-12,
                "\(axis)")
    }

    @Test func namesAndTitlesAreEscapedAndNonFiniteValuesAreSkipped() {
        let chart = Chart(panels: [.init(title: "<b>loss</b>", xLabel: "e&p", xs: [1, 2, 3], series: [
            .init(name: "<script>x</script>", values: [1, .nan, 0.5]),
        ])], alt: "\"alt\"")
        let svg = ChartSVG.render(chart)
        #expect(!svg.contains("<script>") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("e&amp;p") && svg.contains("&quot;alt&quot;"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
        #expect(!svg.contains("nan"))
    }
}
