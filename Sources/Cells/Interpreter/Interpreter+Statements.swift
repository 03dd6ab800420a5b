/// How a statement ended: normally, or by `return`, `break` or `continue`.
enum Flow {
    case normal
    case returned(Value)
    case broke
    case continued
}

extension Interpreter {
    /// Runs statements in `scope`, functions declared among them first (so they may call each other).
    func execute(_ statements: [Stmt], in scope: Scope) throws -> Flow {
        try hoistFunctions(statements, in: scope)
        // Through the buffer: a statement is borrowed in place, where the array's subscript
        // retained and released each one.
        return try statements.withUnsafeBufferPointer { statements in
            for index in statements.indices {
                let flow = try execute(statements[index], in: scope)
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
    }

    /// Runs the statements of an `if` or `while` body in a scope of their own, when they declare names.
    func executeBlock(_ statements: [Stmt], in scope: Scope) throws -> Flow {
        // A block that declares nothing needs no scope; not allocating one halves a tight loop's cost.
        let declares = statements.contains { $0.declares }
        return try execute(statements, in: declares ? Scope(parent: scope) : scope)
    }

    /// Declares the functions among `statements` in `scope`.
    func hoistFunctions(_ statements: [Stmt], in scope: Scope) throws {
        for index in statements.indices {
            guard let decl = statements[index].function else { continue }
            try declare(decl.name, at: decl.span, in: scope)
            scope.define(decl.name, .function(Function(.local(decl))), mutable: false)
        }
    }

    /// Checks that `name` is not already declared in `scope` by this cell (cells may redeclare
    /// what earlier cells declared, as in Jupyter).
    func declare(_ name: Name, at span: Span, in scope: Scope) throws {
        if scope === globals {
            tracker.noteWrite(name)
            guard declaredInCell.insert(name).inserted else {
                throw CellsError("invalid redeclaration of '\(name)'", at: span)
            }
        } else if scope.binds(name) {
            throw CellsError("invalid redeclaration of '\(name)'", at: span)
        }
    }

    /// Runs one statement.
    func execute(_ statement: Stmt, in scope: Scope) throws -> Flow {
        try tick(statement.span)
        switch statement.kind {
        case .expression(let expr):
            let value = try evaluate(expr, in: scope)
            if let collector {
                try collector.collect(value, at: expr.span)
            }
            return .normal
        case .binding(let binding):
            try bind(binding, in: scope)
            return .normal
        case .ifThen(let conditions, let then, let otherwise):
            if try conditionsHold(conditions, in: scope) {
                return try executeBlock(then, in: scope)
            } else if let otherwise {
                return try executeBlock(otherwise, in: scope)
            }
            return .normal
        case .function:
            return .normal  // declared when its block started
        case .forIn(let name, let sequence, let filter, let body):
            return try forIn(name: name, sequence: sequence, filter: filter, body: body, in: scope, at: statement.span)
        case .whileLoop(let conditions, let body):
            while try conditionsHold(conditions, in: scope) {
                try tickRepeating(statement.span)
                switch try executeBlock(body, in: scope) {
                case .normal, .continued: continue
                case .broke: return .normal
                case .returned(let value): return .returned(value)
                }
            }
            return .normal
        case .returnValue(let expr):
            return .returned(try expr.map { try evaluate($0, in: scope) } ?? .void)
        case .breakLoop:
            return .broke
        case .continueLoop:
            return .continued
        }
    }

    private func bind(_ binding: Binding, in scope: Scope) throws {
        var value: Value?
        if let expr = binding.value {
            value = try evaluate(expr, in: scope)
            if case .void = value, binding.type == nil, binding.name != nil {
                // Swift warns; a cell's reader would only be puzzled later by an empty value.
                throw CellsError("'\(binding.name!)' would hold no value: the expression returns nothing",
                                 at: expr.span)
            }
            if let type = binding.type {
                value = try conform(value!, to: type, literal: expr, at: expr.span,
                                    context: "specified type")
            }
        } else if binding.type == nil, binding.name != nil {
            throw CellsError("type annotation missing in pattern", at: binding.nameSpan)
        }
        guard let name = binding.name else { return }
        try declare(name, at: binding.nameSpan, in: scope)
        scope.define(name, value, mutable: binding.isMutable)
    }

    /// Whether every condition holds, evaluated left to right until one does not.
    func conditionsHold(_ conditions: [Expr], in scope: Scope) throws -> Bool {
        // Through the buffer, borrowing each condition as `execute` borrows statements.
        return try conditions.withUnsafeBufferPointer { conditions in
            for index in conditions.indices {
                guard try boolean(conditions[index], in: scope) else { return false }
            }
            return true
        }
    }

    /// The value of a condition, which must be a `Bool`.
    func boolean(_ expr: Expr, in scope: Scope) throws -> Bool {
        let value = try evaluate(expr, in: scope)
        guard case .bool(let b) = value else {
            throw CellsError("cannot convert value of type '\(value.typeName)' to expected condition type 'Bool'",
                             at: expr.span)
        }
        return b
    }

    private func forIn(name: Name?, sequence: Expr, filter: Expr?, body: [Stmt], in scope: Scope,
                       at span: Span) throws -> Flow {
        var iterator = try iterate(try evaluate(sequence, in: scope), at: sequence.span)
        // An iteration's scope serves the next one when nothing kept it (a local function keeps
        // its scope); emptied at the end of each iteration, it frees what it held at the moment a
        // scope of its own would be freed.
        var spare: Scope?
        while let element = try iterator.next() {
            try tickRepeating(span)
            var inner = spare ?? Scope(parent: scope)
            spare = nil
            if let name { inner.define(name, element, mutable: false) }
            let flow = if let filter, try !boolean(filter, in: inner) { Flow.continued } else { try execute(body, in: inner) }
            if isKnownUniquelyReferenced(&inner) {
                inner.clear()
                spare = inner
            }
            switch flow {
            case .normal, .continued: continue
            case .broke: return .normal
            case .returned(let value): return .returned(value)
            }
        }
        return .normal
    }
}
