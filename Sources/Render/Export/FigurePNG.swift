import Outputs

/// A `Figure` as one PNG: its panels in a grid on white, each enlarged as on the page, with their
/// windows outlined (Jupyter's `image/png`).
enum FigurePNG {
    static let gap = 8
    static let maximumWidth = 800

    static func encode(_ figure: Figure) -> [UInt8] {
        let map: ColorMap
        switch figure.style {
        case let .heatmap(low, high): map = ColorMap.forScale(low: low, high: high)
        case .rgb: map = .viridis
        }
        let target = FigureHTML.targetSize(panels: figure.panels.count)
        var pictures: [(width: Int, height: Int, rgb: [UInt8])] = []
        for panel in figure.panels where panel.width > 0 && panel.height > 0 {
            let scale = max(1, (target + max(panel.width, panel.height) - 1) / max(panel.width, panel.height, 1))
            var enlarged = FigureHTML.upscale(FigureHTML.rgb(of: panel, style: figure.style, map: map),
                                              width: panel.width, height: panel.height, by: scale)
            FigureHTML.outline(panel.windows, on: &enlarged, width: panel.width * scale, height: panel.height * scale, scale: scale)
            pictures.append((panel.width * scale, panel.height * scale, enlarged))
        }
        guard !pictures.isEmpty else { return PNG.encode(width: 1, height: 1, rgb: [255, 255, 255]) }
        let cellWidth = pictures.map(\.width).max()!, cellHeight = pictures.map(\.height).max()!
        let columns = max(1, min(pictures.count, (maximumWidth - gap) / (cellWidth + gap)))
        let rows = (pictures.count + columns - 1) / columns
        let width = gap + columns * (cellWidth + gap), height = gap + rows * (cellHeight + gap)
        var canvas = [UInt8](repeating: 255, count: width * height * 3)
        for (position, picture) in pictures.enumerated() {
            let left = gap + (position % columns) * (cellWidth + gap), top = gap + (position / columns) * (cellHeight + gap)
            for y in 0..<picture.height {
                let from = y * picture.width * 3, to = ((top + y) * width + left) * 3
                canvas.replaceSubrange(to..<(to + picture.width * 3), with: picture.rgb[from..<(from + picture.width * 3)])
            }
        }
        return PNG.encode(width: width, height: height, rgb: canvas)
    }

    /// What the picture shows, for readers without it: its description, the panels'
    /// labels in grid order, and the colour scale.
    static func description(of figure: Figure) -> String {
        var text = figure.alt
        let labels = figure.panels.map(\.label).filter { !$0.isEmpty }
        if !labels.isEmpty { text += "\npanels: " + labels.joined(separator: ", ") }
        if case let .heatmap(low, high) = figure.style { text += "\nscale: \(Format.number(low)) to \(Format.number(high))" }
        return text
    }
}
