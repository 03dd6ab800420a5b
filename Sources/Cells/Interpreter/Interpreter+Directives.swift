internal import Kernels
internal import Layers

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
            _ = try invoke(Self.showDirective, receiver: nil, arguments, at: span)
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

    /// `#show(x, channels: 0..<8, rgb: true, inputChannel: 0)`: a picture of a tensor or a layer's kernels.
    private static let showDirective = Builtin("#show", [.required(nil, .any), .optional("channels", .range),
                                                         .optional("rgb", .bool, default: .bool(false)),
                                                         .optional("inputChannel", .int)]) { call in
        let figure = try FigureBuilder.figure(of: call.value(0), channels: call.arguments[1] == nil ? nil : call.range(1),
                                              rgb: call.bool(2), inputChannel: call.optionalInt(3))
        call.interpreter.outputs.append(.figure(figure))
        return .void
    }
}
