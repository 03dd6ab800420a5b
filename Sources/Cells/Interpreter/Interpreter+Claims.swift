import Outputs
extension Interpreter {
    /// `#expect(cond)` and `#require(cond)`: records the claim; on failure, the value of each
    /// sub-expression, outermost first, as Swift Testing shows them. A failed `#require` stops.
    func claim(_ directive: Directive, at span: Span, in scope: Scope) throws -> Value {
        let name = directive.name.rawValue
        guard directive.arguments.count == 1, let argument = directive.arguments.first, argument.label == nil else {
            throw CellsError("'#\(name)' takes one condition: #\(name)(condition)", at: span)
        }
        let condition = argument.value
        var recorded: [(text: String, value: Value?)] = []
        let value = try evaluateRecording(condition, in: scope, into: &recorded, isTop: true, descend: true)
        guard case .bool(let passed) = value else {
            throw CellsError("cannot convert value of type '\(value.typeName)' to expected argument type 'Bool'",
                             at: condition.span)
        }
        var values: [ClaimResult.SubexpressionValue] = []
        if !passed {
            var seen: Set<String> = []
            for (text, value) in recorded {
                guard let value, seen.insert(text).inserted else { continue }
                values.append(.init(text, inline(value)))
            }
        }
        let result = ClaimResult(kind: directive.name == .expect ? .expect : .require,
                                 condition: directive.conditionText, location: condition.span.location(in: runFile),
                                 length: condition.span.length, passed: passed, values: values)
        outputs.append(.claim(result))
        if !passed && directive.name == .require {
            throw CellsError("requirement failed: \(directive.conditionText)", at: condition.span,
                             kind: .requirementFailed)
        }
        return .void
    }

    /// Evaluates a claim's condition, recording the non-literal sub-expressions it passes through:
    /// operands of operators, arguments of calls, and the receiver of a method the claim calls.
    /// Members, subscripts and closures are recorded whole, not taken apart.
    private func evaluateRecording(_ expr: Expr, in scope: Scope, into recorded: inout [(text: String, value: Value?)],
                                   isTop: Bool, descend: Bool) throws -> Value {
        var slot: Int?
        if !isTop && !expr.isLiteral, let text = expr.text {
            slot = recorded.count
            recorded.append((text, nil))
        }
        func sub(_ child: Expr) throws -> Value {
            try evaluateRecording(child, in: scope, into: &recorded, isTop: false, descend: true)
        }
        let value: Value
        switch expr.kind {
        case .binary(let op, let left, let right) where descend:
            let a = try sub(left)
            let b = try sub(right)
            value = try applyBinary(op, a, b, left: left, right: right, at: expr.span)
        case .logical(let op, let left, let right) where descend:
            let a = try sub(left)
            guard case .bool(let x) = a else { value = try evaluate(expr, in: scope); break }
            if op == .and ? !x : x {
                value = .bool(x)
            } else {
                let b = try sub(right)
                guard case .bool(let y) = b else {
                    throw CellsError("cannot convert value of type '\(b.typeName)' to expected condition type 'Bool'",
                                     at: right.span)
                }
                value = .bool(y)
            }
        case .prefix(let op, let operand) where descend && !expr.isLiteral:
            value = try applyPrefix(op, try sub(operand), at: expr.span)
        case .ternary(let condition, let then, let otherwise) where descend:
            let test = try sub(condition)
            guard case .bool(let b) = test else { value = try evaluate(expr, in: scope); break }
            value = try sub(b ? then : otherwise)
        case .call(let callee, let arguments, nil) where descend && !isMutatingCall(callee):
            var function: Value
            if isTop, case .member(let base, let name) = callee.kind, !isTypeName(base, in: scope) {
                // `#expect(x.contains(5))` shows `x` too.
                function = try member(name, of: try sub(base), at: callee.span)
            } else {
                function = try evaluate(callee, in: scope)
            }
            var evaluated: [EvaluatedArgument] = []
            for argument in arguments {
                evaluated.append(EvaluatedArgument(label: argument.label, labelSpan: argument.labelSpan,
                                                   value: try sub(argument.value), span: argument.value.span,
                                                   expression: argument.value))
            }
            value = try call(function, evaluated, at: expr.span)
        default:
            value = try evaluate(expr, in: scope)
        }
        if let slot { recorded[slot].value = value }
        return value
    }

    private func isMutatingCall(_ callee: Expr) -> Bool {
        if case .member(_, let name) = callee.kind { return Self.isMutatingMethod(name) }
        return false
    }

    /// Whether `expr` names a built-in type (`Tensor` in `Tensor.zeros(…)`), which a claim need not show.
    private func isTypeName(_ expr: Expr, in scope: Scope) -> Bool {
        guard case .name(let name) = expr.kind else { return false }
        tracker.noteRead(name)
        guard scope.find(name) == nil else { return false }
        if case .type = Builtins.global(name.text) { return true }
        return false
    }
}
