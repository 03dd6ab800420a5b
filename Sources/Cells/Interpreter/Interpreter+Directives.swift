internal import Kernels
internal import Layers
import Outputs

extension Interpreter {
    /// Runs `#expect`, `#require`, `#summary` or `#show`; their outputs are recorded where they run.
    func run(_ directive: Directive, at span: Span, in scope: Scope) throws -> Value {
        switch directive.name {
        case .expect, .require:
            return try claim(directive, at: span, in: scope)
        case .summary:
            let arguments = try evaluateArguments(directive.arguments, in: scope)
            _ = try invoke(Self.summaryDirective, receiver: nil, arguments, at: span)
            return .void
        case .show:
            let arguments = try evaluateArguments(directive.arguments, in: scope)
            let windowSpans = Self.elementSpans(of: "windows", in: directive.arguments)
            _ = try invoke(Self.showDirective(windowSpans: windowSpans), receiver: nil, arguments, at: span)
            return .void
        }
    }

    /// `#summary(model, input: [32, 32, 3])`: the model's summary table.
    private static let summaryDirective = Builtin("#summary", [.required(nil, .layer), .optional("input", .ints)]) { call in
        let layer = call.layer(0)
        let model = try layer as? Sequential ?? Sequential(input: nil, [layer])
        guard let input = call.arguments[1] == nil ? model.input : call.ints(1) else {
            throw call.error("'#summary' needs the input shape of one example: #summary(model, input: [32, 32, 3])")
        }
        // A model built for this input already warned where it was made.
        let table = try call.interpreter.summaryTable(model, input: input, at: call.span,
                                                      emitWarnings: model.input != input)
        call.interpreter.outputs.append(.table(table))
        return .void
    }

    /// `#show(x, channels: 0..<8, rgb: true, inputChannel: 0, window: [r, c, h, w])`: a picture of a tensor or a
    /// convolution's kernels, windows outlined; `#show(model, input: [32, 32, 3])`: a diagram of a model's shapes.
    ///
    /// `windowSpans` are where the elements of a literal `windows:` list were written, to point at the one
    /// that does not fit.
    private static func showDirective(windowSpans: [Span]) -> Builtin {
        Builtin("#show", [.required(nil, .any), .optional("channels", .range), .optional("rgb", .bool),
                          .optional("inputChannel", .int), .optional("window", .ints), .optional("windows", .array),
                          .optional("input", .ints)]) { call in
            if case .object(let object) = call.value(0) {
                guard let shown = ChartBuilder.output(of: object) else {
                    throw call.error("'#show' draws tensors, layers, models, data sets, training histories and confusion matrices, "
                                     + "not a value of type '\(object.typeName)'", at: 0)
                }
                call.interpreter.outputs.append(shown)
                return .void
            }
            if case .layer(let layer) = call.value(0),
               call.arguments[6] != nil || !(layer is Conv2D || layer is DepthwiseConv2D) {
                try showDiagram(of: layer, &call)
                return .void
            }
            if call.arguments[6] != nil {
                throw call.error("'input:' is the input shape for drawing a model or a layer, "
                                 + "not for a value of type '\(call.value(0).typeName)'", at: 6)
            }
            let (windows, spans) = try windows(&call, literalSpans: windowSpans)
            let figure = try FigureBuilder.figure(
                of: call.value(0), channels: call.arguments[1] == nil ? nil : call.range(1),
                rgb: call.arguments[2] == nil ? false : call.bool(2), inputChannel: call.optionalInt(3),
                windows: windows, windowSpans: spans)
            call.interpreter.outputs.append(.figure(figure))
            return .void
        }
    }

    /// The labels of `#show`'s picture options, by parameter index.
    private static let pictureOptions = [(1, "channels"), (2, "rgb"), (3, "inputChannel"), (4, "window"), (5, "windows")]

    /// Adds the diagram of `layer` for the input shape given, or the model's own.
    private static func showDiagram(of layer: any Layer, _ call: inout Invocation) throws {
        if let (index, label) = pictureOptions.first(where: { call.arguments[$0.0] != nil }) {
            throw call.error("'\(label):' is for pictures of tensors and kernels; "
                             + "the diagram of a \(layer.kind) takes only 'input:'", at: index)
        }
        let model = layer as? Sequential
        guard let input = call.arguments[6] == nil ? model?.input : call.ints(6) else {
            if model != nil {
                throw call.error("'#show' needs the input shape of one example: give the model one, "
                                 + "'Sequential(input: [32, 32, 3]) { … }', or write '#show(model, input: [32, 32, 3])'")
            }
            throw call.error("'#show' needs the input shape of one example to draw a \(layer.kind): "
                             + "write '#show(layer, input: [32, 32, 3])'")
        }
        let (diagram, warnings) = try DiagramBuilder.diagram(of: layer, input: input)
        // A model built for this input already warned where it was made.
        if model?.input != input {
            for warning in warnings { call.interpreter.warn(warning, at: call.span) }
        }
        call.interpreter.outputs.append(.diagram(diagram))
    }

    /// The windows of `window:` or `windows:` (not both), each with where it was written.
    private static func windows(_ call: inout Invocation, literalSpans: [Span]) throws -> ([Figure.Window], [Span]) {
        if call.arguments[4] != nil && call.arguments[5] != nil {
            throw call.error("use 'window:' for one window or 'windows:' for several, not both", at: 5)
        }
        if call.arguments[4] != nil {
            return ([try window(call.ints(4), at: call.spans[4])], [call.spans[4]])
        }
        guard call.arguments[5] != nil else { return ([], []) }
        let elements = call.array(5)
        let spans = literalSpans.count == elements.count
            ? literalSpans : [Span](repeating: call.spans[5], count: elements.count)
        if !elements.isEmpty, elements.allSatisfy({ if case .int = $0 { true } else { false } }) {
            throw call.error("'windows:' takes a list of windows, [[row, column, height, width], …]; "
                             + "for one window write 'window: \(call.interpreter.inline(call.value(5)))'", at: 5)
        }
        var windows: [Figure.Window] = []
        for (element, span) in zip(elements, spans) {
            guard case .array(let numbers) = element else {
                throw CellsError("each window is [row, column, height, width], not a value of type '\(element.typeName)'",
                                 at: span)
            }
            let ints = numbers.compactMap { if case .int(let n) = $0 { n } else { nil } }
            guard ints.count == numbers.count else {
                throw CellsError("window \(call.interpreter.inline(element)) needs whole numbers: "
                                 + "[row, column, height, width]", at: span)
            }
            windows.append(try window(ints, at: span))
        }
        return (windows, spans)
    }

    /// `[row, column, height, width]` as a window.
    private static func window(_ numbers: [Int], at span: Span) throws -> Figure.Window {
        guard numbers.count == 4 else {
            throw CellsError("window \(numbers) needs 4 numbers: [row, column, height, width]", at: span)
        }
        return Figure.Window(row: numbers[0], column: numbers[1], height: numbers[2], width: numbers[3])
    }

    /// Where each element of the array literal passed as `label:` was written; empty if it is not a literal.
    private static func elementSpans(of label: String, in arguments: [Argument]) -> [Span] {
        guard let argument = arguments.first(where: { $0.label == label }),
              case .array(let elements) = argument.value.kind else { return [] }
        return elements.map(\.span)
    }
}
