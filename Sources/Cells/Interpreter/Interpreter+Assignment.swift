extension Interpreter {
    /// How an assignment reaches its target, for swiftc's wording of "it is a 'let' constant".
    enum Access {
        case assign, subscriptAssign, mutatingMember

        var verb: String {
            switch self {
            case .assign: "cannot assign to value"
            case .subscriptAssign: "cannot assign through subscript"
            case .mutatingMember: "cannot use mutating member on immutable value"
            }
        }
    }

    /// `target = value` or `target op= value`.
    func assign(compound: BinaryOperator?, target: Expr, value: Expr, in scope: Scope, at span: Span) throws {
        let newValue = try evaluate(value, in: scope)
        if case .discard = target.kind { return }
        if case .member(let base, let name) = target.kind {
            // Members that can be set belong to layers, which are references: the base need not be a `var`.
            let object = try evaluate(base, in: scope)
            var assigned = newValue
            if let compound {
                let current = try member(name, of: object, at: target.span)
                assigned = try applyBinary(compound, current, newValue, left: target, right: value, at: span)
            }
            try setMember(name, of: object, to: assigned, at: target.span, valueSpan: value.span)
            return
        }
        try modify(target, in: scope, access: .assign) { current in
            if let compound {
                guard let old = current else {
                    throw CellsError("variable used before being initialized", at: target.span)
                }
                current = try applyBinary(compound, old, newValue, left: target, right: value, at: span)
            } else if let old = current {
                if case .subscriptAccess = target.kind, case .tensor = old {
                    // A tensor's slice takes a tensor that broadcasts to it, or a number.
                    current = newValue
                    return
                }
                current = try assignable(newValue, replacing: old, literal: value, at: value.span)
            } else {
                current = newValue
            }
        }
    }

    /// The new value of a variable, which keeps its type (a literal number takes it).
    private func assignable(_ value: Value, replacing old: Value, literal: Expr, at span: Span) throws -> Value {
        switch (old, value) {
        case (.double, .int), (.double, .float), (.float, .int), (.float, .double):
            if literal.isNumericLiteral {
                return if case .double = old { .double(literal.literalValue()) } else { .float(Float(literal.literalValue())) }
            }
        case (.array, .array), (.range, .range), (.function, .function):
            return value
        default:
            if sameKind(old, value) || old.typeName == value.typeName { return value }
        }
        let fixIt = old.number != nil && value.number != nil ? Self.numberMixFixIt(old.typeName, value.typeName, target: old.typeName) : ""
        throw CellsError("cannot assign value of type '\(value.typeName)' to type '\(old.typeName)'" + fixIt, at: span)
    }

    /// Runs `body` on the storage `target` names, in place: a variable, an element of an array,
    /// or a scalar of a tensor, at any depth (`grid[i][j] = 0`).
    func modify(_ target: Expr, in scope: Scope, access: Access, _ body: (inout Value?) throws -> Void) throws {
        switch target.kind {
        case .name(let name):
            tracker.noteRead(name)
            tracker.noteWrite(name)
            guard let box = scope.find(name)?.box else {
                if Builtins.global(name.text) != nil {
                    throw CellsError("cannot assign to value: '\(name)' is a built-in", at: target.span)
                }
                throw CellsError("cannot find '\(name)' in scope", at: target.span)
            }
            if !box.isMutable && (box.value != nil || access != .assign) {
                throw CellsError("\(access.verb): '\(name)' is a 'let' constant", at: target.span)
            }
            try box.modify(body)
        case .subscriptAccess(let base, let arguments):
            let indices = try evaluateArguments(arguments, in: scope)
            try modify(base, in: scope, access: access == .assign ? .subscriptAssign : access) { container in
                guard var value = container else {
                    throw CellsError("variable used before being initialized", at: base.span)
                }
                container = nil
                defer { container = value }
                try setSubscript(&value, indices, at: target.span, body)
            }
        default:
            if case .member = target.kind {
                throw CellsError("cannot assign through this member in cells", at: target.span)
            }
            throw CellsError("cannot assign to this expression", at: target.span)
        }
    }

    /// Runs `body` on one element of an array or tensor, in place.
    private func setSubscript(_ container: inout Value, _ indices: [EvaluatedArgument], at span: Span,
                              _ body: (inout Value?) throws -> Void) throws {
        switch container {
        case .array(var elements):
            guard indices.count == 1, indices[0].label == nil, case .int(let index) = indices[0].value else {
                throw CellsError("an array element is assigned with one integer index", at: span)
            }
            guard elements.indices.contains(index) else {
                throw CellsError("index \(index) is out of range for an array of \(elements.count) elements",
                                 at: indices[0].span)
            }
            container = .void
            defer { container = .array(elements) }
            var element: Value? = elements[index]
            try body(&element)
            if case .tensor = elements[index], let element, element.typeName != "Tensor" {
                // `assign` lets a number through for a tensor's slice, not for an array's tensor.
                throw CellsError("cannot assign value of type '\(element.typeName)' to type 'Tensor'", at: span)
            }
            if let element { try checkNesting(element, at: span) }
            elements[index] = element ?? elements[index]
        default:
            if try setTensorElement(&container, indices, at: span, body) { return }
            throw CellsError("cannot assign through subscript: value of type '\(container.typeName)' is read-only",
                             at: span)
        }
    }

    /// Whether `name` is an array method that changes the array, called on a variable: `a.append(x)`.
    static func isMutatingMethod(_ name: String) -> Bool {
        // Compared rather than hashed: every method call asks.
        switch name {
        case "append", "insert", "remove", "removeLast", "removeFirst", "removeAll": true
        default: false
        }
    }

    /// `a.append(x)` and the other mutating array methods; the base must be a `var`.
    func callMutating(_ name: String, on base: Expr, _ arguments: [Argument], in scope: Scope, at span: Span)
        throws -> Value {
        if name == "append", arguments.count == 1, arguments[0].label == nil {
            return try appendOne(arguments[0].value, to: base, in: scope, at: span)
        }
        let evaluated = try evaluateArguments(arguments, in: scope)
        var result = Value.void
        try modify(base, in: scope, access: .mutatingMember) { value in
            guard case .array(var elements) = value else {
                throw CellsError("value of type '\(value?.typeName ?? "()")' has no member '\(name)'", at: span)
            }
            value = nil
            defer { value = .array(elements) }
            result = try SequenceMethods.mutate(&elements, name, evaluated, interpreter: self, at: span)
        }
        return result
    }

    /// `a.append(x)`, a loop's usual call, without the argument arrays of a general built-in call:
    /// the same checks in the same order as `SequenceMethods.mutate` makes for `append(_:)`.
    private func appendOne(_ argument: Expr, to base: Expr, in scope: Scope, at span: Span) throws -> Value {
        let element = try evaluate(argument, in: scope)
        try modify(base, in: scope, access: .mutatingMember) { value in
            guard case .array(var elements) = value else {
                throw CellsError("value of type '\(value?.typeName ?? "()")' has no member 'append'", at: span)
            }
            value = nil
            defer { value = .array(elements) }
            try checkArray(count: elements.count + 1, at: span)
            try checkNesting(element, at: span)
            elements.append(element)
        }
        return .void
    }

    private func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.int, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string): true
        default: layerKinds(a, b)
        }
    }
}
