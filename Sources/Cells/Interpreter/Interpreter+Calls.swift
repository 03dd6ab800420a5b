extension Interpreter {
    /// A call expression: a function, a method, an initialiser (`Conv2D(…)`) or a layer (`conv(x)`).
    func call(_ callee: Expr, _ arguments: [Argument], trailingClosure: Closure?, in scope: Scope,
              at span: Span) throws -> Value {
        // One match of the callee's kind: each `if case` on it copied the kind anew.
        let function: Value
        switch callee.kind {
        case .member(let base, let name):
            if Self.isMutatingMethod(name) {
                return try callMutating(name, on: base, arguments, in: scope, at: span)
            }
            // `conv.parameterCount(for: shape)` calls the method even where a property shares its name.
            function = try member(name, of: try evaluate(base, in: scope), at: callee.span, preferMethod: true)
        case .implicitMember(let name):
            // Implicit members that take arguments: a padding (`.explicit(2)`) or a number's
            // format (`.decimals(2)`).
            guard let method = Builtins.paddingType.methods[name] ?? FormatStyles.methods[name] else {
                throw CellsError("cannot infer contextual base in reference to member '\(name)'", at: callee.span)
            }
            function = .function(Function(.builtin(method, receiver: nil)))
        default:
            function = try evaluate(callee, in: scope)
        }
        if trailingClosure == nil, arguments.count == 1 {
            return try callWithOne(function, arguments[0], in: scope, at: span)
        }
        let evaluated = try evaluateArguments(arguments, in: scope)
        let trailing = trailingClosure.map { closure in
            EvaluatedArgument(label: nil, labelSpan: closure.span, value: .function(makeClosure(closure, in: scope)),
                              span: closure.span)
        }
        return try call(function, evaluated, trailingClosure: trailing, at: span)
    }

    /// Calls a value with evaluated arguments.
    func call(_ callee: Value, _ arguments: [EvaluatedArgument], trailingClosure: EvaluatedArgument? = nil,
              at span: Span) throws -> Value {
        switch callee {
        case .function(let function):
            switch function.kind {
            case .declared(let decl, let scope):
                return try callDeclared(decl, captured: scope, arguments, trailingClosure: trailingClosure, at: span)
            case .local(let decl):
                preconditionFailure("'\(decl.name)' was not resolved to its scope when looked up")
            case .closure(let closure, let scope):
                if let trailingClosure {
                    throw CellsError("extra trailing closure passed in call", at: trailingClosure.span)
                }
                if let labelled = arguments.first(where: { $0.label != nil }) {
                    throw CellsError("extraneous argument label '\(labelled.label!):' in call", at: labelled.labelSpan)
                }
                return try callClosure(closure, captured: scope, arguments.map(\.value), at: span)
            case .builtin(let builtin, let receiver):
                return try invoke(builtin, receiver: receiver, arguments, trailingClosure: trailingClosure, at: span)
            case .binaryOperator(let op):
                guard arguments.count == 2, trailingClosure == nil, arguments.allSatisfy({ $0.label == nil }) else {
                    throw CellsError("operator '\(op.rawValue)' takes two arguments", at: span)
                }
                let operand = Expr(kind: .invalid, span: span)
                return try applyBinary(op, arguments[0].value, arguments[1].value, left: operand, right: operand,
                                       at: span)
            }
        case .type(let type):
            guard let initializer = type.initializer else {
                throw CellsError("'\(type.name)' cannot be constructed in cells", at: span)
            }
            return try invoke(initializer, receiver: nil, arguments, trailingClosure: trailingClosure, at: span)
        case .array(let elements) where arguments.isEmpty && trailingClosure == nil && elements.count == 1:
            // `[Int]()` parses as a call of an array holding the type `Int`.
            if case .type = elements[0] { return .array([]) }
        default:
            if let result = try callLayerValue(callee, arguments, at: span) { return result }
        }
        throw CellsError("cannot call value of non-function type '\(callee.typeName)'", at: span)
    }

    /// A call with one argument and no trailing closure, as `Double(x)` or `t.sum(axis)`: a built-in
    /// whose first form takes exactly that one argument runs without the general matching, which
    /// would pick the same form with the same value; any other call goes the general way.
    private func callWithOne(_ function: Value, _ argument: Argument, in scope: Scope, at span: Span) throws -> Value {
        let value = try evaluate(argument.value, in: scope)
        let builtin: Builtin?, receiver: Value?
        switch function {
        case .type(let type): (builtin, receiver) = (type.initializer, nil)
        case .function(let function):
            if case .builtin(let method, let bound) = function.kind { (builtin, receiver) = (method, bound) } else {
                (builtin, receiver) = (nil, nil)
            }
        default: (builtin, receiver) = (nil, nil)
        }
        if let builtin, !builtin.isVariadic, let parameters = builtin.signatures.first?.parameters,
           parameters.count == 1, parameters[0].label == argument.label, let converted = parameters[0].type.convert(value) {
            return try invoke(builtin, receiver: receiver, form: 0, [converted], spans: [argument.value.span], at: span)
        }
        let evaluated = EvaluatedArgument(label: argument.label, labelSpan: argument.labelSpan, value: value,
                                          span: argument.value.span, expression: argument.value)
        return try call(function, [evaluated], at: span)
    }

    /// Calls a built-in after matching its arguments; errors without a place get the call's.
    func invoke(_ builtin: Builtin, receiver: Value?, _ arguments: [EvaluatedArgument],
                trailingClosure: EvaluatedArgument? = nil, at span: Span) throws -> Value {
        let (form, values, spans) = try builtin.bind(arguments, trailingClosure: trailingClosure, call: span)
        return try invoke(builtin, receiver: receiver, form: form, values, spans: spans, at: span)
    }

    /// Runs a built-in on arguments already matched to its form `form`.
    private func invoke(_ builtin: Builtin, receiver: Value?, form: Int, _ values: [Value?], spans: [Span],
                        at span: Span) throws -> Value {
        var invocation = Invocation(interpreter: self, name: builtin.name, receiver: receiver, form: form, arguments: values,
                                    spans: spans, span: span)
        do {
            if tracing > 0 { return try invokeTracing(builtin, &invocation) }
            return try builtin.body(&invocation)
        } catch let error as CellsError {
            throw error.located(at: span)
        } catch {
            throw CellsError(Self.message(of: error), at: span)
        }
    }

    /// Enters a call of a cell function or closure, failing past the recursion limit.
    private func enterCall(at span: Span) throws {
        try tickRepeating(span)
        guard depth < limits.recursionDepth else {
            throw CellsError("recursion deeper than \(limits.recursionDepth) calls", at: span)
        }
        depth += 1
        collectors.append(nil)
    }

    private func leaveCall() {
        depth -= 1
        collectors.removeLast()
    }

    private func callDeclared(_ decl: FunctionDecl, captured: Scope, _ arguments: [EvaluatedArgument],
                              trailingClosure: EvaluatedArgument?, at span: Span) throws -> Value {
        let matcher = ArgumentMatcher(
            slots: decl.parameters.map {
                .init(label: $0.label, isOptional: $0.defaultValue != nil, takesClosure: $0.type == .function)
            },
            accepted: decl.signature, name: decl.name.text)
        let assignment = try matcher.match(arguments, trailingClosure: trailingClosure?.span, call: span)
        let all = arguments + (trailingClosure.map { [$0] } ?? [])
        let scope = Scope(parent: captured)
        for (parameter, index) in zip(decl.parameters, assignment) {
            var value: Value
            let literal: Expr?
            if let index {
                value = all[index].value
                literal = all[index].expression
            } else {
                value = try evaluate(parameter.defaultValue!, in: captured)
                literal = parameter.defaultValue
            }
            let place = index.map { all[$0].span } ?? span
            value = try conform(value, to: parameter.type, literal: literal?.isNumericLiteral == true ? literal : nil,
                                at: place, context: "argument type")
            if let name = parameter.name { scope.define(name, value, mutable: false) }
        }
        try enterCall(at: span)
        defer { leaveCall() }
        var result = try runBody(decl.body, in: scope)
        if let returnType = decl.returnType {
            if case .void = result {
                throw CellsError("missing return in global function expected to return '\(returnType)'", at: decl.span)
            }
            result = try conform(result, to: returnType, literal: nil, at: span, context: "return type")
        } else if case .void = result {} else if !Self.isSingleExpression(decl.body) {
            throw CellsError("unexpected non-void return value in void function", at: decl.span)
        } else {
            result = .void
        }
        return result
    }

    /// Calls a closure with positional arguments (from `map`, `filter`, a call of a closure value).
    func callClosure(_ closure: Closure, captured: Scope, _ arguments: [Value], at span: Span) throws -> Value {
        let scope = Scope(parent: captured)
        if closure.parameters.isEmpty {
            guard closure.shorthandCount <= arguments.count else {
                throw CellsError("contextual closure type expects \(arguments.count) argument\(arguments.count == 1 ? "" : "s"), "
                                 + "but \(closure.shorthandCount) were used in closure body", at: closure.span)
            }
            for (index, value) in arguments.enumerated() { scope.define(.shorthand(index), value, mutable: false) }
        } else {
            guard closure.parameters.count == arguments.count else {
                throw CellsError("contextual closure type expects \(arguments.count) argument\(arguments.count == 1 ? "" : "s"), "
                                 + "but \(closure.parameters.count) were used in closure body", at: closure.span)
            }
            for (name, value) in zip(closure.parameters, arguments) where name != .wildcard {
                scope.define(name, value, mutable: false)
            }
        }
        try enterCall(at: span)
        defer { leaveCall() }
        return try runBody(closure.body, in: scope)
    }

    /// Calls a function value with positional arguments, for built-ins taking closures.
    func callFunction(_ function: Function, _ arguments: [Value], at span: Span) throws -> Value {
        if case .closure(let closure, let scope) = function.kind {
            return try callClosure(closure, captured: scope, arguments, at: span)
        }
        let evaluated = arguments.map { EvaluatedArgument(label: nil, labelSpan: span, value: $0, span: span) }
        return try call(.function(function), evaluated, at: span)
    }

    /// Runs a function or closure body: its `return` value, or the value of its only expression.
    private func runBody(_ body: [Stmt], in scope: Scope) throws -> Value {
        if Self.isSingleExpression(body), case .expression(let expr) = body[0].kind {
            try tick(body[0].span)
            return try evaluate(expr, in: scope)
        }
        switch try execute(body, in: scope) {
        case .returned(let value): return value
        case .normal: return .void
        case .broke, .continued: return .void  // the lowering rejects these outside loops
        }
    }

    private static func isSingleExpression(_ body: [Stmt]) -> Bool {
        guard body.count == 1, case .expression(let expr) = body[0].kind else { return false }
        if case .assignment = expr.kind { return false }
        return true
    }

    /// The message of an error a kernel or layer threw.
    static func message(of error: any Error) -> String {
        (error as? CustomStringConvertible)?.description ?? "\(error)"
    }
}
