import Outputs
import Notebook

/// A `Figure` in a terminal: with colour, each panel drawn with half-block characters in 24-bit
/// colour (two pixels a character); without, its description.
enum TerminalFigure {
    static let maximumWidth = 48

    static func render(_ figure: Figure, color: Bool) -> String {
        guard color else { return "[figure: \(figure.alt)]\n" }
        var out = ""
        let map: ColorMap
        switch figure.style {
        case let .heatmap(low, high): map = ColorMap.forScale(low: low, high: high)
        case .rgb: map = .viridis
        }
        for panel in figure.panels {
            let step = max(1, (panel.width + maximumWidth - 1) / maximumWidth)
            let rgb = FigureHTML.rgb(of: panel, style: figure.style, map: map)
            out += panel.label + "\n"
            var y = 0
            while y < panel.height {
                var x = 0
                while x < panel.width {
                    let top = (y * panel.width + x) * 3
                    let bottom = min(y + step, panel.height - 1) * panel.width * 3 + x * 3
                    out += "\u{1B}[38;2;\(rgb[top]);\(rgb[top + 1]);\(rgb[top + 2])m"
                    out += "\u{1B}[48;2;\(rgb[bottom]);\(rgb[bottom + 1]);\(rgb[bottom + 2])m▀"
                    x += step
                }
                out += "\u{1B}[0m\n"
                y += 2 * step
            }
        }
        return out + "\(figure.alt)\n"
    }
}
