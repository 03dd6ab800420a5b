import Outputs
import Notebook

/// A `ModelDiagram` as inline SVG: each stage a box whose height follows the grid's side and whose
/// depth follows the channels, left to right, with the layer above and the shape below.
///
/// Sizes come from square roots and bit lengths only (no libm), so the SVG is the same everywhere.
enum DiagramSVG {
    private struct Column {
        var stage: ModelDiagram.Stage
        var faceHeight: Double
        var faceWidth: Double
        var depth: Double
        var width: Double
    }

    static let characterWidth = 6.6
    static let gap = 26.0
    static let top = 34.0

    static func render(_ diagram: ModelDiagram) -> String {
        "<div class=\"out-diagram\">" + svg(diagram) + "</div>\n"
    }

    /// The diagram as an SVG file of its own, coloured by its own style sheet in the light theme's
    /// colours (a Jupyter notebook's `image/svg+xml`).
    static func standalone(_ diagram: ModelDiagram) -> String {
        svg(diagram, header: " xmlns=\"http://www.w3.org/2000/svg\"", style: """
            <style>
            .diagram { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
            text { text-anchor: middle; fill: #5d6873; font-size: 10.5px; }
            text.label { fill: #1d2329; font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 11px; font-weight: 600; }
            text.params { fill: #8a949e; font-size: 9.5px; }
            .front { fill: #e4eef8; stroke: #2f6fb3; stroke-width: 1; }
            .top { fill: #f4f2ee; stroke: #2f6fb3; stroke-width: 1; }
            .side { fill: #e3e0da; stroke: #2f6fb3; stroke-width: 1; }
            .vector .front { fill: #e6f4ec; stroke: #1d7f46; }
            .arrow { stroke: #8a949e; stroke-width: 1.2; }
            .arrowhead { fill: #8a949e; }
            </style>

            """) + "\n"
    }

    /// The `<svg>` element; `header` goes into its opening tag, `style` after it.
    private static func svg(_ diagram: ModelDiagram, header: String = "", style: String = "") -> String {
        let spatial = diagram.stages.filter { $0.shape.count >= 2 }
        let largestSide = max(1, spatial.map { $0.shape[0] }.max() ?? 1)
        let vectors = diagram.stages.filter { $0.shape.count == 1 }
        let longestVector = max(2, vectors.map { $0.shape[0] }.max() ?? 2)
        let tallest = 120.0
        var columns: [Column] = []
        for stage in diagram.stages {
            var column = Column(stage: stage, faceHeight: 0, faceWidth: 0, depth: 0, width: 0)
            if stage.shape.count >= 2 {
                let side = Double(stage.shape[0]) / Double(largestSide)
                column.faceHeight = 14 + (tallest - 14) * side.squareRoot()
                column.faceWidth = 4 + 5 * Double(bits(stage.shape.count >= 3 ? stage.shape[2] : 1))
                column.depth = min(18, column.faceHeight * 0.22)
            } else {
                let length = Double(bits(stage.shape.first ?? 1)) / Double(bits(longestVector))
                column.faceHeight = 14 + (tallest - 14) * length
                column.faceWidth = 8
            }
            let params = stage.parameters > 0 ? grouped(stage.parameters).count + 7 : 0
            let text = Double(max(stage.label.count, shapeText(stage.shape).count, params)) * characterWidth
            column.width = max(column.faceWidth + column.depth, text)
            columns.append(column)
        }
        let width = columns.map(\.width).reduce(0, +) + gap * Double(max(columns.count - 1, 0)) + 16
        let height = top + tallest + 18 + 44
        let baseline = top + tallest + 18  // the bottom of every face, so boxes stand on one line
        var svg = "<svg\(header) class=\"diagram\" role=\"img\" aria-label=\"\(HTML.escape(diagram.alt))\""
        svg += " width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
        svg += style
        var x = 8.0
        for (index, column) in columns.enumerated() {
            let center = x + column.width / 2
            let left = center - (column.faceWidth + column.depth) / 2
            let faceTop = baseline - column.faceHeight
            let kind = column.stage.shape.count >= 2 ? "map" : "vector"
            svg += "<g class=\"stage \(kind)\"><title>\(HTML.escape(column.stage.label)) → \(HTML.escape(shapeText(column.stage.shape)))"
            svg += column.stage.parameters > 0 ? " · \(column.stage.parameters) parameters</title>" : "</title>"
            if column.depth > 0 {
                let d = column.depth
                svg += polygon("top", [(left, faceTop), (left + d, faceTop - d), (left + d + column.faceWidth, faceTop - d),
                                       (left + column.faceWidth, faceTop)])
                svg += polygon("side", [(left + column.faceWidth, faceTop), (left + column.faceWidth + d, faceTop - d),
                                        (left + column.faceWidth + d, baseline - d), (left + column.faceWidth, baseline)])
            }
            svg += "<rect class=\"front\" x=\"\(number(left))\" y=\"\(number(faceTop))\" width=\"\(number(column.faceWidth))\""
            svg += " height=\"\(number(column.faceHeight))\"/>"
            svg += "<text class=\"label\" x=\"\(number(center))\" y=\"\(number(14))\">\(HTML.escape(column.stage.label))</text>"
            svg += "<text class=\"shape\" x=\"\(number(center))\" y=\"\(number(baseline + 18))\">"
            svg += "\(HTML.escape(shapeText(column.stage.shape)))</text>"
            if column.stage.parameters > 0 {
                svg += "<text class=\"params\" x=\"\(number(center))\" y=\"\(number(baseline + 34))\">"
                svg += "\(grouped(column.stage.parameters)) params</text>"
            }
            svg += "</g>\n"
            if index + 1 < columns.count {
                let from = x + column.width + 3, to = x + column.width + gap - 3, y = baseline - 8
                svg += "<line class=\"arrow\" x1=\"\(number(from))\" y1=\"\(number(y))\" x2=\"\(number(to - 4))\" y2=\"\(number(y))\"/>"
                svg += polygon("arrowhead", [(to - 5, y - 3.5), (to, y), (to - 5, y + 3.5)]) + "\n"
            }
            x += column.width + gap
        }
        return svg + "</svg>"
    }

    /// `[30, 30, 16]` → `30×30×16`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "×")
    }

    /// Bits needed for `n` (1 → 1, 3 → 2, 16 → 5, 512 → 10): a logarithm without libm.
    static func bits(_ n: Int) -> Int {
        max(1, Int.bitWidth - max(n, 1).leadingZeroBitCount)
    }

    /// Fixed one-decimal numbers for coordinates.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `61706` → `61,706`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0, character.isNumber { out.append(",") }
            out.append(character)
        }
        return out
    }

    private static func polygon(_ kind: String, _ points: [(Double, Double)]) -> String {
        "<polygon class=\"\(kind)\" points=\"\(points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " "))\"/>"
    }
}
