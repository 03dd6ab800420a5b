import Cells
import Testing
@testable import Render
import Outputs

@Suite struct DiagramSVGTests {
    @Test(arguments: [(1, 1), (3, 2), (16, 5), (512, 10), (0, 1)])
    func bitsIsALogarithmWithoutLibm(n: Int, bits: Int) {
        #expect(DiagramSVG.bits(n) == bits)
    }

    @Test(arguments: [(0.0, "0"), (12.34, "12.3"), (7.05, "7.1"), (-2.5, "-2.5"), (100, "100")])
    func coordinatesHaveOneFixedDecimal(value: Double, text: String) {
        #expect(DiagramSVG.number(value) == text)
    }

    @Test func aStageShowsItsLayerShapeAndParameters() {
        var diagram = ModelDiagram(input: [32, 32, 3])
        diagram.append("Conv2D 3×3 · 16", shape: [30, 30, 16], parameters: 448)
        diagram.append("Dense 10", shape: [10], parameters: 36_010)
        let svg = DiagramSVG.render(diagram)
        #expect(svg.contains("<text class=\"label\" x=\"31.1\" y=\"14\">input</text>"))
        #expect(svg.contains(">30×30×16</text>"))
        #expect(svg.contains(">36,010 params</text>"))
        #expect(svg.components(separatedBy: "<g class=\"stage map\">").count == 3)
        #expect(svg.components(separatedBy: "<g class=\"stage vector\">").count == 2)
        #expect(svg.components(separatedBy: "class=\"arrowhead\"").count == 3)
    }

    @Test func aLargerGridIsATallerBox() {
        var diagram = ModelDiagram(input: [64, 64, 8])
        diagram.append("b", shape: [16, 16, 8], parameters: 0)
        let svg = DiagramSVG.render(diagram)
        let heights = svg.matches(of: /class="front" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/)
            .map { Double($0.output.1)! }
        #expect(heights.count == 2 && heights[0] > heights[1])
    }
}
