import Outputs
import Notebook
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `Figure` as HTML: each panel a PNG inside the page, upscaled by whole pixels, with a colour scale.
enum FigureHTML {
    /// Panels smaller than this many pixels across are enlarged by a whole factor to reach it:
    /// a lone picture large, a grid of maps small enough to see together.
    static func targetSize(panels: Int) -> Int {
        panels == 1 ? 192 : panels <= 4 ? 128 : 96
    }

    /// The figure's HTML, captioned with its description.
    static func render(_ figure: Figure) -> String {
        var html = "<figure class=\"out-figure\">\n<div class=\"panels\">\n"
        let map: ColorMap
        switch figure.style {
        case let .heatmap(low, high): map = ColorMap.forScale(low: low, high: high)
        case .rgb: map = .viridis
        }
        let target = targetSize(panels: figure.panels.count)
        for panel in figure.panels {
            let scale = max(1, (target + max(panel.width, panel.height) - 1) / max(panel.width, panel.height, 1))
            let pixels = rgb(of: panel, style: figure.style, map: map)
            var enlarged = upscale(pixels, width: panel.width, height: panel.height, by: scale)
            outline(panel.windows, on: &enlarged, width: panel.width * scale, height: panel.height * scale, scale: scale)
            let png = PNG.encode(width: panel.width * scale, height: panel.height * scale, rgb: enlarged)
            html += "<figure class=\"panel\"><img src=\"data:image/png;base64,\(Data(png).base64EncodedString())\""
            html += " width=\"\(panel.width * scale)\" height=\"\(panel.height * scale)\""
            html += " alt=\"\(HTML.escape(panel.label))\">"
            if !panel.label.isEmpty { html += "<figcaption>\(HTML.escape(panel.label))</figcaption>" }
            html += "</figure>\n"
        }
        html += "</div>\n"
        if case let .heatmap(low, high) = figure.style {
            html += scaleBar(low: low, high: high, map: map)
        }
        html += "<figcaption>\(HTML.escape(figure.alt))</figcaption>\n</figure>\n"
        return html
    }

    /// The panel's pixels as RGB bytes.
    static func rgb(of panel: Figure.Panel, style: Figure.Style, map: ColorMap) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(panel.width * panel.height * 3)
        switch style {
        case let .heatmap(low, high):
            let span = high - low
            for value in panel.values.prefix(panel.width * panel.height) {
                let (r, g, b) = map.color(at: span > 0 ? (value - low) / span : 0.5)
                bytes.append(r)
                bytes.append(g)
                bytes.append(b)
            }
        case .rgb:
            for value in panel.values.prefix(panel.width * panel.height * 3) {
                bytes.append(value.isNaN ? 0 : UInt8((min(max(value, 0), 1) * 255).rounded()))
            }
        }
        let missing = panel.width * panel.height * 3 - bytes.count
        if missing > 0 { bytes += [UInt8](repeating: 0, count: missing) }
        return bytes
    }

    /// Nearest-neighbour enlargement by a whole factor.
    static func upscale(_ rgb: [UInt8], width: Int, height: Int, by scale: Int) -> [UInt8] {
        guard scale > 1 else { return rgb }
        precondition(rgb.count == width * height * 3, "upscale needs width·height·3 bytes")
        let rowBytes = width * scale * 3
        return [UInt8](unsafeUninitializedCapacity: rgb.count * scale * scale) { out, initialized in
            rgb.withUnsafeBufferPointer { rgb in
                let source = rgb.baseAddress!, target = out.baseAddress!
                for y in 0..<height {
                    let first = target + y * scale * rowBytes
                    var o = first
                    for x in 0..<width {
                        let pixel = source + (y * width + x) * 3
                        for _ in 0..<scale {
                            o[0] = pixel[0]
                            o[1] = pixel[1]
                            o[2] = pixel[2]
                            o += 3
                        }
                    }
                    for copy in 1..<scale {
                        (first + copy * rowBytes).initialize(from: first, count: rowBytes)
                    }
                }
            }
            initialized = rgb.count * scale * scale
        }
    }

    /// Outlines each window (in panel pixels) on an enlarged picture: a black line just outside
    /// it and a white one on its edge, so even a one-pixel window keeps its colour visible.
    static func outline(_ windows: [Figure.Window], on rgb: inout [UInt8], width: Int, height: Int, scale: Int) {
        func paint(_ x: Int, _ y: Int, _ value: UInt8) {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            let index = (y * width + x) * 3
            rgb[index] = value
            rgb[index + 1] = value
            rgb[index + 2] = value
        }
        for window in windows {
            let left = window.column * scale, top = window.row * scale
            let right = (window.column + window.width) * scale - 1, bottom = (window.row + window.height) * scale - 1
            for (inset, value) in [(-1, UInt8(0)), (0, UInt8(255))] {
                for x in (left + inset)...(right - inset) {
                    paint(x, top + inset, value)
                    paint(x, bottom - inset, value)
                }
                for y in (top + inset)...(bottom - inset) {
                    paint(left + inset, y, value)
                    paint(right - inset, y, value)
                }
            }
        }
    }

    private static func scaleBar(low: Float, high: Float, map: ColorMap) -> String {
        let steps = 64
        var bytes: [UInt8] = []
        for i in 0..<steps {
            let (r, g, b) = map.color(at: Float(i) / Float(steps - 1))
            bytes += [r, g, b]
        }
        let png = PNG.encode(width: steps, height: 1, rgb: bytes)
        return "<div class=\"scale\"><span>\(Format.number(low))</span>"
            + "<img src=\"data:image/png;base64,\(Data(png).base64EncodedString())\" alt=\"colour scale\">"
            + "<span>\(Format.number(high))</span></div>\n"
    }
}
