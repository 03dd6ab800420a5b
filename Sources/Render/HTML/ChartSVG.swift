import Outputs
import Notebook

/// A `Chart` as inline SVG, one line chart per panel: axes with round-number ticks, a polyline
/// per series (the first solid, the next dashed), a dot per point when there are few, a legend.
///
/// Colours come from the stylesheet's classes, so both themes apply; coordinates are fixed
/// one-decimal numbers from IEEE arithmetic only, so the SVG is the same everywhere.
enum ChartSVG {
    static let width = 300.0
    static let height = 200.0
    /// The plot area inside each panel: left, top, right, bottom margins.
    static let margins = (left: 44.0, top: 22.0, right: 10.0, bottom: 38.0)

    static func render(_ chart: Chart) -> String {
        var html = "<div class=\"out-chart\" role=\"img\" aria-label=\"\(HTML.escape(chart.alt))\">\n"
        for panel in chart.panels {
            html += render(panel)
        }
        return html + "</div>\n"
    }

    /// The chart as one self-contained SVG document (panels side by side, colours inline), for
    /// exported notebooks, where the site's stylesheet does not apply.
    static func standalone(_ chart: Chart) -> String {
        let total = width * Double(max(chart.panels.count, 1))
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(total))\" height=\"\(number(height))\""
        svg += " viewBox=\"0 0 \(number(total)) \(number(height))\">\n"
        svg += """
            <style>
            text { fill: #5d6873; font-size: 9.5px; font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
            text.title { fill: #1d2329; font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 11px; font-weight: 600; }
            text.tick.y { text-anchor: end; }
            text.tick.x, text.xlabel { text-anchor: middle; }
            .grid { stroke: #e3e0da; stroke-width: 0.8; }
            .axis { stroke: #8a949e; stroke-width: 1; }
            .line { fill: none; stroke-width: 1.8; stroke-linejoin: round; }
            .s0 { stroke: #2f6fb3; fill: #2f6fb3; }
            .s1 { stroke: #b3261e; fill: #b3261e; stroke-dasharray: 5 3; }
            .s2 { stroke: #1d7f46; fill: #1d7f46; }
            .s3 { stroke: #5d6873; fill: #5d6873; stroke-dasharray: 2 2; }
            .line.s0, .line.s1, .line.s2, .line.s3 { fill: none; }
            .dot { stroke: none; }
            </style>

            """
        for (index, panel) in chart.panels.enumerated() {
            svg += render(panel, at: width * Double(index))
        }
        return svg + "</svg>\n"
    }

    /// One panel's `<svg>`; `offset` places it inside a standalone document.
    private static func render(_ panel: Chart.Panel, at offset: Double? = nil) -> String {
        let plotLeft = margins.left, plotTop = margins.top
        let plotWidth = width - margins.left - margins.right
        let plotHeight = height - margins.top - margins.bottom
        let xs = panel.xs
        let values = panel.series.flatMap(\.values).filter(\.isFinite)
        let (low, high, step) = axis(panel.yRange ?? ((values.min() ?? 0)...(values.max() ?? 1)), fixed: panel.yRange != nil)
        let xLow = xs.first ?? 0, xHigh = max(xs.last ?? 1, xLow + 1)
        func x(_ value: Double) -> Double { plotLeft + (value - xLow) / (xHigh - xLow) * plotWidth }
        func y(_ value: Double) -> Double { plotTop + plotHeight - (value - low) / (high - low) * plotHeight }

        var svg = "<svg class=\"chart\"" + (offset.map { " x=\"\(number($0))\"" } ?? "") + " width=\"\(number(width))\" height=\"\(number(height))\""
        svg += " viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
        svg += "<text class=\"title\" x=\"\(number(plotLeft))\" y=\"14\">\(HTML.escape(panel.title))</text>\n"
        var tick = low
        while tick <= high + step / 2 {
            let ty = y(tick)
            svg += "<line class=\"grid\" x1=\"\(number(plotLeft))\" y1=\"\(number(ty))\" x2=\"\(number(plotLeft + plotWidth))\" y2=\"\(number(ty))\"/>"
            svg += "<text class=\"tick y\" x=\"\(number(plotLeft - 5))\" y=\"\(number(ty + 3.5))\">\(HTML.escape(Format.number(Float(tick))))</text>\n"
            tick += step
        }
        let xStep = max(1, Int(((xHigh - xLow) / 6).rounded(.up)))
        var xTick = xLow
        while xTick <= xHigh {
            svg += "<text class=\"tick x\" x=\"\(number(x(xTick)))\" y=\"\(number(plotTop + plotHeight + 14))\">"
            svg += "\(HTML.escape(Format.number(Float(xTick))))</text>"
            xTick += Double(xStep)
        }
        svg += "\n<line class=\"axis\" x1=\"\(number(plotLeft))\" y1=\"\(number(plotTop + plotHeight))\""
        svg += " x2=\"\(number(plotLeft + plotWidth))\" y2=\"\(number(plotTop + plotHeight))\"/>"
        svg += "<text class=\"xlabel\" x=\"\(number(plotLeft + plotWidth / 2))\" y=\"\(number(height - 6))\">"
        svg += "\(HTML.escape(panel.xLabel))</text>\n"
        // The legend follows the title on the top line, clear of the curves.
        var legendX = plotLeft + 14 + 7 * Double(panel.title.count)
        for (index, series) in panel.series.enumerated() {
            let kind = "s\(index % 4)"
            let points = zip(xs, series.values).filter { $0.1.isFinite }
                .map { "\(number(x($0.0))),\(number(y(min(max($0.1, low), high))))" }
            svg += "<polyline class=\"line \(kind)\" points=\"\(points.joined(separator: " "))\"><title>"
            svg += "\(HTML.escape(series.name))</title></polyline>\n"
            if points.count <= 30 {
                for point in points {
                    let parts = point.split(separator: ",")
                    svg += "<circle class=\"dot \(kind)\" cx=\"\(parts[0])\" cy=\"\(parts[1])\" r=\"2.2\"/>"
                }
                svg += "\n"
            }
            svg += "<line class=\"line \(kind)\" x1=\"\(number(legendX))\" y1=\"10.5\" x2=\"\(number(legendX + 14))\" y2=\"10.5\"/>"
            svg += "<text class=\"legend\" x=\"\(number(legendX + 18))\" y=\"14\">\(HTML.escape(series.name))</text>\n"
            legendX += 28 + 6 * Double(series.name.count)
        }
        return svg + "</svg>\n"
    }

    /// The axis's ends and tick step: round numbers (1, 2 or 5 × a power of ten) covering `range`;
    /// a fixed range keeps its ends.
    static func axis(_ range: ClosedRange<Double>, fixed: Bool) -> (low: Double, high: Double, step: Double) {
        var low = range.lowerBound, high = range.upperBound
        if !(high > low) { low -= 0.5; high += 0.5 }
        let rough = (high - low) / 4
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        if fixed { return (low, high, step) }
        return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    private static func number(_ value: Double) -> String { DiagramSVG.number(value) }
}
