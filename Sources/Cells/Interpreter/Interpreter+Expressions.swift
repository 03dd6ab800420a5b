extension Interpreter {
    /// The value of an expression.
    ///
    /// An error a kernel or layer throws is located at the innermost expression it came from.
    func evaluate(_ expr: Expr, in scope: Scope) throws -> Value {
        do {
            return try value(of: expr, in: scope)
        } catch let error as CellsError {
            throw error.located(at: expr.span)
        } catch {
            throw CellsError(Self.message(of: error), at: expr.span)
        }
    }

    /// The value of an expression, its errors not yet located.
    private func value(of expr: Expr, in scope: Scope) throws -> Value {
        switch expr.kind {
        case .integer(let n):
            return .int(n)
        case .double(let x):
            return .double(x)
        case .name(let name):
            return try lookup(name, at: expr.span, in: scope)
        case .binary(let op, let left, let right):
            let a = try evaluate(left, in: scope)
            let b = try evaluate(right, in: scope)
            return try applyBinary(op, a, b, left: left, right: right, at: expr.span)
        case .logical(let op, let left, let right):
            let a = try boolean(left, in: scope)
            if op == .and ? !a : a { return .bool(a) }
            return .bool(try boolean(right, in: scope))
        case .call(let callee, let arguments, let trailingClosure):
            return try call(callee, arguments, trailingClosure: trailingClosure, in: scope, at: expr.span)
        case .assignment(let compound, let target, let value):
            try assign(compound: compound, target: target, value: value, in: scope, at: expr.span)
            return .void
        case .bool(let b):
            return .bool(b)
        case .string(let text):
            return .string(text)
        case .interpolation(let parts):
            return .string(try interpolate(parts, in: scope, at: expr.span))
        case .implicitMember(let member):
            return .symbol(member)
        case .array(let elements):
            try checkArray(count: elements.count, at: expr.span)
            let values = try elements.map { try evaluate($0, in: scope) }
            for value in values { try checkNesting(value, at: expr.span) }
            return try arrayLiteral(values, elements, at: expr.span)
        case .prefix(let op, let operand):
            return try applyPrefix(op, try evaluate(operand, in: scope), at: expr.span)
        case .partialRangeFrom(let operand):
            return .range(IntRange(lower: try rangeBound(operand, in: scope), upper: nil, isClosed: false))
        case .ternary(let condition, let then, let otherwise):
            return try evaluate(try boolean(condition, in: scope) ? then : otherwise, in: scope)
        case .member(let base, let name):
            return try member(name, of: try evaluate(base, in: scope), at: expr.span)
        case .subscriptAccess(let base, let arguments):
            let container = try evaluate(base, in: scope)
            return try subscriptValue(container, try evaluateArguments(arguments, in: scope), at: expr.span)
        case .closure(let closure):
            return .function(makeClosure(closure, in: scope))
        case .operatorFunction(let op):
            return .function(Function(.binaryOperator(op)))
        case .directive(let directive):
            return try run(directive, at: expr.span, in: scope)
        case .discard:
            throw CellsError("'_' can only appear in a pattern or on the left side of an assignment", at: expr.span)
        case .invalid:
            throw CellsError("this code could not be parsed", at: expr.span)
        }
    }

    /// The value `name` has in `scope`, or the built-in of that name.
    func lookup(_ name: Name, at span: Span, in scope: Scope) throws -> Value {
        tracker.noteRead(name)
        // A name no scope has bound is a built-in or unknown; searching the scopes would find nothing.
        if scope.boundNames.contains(name), let found = scope.value(of: name) {
            guard let value = found else {
                throw CellsError("variable '\(name)' used before being initialized", at: span)
            }
            if case .function(let function) = value, case .local(let decl) = function.kind, let (_, owner) = scope.find(name) {
                return .function(Function(.declared(decl, owner)))
            }
            return value
        }
        if let builtin = builtin(name) {
            return builtin
        }
        throw CellsError("cannot find '\(name)' in scope", at: span)
    }

    /// The built-in of that name, if any; looked up once per name.
    func builtin(_ name: Name) -> Value? {
        if name.id < builtinCache.count, let known = builtinCache[name.id] { return known }
        let value = Builtins.global(name.text)
        if name.id >= builtinCache.count {
            builtinCache += repeatElement(nil, count: name.id + 1 - builtinCache.count)
        }
        builtinCache[name.id] = .some(value)
        return value
    }

    /// A closure value capturing the boxes of the local names it uses; globals it finds when called.
    func makeClosure(_ closure: Closure, in scope: Scope) -> Function {
        let captured = Scope(parent: globals)
        for name in closure.names {
            guard let (box, owner) = scope.find(name), owner !== globals else { continue }
            if case .function(let function)? = box.value, case .local(let decl) = function.kind {
                // A local function runs in its own scope, which the closure must keep.
                captured.define(name, .function(Function(.declared(decl, owner))), mutable: false)
            } else {
                captured.share(name, box)
            }
        }
        return Function(.closure(closure, captured))
    }

    /// Evaluates call or subscript arguments in order.
    func evaluateArguments(_ arguments: [Argument], in scope: Scope) throws -> [EvaluatedArgument] {
        try arguments.map { argument in
            EvaluatedArgument(label: argument.label, labelSpan: argument.labelSpan,
                              value: try evaluate(argument.value, in: scope), span: argument.value.span,
                              expression: argument.value)
        }
    }

    private func interpolate(_ parts: [Expr.StringPart], in scope: Scope, at span: Span) throws -> String {
        var text = ""
        for part in parts {
            switch part {
            case .text(let literal):
                text += literal
            case .expression(let expr):
                text += describe(try evaluate(expr, in: scope))
            }
            try checkString(bytes: text.utf8.count, at: span)
        }
        return text
    }

    private func rangeBound(_ expr: Expr, in scope: Scope) throws -> Int {
        let value = try evaluate(expr, in: scope)
        guard case .int(let n) = value else {
            throw CellsError("cannot form a range of '\(value.typeName)': only integer ranges are supported in cells",
                             at: expr.span)
        }
        return n
    }

    /// An array literal's value, its numbers made one type as Swift infers it (`[1, 2.5]` is `[Double]`).
    func arrayLiteral(_ values: [Value], _ elements: [Expr], at span: Span) throws -> Value {
        var hasDouble = false, hasFloat = false, hasInt = false, hasOther = false
        for value in values {
            switch value {
            case .int: hasInt = true
            case .double: hasDouble = true
            case .float: hasFloat = true
            default: hasOther = true
            }
        }
        guard hasInt && (hasDouble || hasFloat) || hasFloat && hasDouble else { return .array(values) }
        if hasOther {
            throw CellsError("heterogeneous collection literal could only be inferred to '[Any]'", at: span)
        }
        return .array(values.map { value in
            switch value {
            case .int(let n): hasFloat ? .float(Float(n)) : .double(Double(n))
            case .double(let x): hasFloat ? .float(Float(x)) : value
            default: value
            }
        })
    }
}
