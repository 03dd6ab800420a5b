internal import Kernels
internal import Layers
import Outputs

/// Turns what `#show` is given into a `Figure`: a 2-D map, the channels of an image, an RGB
/// image, or a layer's kernels, on one shared scale.
enum FigureBuilder {
    /// The most panels one figure draws.
    static let maximumPanels = 64

    /// The figure for `value` (a tensor, or a convolution layer for its kernels).
    /// - Parameters:
    ///   - channels: which channels (or output filters of kernels) to draw; all when nil.
    ///   - rgb: draw a [H, W, 3] image as one colour picture.
    ///   - inputChannel: which input channel of [F, F, C_in, C_out] kernels to draw (0 when nil).
    ///   - windows: rectangles to outline on every panel, each checked to fit.
    ///   - windowSpans: where each window was written, for errors (the last one serves the rest).
    static func figure(of value: Value, channels: IntRange?, rgb: Bool, inputChannel: Int?,
                       windows: [Figure.Window] = [], windowSpans: [Span] = []) throws -> Figure {
        var (figure, surface) = try picture(of: value, channels: channels, rgb: rgb, inputChannel: inputChannel)
        for (index, window) in windows.enumerated() {
            if let misfit = misfit(window, height: figure.panels[0].height, width: figure.panels[0].width,
                                   surface: surface) {
                throw CellsError(misfit, at: windowSpans.isEmpty ? .none : windowSpans[min(index, windowSpans.count - 1)])
            }
        }
        for index in figure.panels.indices { figure.panels[index].windows = windows }
        return figure
    }

    /// The figure without windows, and what one panel is called in messages (`map`, `image`, `kernel`).
    private static func picture(of value: Value, channels: IntRange?, rgb: Bool, inputChannel: Int?) throws
        -> (Figure, surface: String) {
        let tensor: Tensor
        var subject = "tensor"
        switch value {
        case .tensor(let box):
            tensor = box.tensor
        case .layer(let conv as Conv2D):
            tensor = try weights(of: conv, built: conv.inputChannels != nil) { try conv.weights }
            subject = "Conv2D"
        case .layer(let conv as DepthwiseConv2D):
            tensor = try weights(of: conv, built: conv.inputChannels != nil) { try conv.weights }
            subject = "DepthwiseConv2D"
        default:
            throw CellsError("'#show' draws a tensor, a convolution's kernels or a model, "
                             + "not a value of type '\(value.typeName)'")
        }
        let shape = tensor.shape
        guard tensor.count > 0 else { throw CellsError("'#show' has nothing to draw in an empty tensor \(shape)") }
        switch shape.count {
        case 2:
            if channels != nil || rgb || inputChannel != nil {
                throw CellsError("'#show' of a 2-D map \(shape) takes no 'channels:', 'rgb:' or 'inputChannel:'")
            }
            let panel = Figure.Panel(label: "\(shape[0])×\(shape[1])", width: shape[1], height: shape[0],
                                     values: tensor.scalars)
            return (heatmap([panel], alt: English.article("\(shape[0])×\(shape[1]) map")), "map")
        case 3:
            let (height, width, depth) = (shape[0], shape[1], shape[2])
            if inputChannel != nil { throw CellsError("'inputChannel:' is for kernels [F, F, C_in, C_out], not \(shape)") }
            if rgb {
                guard depth == 3, channels == nil else {
                    throw CellsError("'rgb: true' needs an image of 3 channels, [H, W, 3], not \(shape)")
                }
                return (rgbFigure(tensor), "image")
            }
            let picked = try pick(channels, of: depth, what: "channels", shape: shape)
            let panels = picked.map { c in
                Figure.Panel(label: "channel \(c)", width: width, height: height,
                             values: stride(from: c, to: tensor.count, by: depth).map { tensor.scalars[$0] })
            }
            let which = picked.count == depth ? "" : ", channels \(describe(picked))"
            let alt = "\(English.count(picked.count, "feature map")) of \(height)×\(width)\(which)"
            return (heatmap(panels, alt: alt), "map")
        case 4:
            let (height, width, inputs, outputs) = (shape[0], shape[1], shape[2], shape[3])
            let input = inputChannel ?? 0
            guard (0..<inputs).contains(input) else {
                throw CellsError("input channel \(input) is out of range for kernels \(shape) with \(inputs) input channels")
            }
            let picked = try pick(channels, of: outputs, what: "filters", shape: shape)
            let panels = picked.map { o in
                Figure.Panel(label: "filter \(o)", width: width, height: height,
                             values: (0..<(height * width)).map { tensor.scalars[($0 * inputs + input) * outputs + o] })
            }
            let source = subject == "tensor" ? "" : " of a \(subject)"
            let alt = "\(English.count(picked.count, "kernel")) of \(height)×\(width)\(source), input channel \(input)"
            return (heatmap(panels, alt: alt), "kernel")
        default:
            throw CellsError("'#show' needs a 2-D map [H, W], an image [H, W, C] or kernels [F, F, C_in, C_out], "
                             + "not a tensor of shape \(shape)")
        }
    }

    /// Why `window` does not fit panels of `height × width`, or nil when it does.
    static func misfit(_ window: Figure.Window, height: Int, width: Int, surface: String) -> String? {
        let written = "window [\(window.row), \(window.column), \(window.height), \(window.width)]"
        let fit = "\(written) does not fit \(English.article("\(height)×\(width) \(surface)"))"
        if window.height < 1 || window.width < 1 {
            return "\(written) is empty: its height and width must be at least 1"
        }
        if window.row < 0 || window.column < 0 {
            return "\(fit): rows and columns count from 0"
        }
        // Compared by subtraction so that no sum of the user's numbers can overflow.
        if window.height > height || window.row > height - window.height {
            return "\(fit): it covers rows \(window.row)–\(lastIndex(window.row, window.height)), "
                + "and the last row is \(height - 1)"
        }
        if window.width > width || window.column > width - window.width {
            return "\(fit): it covers columns \(window.column)–\(lastIndex(window.column, window.width)), "
                + "and the last column is \(width - 1)"
        }
        return nil
    }

    /// `start + count − 1`, or "…" past the largest integer.
    private static func lastIndex(_ start: Int, _ count: Int) -> String {
        let (sum, overflow) = start.addingReportingOverflow(count - 1)
        return overflow ? "…" : "\(sum)"
    }

    /// A convolution's kernels, or an error saying how to give it some (or to draw its shapes instead).
    private static func weights(of layer: any Layer, built: Bool, _ weights: () throws -> Tensor) throws -> Tensor {
        guard built else {
            throw CellsError("'#show' draws \(English.article(layer.kind))'s kernels once it has weights: "
                             + "call it on an input first, or draw its shapes with '#show(layer, input: [32, 32, 3])'")
        }
        return try weights()
    }

    /// The indices `channels` picks among `count`, within the panel limit.
    private static func pick(_ channels: IntRange?, of count: Int, what: String, shape: [Int]) throws -> [Int] {
        let range: Range<Int>
        if let channels {
            guard let bounds = channels.bounds(in: count) else {
                throw CellsError("\(what) \(channels.description) are out of range for \(shape), which has \(count)")
            }
            range = bounds
        } else {
            range = 0..<count
        }
        guard !range.isEmpty else { throw CellsError("'#show' has no \(what) to draw in \(range)") }
        guard range.count <= maximumPanels else {
            throw CellsError("'#show' draws at most \(maximumPanels) panels, but \(shape) has \(range.count) \(what); "
                             + "pick some with 'channels: 0..<\(maximumPanels)'")
        }
        return Array(range)
    }

    /// Panels on one scale: min…max, symmetric around 0 when the values have both signs.
    static func heatmap(_ panels: [Figure.Panel], alt: String) -> Figure {
        let values = panels.flatMap(\.values).filter(\.isFinite)
        var low = values.min() ?? 0
        var high = values.max() ?? 0
        if low < 0 && high > 0 {
            let extent = Swift.max(-low, high)
            (low, high) = (-extent, extent)
        }
        if low == high {
            // A constant map still needs a scale of some width to be drawn.
            (low, high) = (low - 0.5, high + 0.5)
        }
        return Figure(style: .heatmap(low: low, high: high), panels: panels, alt: alt)
    }

    /// One colour picture; values outside 0…1 are scaled into it.
    private static func rgbFigure(_ tensor: Tensor) -> Figure {
        let (height, width) = (tensor.shape[0], tensor.shape[1])
        var values = tensor.scalars
        var alt = "an RGB image of \(height)×\(width)"
        let low = values.min() ?? 0
        let high = values.max() ?? 1
        if low < 0 || high > 1 {
            let range = high > low ? high - low : 1
            values = values.map { ($0 - low) / range }
            alt += ", scaled from \(NumberFormat.statistic(low))…\(NumberFormat.statistic(high)) to 0…1"
        }
        return Figure(style: .rgb, panels: [Figure.Panel(label: "\(height)×\(width)", width: width, height: height,
                                                         values: values)], alt: alt)
    }

    private static func describe(_ picked: [Int]) -> String {
        picked.count == 1 ? "\(picked[0])" : "\(picked.first!)–\(picked.last!)"
    }
}
