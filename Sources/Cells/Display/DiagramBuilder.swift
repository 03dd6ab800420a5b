internal import Kernels
internal import Layers
import Outputs

/// Turns a model (or one layer) and an input shape into a `ModelDiagram`, from shapes alone: the input,
/// then one stage per layer of the top level, each labelled in short (`Conv2D 3×3 · 16`).
///
/// A layer that keeps the shape, has no parameters and looks at one position at a time (an activation,
/// dropout) is not a stage of its own: it joins the label of the stage before it (`Conv2D 3×3 · 16, ReLU`).
enum DiagramBuilder {
    /// The diagram of `layer` for examples of shape `input`, with the warnings its shapes raise.
    /// - Throws: `LayersError` naming the first layer, by position, whose input does not fit.
    static func diagram(of layer: any Layer, input: [Int]) throws -> (diagram: ModelDiagram, warnings: [String]) {
        if !(layer is Sequential) {
            // A lone layer's error reads better without the position it would have in a model.
            _ = try layer.shapeReport(for: input)
        }
        let model = try layer as? Sequential ?? Sequential(input: nil, [layer])
        let summary = try ModelSummary(model: model, input: input)
        // The summary's top-level rows are the model's own layers, in order; containers carry their sums.
        let rows = summary.rows.filter { $0.path.count == 1 }
        var diagram = ModelDiagram(input: input)
        var shape = input
        for (layer, row) in zip(model.layers, rows) {
            let parameters = row.parameters.total
            if diagram.stages.count > 1, folds(layer, parameters: parameters, from: shape, to: row.outputShape) {
                diagram.extendLastLabel(with: label(of: layer, output: row.outputShape))
            } else {
                diagram.append(label(of: layer, output: row.outputShape), shape: row.outputShape, parameters: parameters)
            }
            shape = row.outputShape
        }
        let total = NumberFormat.grouped(summary.parameters.total)
        let parameters = "\(total) parameter\(summary.parameters.total == 1 ? "" : "s")"
        let from = "from \(shapeText(input)) to \(shapeText(summary.outputShape))"
        diagram.alt = layer is Sequential
            ? "a model \(from) in \(English.count(diagram.stages.count - 1, "stage")), \(parameters)"
            : "\(English.article(layer.kind)) layer \(from), \(parameters)"
        return (diagram, summary.warnings)
    }

    /// The layer in short, in the lesson's terms: `Conv2D 3×3 /2 · 64`, `MaxPool2D 2×2`, `Dense 10`.
    ///
    /// Stride and padding appear only when they are not the usual ones (1 and valid for a convolution,
    /// the window's size and valid for pooling).
    static func label(of layer: any Layer, output: [Int]) -> String {
        switch layer {
        case let conv as Conv2D:
            let window = windowText(conv.kernelHeight, conv.kernelWidth, stride: conv.stride, usualStride: 1,
                                    padding: conv.padding, dilation: conv.dilation)
            return "Conv2D \(window) · \(conv.filters)"
        case let conv as DepthwiseConv2D:
            let window = windowText(conv.kernelHeight, conv.kernelWidth, stride: conv.stride, usualStride: 1,
                                    padding: conv.padding, dilation: conv.dilation)
            return "DepthwiseConv2D \(window)" + (conv.depthMultiplier == 1 ? "" : " ×\(conv.depthMultiplier)")
        case let pool as MaxPool2D:
            return "MaxPool2D " + windowText(pool.size, pool.width, stride: pool.stride,
                                             usualStride: PerAxis(height: pool.size, width: pool.width),
                                             padding: pool.padding, dilation: 1)
        case let pool as AvgPool2D:
            return "AvgPool2D " + windowText(pool.size, pool.width, stride: pool.stride,
                                             usualStride: PerAxis(height: pool.size, width: pool.width),
                                             padding: pool.padding, dilation: 1)
        case let dense as Dense:
            return "Dense \(dense.units)"
        case let dropout as Dropout:
            return "Dropout \(dropout.rate)"
        case let model as Sequential:
            return "Sequential (\(English.count(model.layers.count, "layer")))"
        case is Residual:
            return output.count == 3 ? "Residual · \(output[2])" : "Residual"
        default:
            return layer.kind
        }
    }

    /// Whether `layer` joins the stage before it: no parameters, the same shape, one position at a time.
    private static func folds(_ layer: any Layer, parameters: Int, from input: [Int], to output: [Int]) -> Bool {
        guard !(layer is Sequential), !(layer is Residual) else { return false }
        return parameters == 0 && input == output && layer.receptiveFieldStep == .pointwise
    }

    /// `3×3`, `3×3 /2`, `3×3 same`, `5×5 pad 2`, `3×3 dil 2`.
    private static func windowText(_ height: Int, _ width: Int, stride: PerAxis, usualStride: PerAxis,
                                   padding: Padding, dilation: PerAxis) -> String {
        var text = "\(height)×\(width)"
        if stride != usualStride { text += " /\(stride)" }
        switch padding {
        case .valid: break
        case .same: text += " same"
        case .explicit(let amount): if amount != 0 { text += " pad \(amount)" }
        case .sides: text += " pad \(padding)"
        }
        if dilation != 1 { text += " dil \(dilation)" }
        return text
    }

    /// `[32, 32, 3]` → `32×32×3`.
    static func shapeText(_ shape: [Int]) -> String {
        shape.map(String.init).joined(separator: "×")
    }
}
