internal import Autodiff
internal import Kernels
internal import Layers

/// Differentiation in cells: `gradient(at: w) { w in … }` and `gradient(at: model) { m in … }`.
///
/// Inside the closure, a tensor that depends on the point (or on the model's parameters) holds
/// its recorded `Variable`; the differentiable operations (arithmetic, the functional ops, layers,
/// `sum()`, `mean()`, the losses) record theirs through Autodiff, and any other operation that
/// would make a tensor from a recorded one is an error rather than a silent zero gradient.
extension Interpreter {
    /// Runs `gradient(at:seed:_:)` or `valueWithGradient(at:seed:_:)`.
    func gradient(_ call: Invocation, withValue: Bool) throws -> Value {
        let closure = call.function(2)
        let seed = call.arguments[1] == nil ? 0 : try call.seed(1)
        tracing += 1
        defer { tracing -= 1 }
        switch call.value(0) {
        case .tensor(let box):
            let tape = Tape()
            let point = tape.variable(box.tensor)
            let result = try callFunction(closure, [try tensorValue(box.tensor, variable: point, at: call.span)], at: call.span)
            let loss = try recordedScalar(result, call)
            let gradient = try tensorValue(try tape.gradients(of: loss, withRespectTo: [point])[0], at: call.span)
            return withValue ? .record(pair(value: loss.value, gradient: gradient)) : gradient
        case .layer(let model):
            let traced = TracedModel(model, training: true, seed: seed)
            let key = ObjectIdentifier(model as AnyObject)
            tracedModels[key] = traced
            defer { tracedModels[key] = nil }
            let result = try callFunction(closure, [.layer(model)], at: call.span)
            let gradients = Value.object(GradientsObject(try traced.gradients(of: try recordedScalar(result, call))))
            guard case .tensor(let out) = result else { return gradients }
            return withValue ? .record(pair(value: out.tensor, gradient: gradients)) : gradients
        default:
            throw call.error("'\(call.name)(at:)' takes a Tensor or a model, not a value of type '\(call.value(0).typeName)'", at: 0)
        }
    }

    /// `(value: 0.25, gradient: …)`.
    private func pair(value: Tensor, gradient: Value) -> Record {
        let scalar = value.scalars.first ?? 0
        return Record("ValueWithGradient", fields: ["value": .float(scalar), "gradient": gradient],
                      text: "(value: \(scalar), gradient: \(inline(gradient)))")
    }

    /// The closure's result as the recorded scalar to differentiate, or an error saying why not.
    private func recordedScalar(_ result: Value, _ call: Invocation) throws -> Variable {
        guard case .tensor(let box) = result, let variable = box.variable else {
            throw call.error("the closure of '\(call.name)(at:)' must return a scalar computed from its argument, "
                             + "such as '(f(x) - y).square().mean()' or 'meanSquaredError(m(x), y)', not a value of type '\(result.typeName)' that does not depend on it", at: 2)
        }
        guard variable.value.count == 1 else {
            throw call.error("the closure of '\(call.name)(at:)' must return a scalar, not a tensor \(variable.shape): "
                             + "reduce it with '.sum()' or '.mean()'", at: 2)
        }
        return variable
    }

    /// A value for an op's result: recorded when it depends on the point, else a plain tensor.
    func traced(_ variable: Variable, at span: Span) throws -> Value {
        try tensorValue(variable.value, variable: variable.isRecorded ? variable : nil, at: span)
    }

    /// Whether any of the values is a recorded tensor.
    func anyRecorded(_ values: [Value?]) -> Bool {
        values.contains { value in
            if case .tensor(let box)? = value { box.variable != nil } else { false }
        }
    }

    /// A built-in call while tracing: its differentiable form when it has one and a recorded
    /// operand, else the plain call, checked not to cut a recorded tensor off its gradient.
    func invokeTracing(_ builtin: Builtin, _ invocation: inout Invocation) throws -> Value {
        var operands = invocation.arguments
        operands.append(invocation.receiver)
        guard anyRecorded(operands) else { return try builtin.body(&invocation) }
        if let traced = builtin.traced { return try traced(&invocation) }
        let result = try builtin.body(&invocation)
        if case .tensor(let box) = result, box.variable == nil {
            throw CellsError("'\(builtin.name)' is not differentiable: its result would not carry the gradient; "
                             + "inside 'gradient(at:)' use arithmetic, the functional ops, layers, sum(), mean() and the losses")
        }
        return result
    }

    /// `a op b` while tracing, when either side is a recorded tensor.
    func tracedBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, at span: Span) throws -> Value? {
        guard anyRecorded([a, b]) else { return nil }
        func variable(_ value: Value) -> Variable? {
            if case .tensor(let box) = value { return box.variable ?? Variable(box.tensor) }
            return nil
        }
        let result: Variable
        switch (variable(a), variable(b), a.number, b.number) {
        case (let x?, let y?, _, _):
            switch op {
            case .add: result = try x + y
            case .subtract: result = try x - y
            case .multiply: result = try x * y
            case .divide: result = try x / y
            default: return nil
            }
        case (let x?, nil, _, let s?), (nil, let x?, let s?, _):
            let scalar = Float(s), leftTensor = variable(a) != nil
            switch op {
            case .add: result = try x + scalar
            case .multiply: result = try x * scalar
            case .subtract: result = leftTensor ? try x - scalar : try scalar - x
            case .divide: result = leftTensor ? try x / scalar : try scalar / x
            default: return nil
            }
        default:
            return nil
        }
        return try traced(result, at: span)
    }

    /// `layer(x)` while tracing: recorded through the model's pass when it is the model being
    /// differentiated, or as a constant function of a recorded input (batch norm on the batch's
    /// statistics when `training`).
    func tracedLayerCall(_ layer: any Layer, _ input: TensorBox, training: Bool, at span: Span) throws -> Value? {
        guard tracing > 0 else { return nil }
        let x = input.variable ?? Variable(input.tensor)
        if let model = tracedModels[ObjectIdentifier(layer as AnyObject)] {
            return try traced(try model(x), at: span)
        }
        guard input.variable != nil else { return nil }
        return try traced(try layer(x, in: ForwardPass(training: training)), at: span)
    }
}

extension Invocation {
    /// Argument `i` as a variable: its recorded value inside `gradient(at:)`, else a constant.
    func variable(_ i: Int) -> Variable {
        guard case .tensor(let box) = value(i) else { preconditionFailure("parameter \(i) is not a tensor") }
        return box.variable ?? Variable(box.tensor)
    }

    /// Argument `i` as a variable, or nil when it was not given.
    func optionalVariable(_ i: Int) -> Variable? {
        arguments[i] == nil ? nil : variable(i)
    }

    /// The receiver, a tensor, as a variable.
    var receiverVariable: Variable {
        guard case .tensor(let box) = receiver else { preconditionFailure("receiver is not a tensor") }
        return box.variable ?? Variable(box.tensor)
    }

    /// `variable`, the result of this call's differentiable form, as a value.
    func traced(_ variable: Variable) throws -> Value {
        try interpreter.traced(variable, at: span)
    }
}
