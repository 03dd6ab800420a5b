extension Expr {
    /// Adds every name the expression uses, inside closures and functions too, to `names`.
    func collectNames(into names: inout Set<String>) {
        switch kind {
        case .name(let name):
            names.insert(name.text)
        case .integer, .double, .bool, .string, .implicitMember, .operatorFunction, .discard, .invalid:
            break
        case .interpolation(let parts):
            for case .expression(let expr) in parts { expr.collectNames(into: &names) }
        case .array(let elements):
            for element in elements { element.collectNames(into: &names) }
        case .prefix(_, let operand), .partialRangeFrom(let operand), .member(let operand, _):
            operand.collectNames(into: &names)
        case .binary(_, let a, let b), .logical(_, let a, let b), .assignment(_, let a, let b):
            a.collectNames(into: &names)
            b.collectNames(into: &names)
        case .ternary(let a, let b, let c):
            for expr in [a, b, c] { expr.collectNames(into: &names) }
        case .call(let callee, let arguments, let trailing):
            callee.collectNames(into: &names)
            for argument in arguments { argument.value.collectNames(into: &names) }
            trailing?.body.forEach { $0.collectNames(into: &names) }
        case .subscriptAccess(let base, let arguments):
            base.collectNames(into: &names)
            for argument in arguments { argument.value.collectNames(into: &names) }
        case .closure(let closure):
            closure.body.forEach { $0.collectNames(into: &names) }
        case .directive(let directive):
            for argument in directive.arguments { argument.value.collectNames(into: &names) }
        }
    }
}

extension Stmt {
    /// Adds every name the statement uses to `names`.
    func collectNames(into names: inout Set<String>) {
        switch kind {
        case .expression(let expr):
            expr.collectNames(into: &names)
        case .binding(let binding):
            binding.value?.collectNames(into: &names)
        case .function(let decl):
            decl.parameters.forEach { $0.defaultValue?.collectNames(into: &names) }
            decl.body.forEach { $0.collectNames(into: &names) }
        case .ifThen(let conditions, let then, let otherwise):
            conditions.forEach { $0.collectNames(into: &names) }
            then.forEach { $0.collectNames(into: &names) }
            otherwise?.forEach { $0.collectNames(into: &names) }
        case .forIn(_, let sequence, let filter, let body):
            sequence.collectNames(into: &names)
            filter?.collectNames(into: &names)
            body.forEach { $0.collectNames(into: &names) }
        case .whileLoop(let conditions, let body):
            conditions.forEach { $0.collectNames(into: &names) }
            body.forEach { $0.collectNames(into: &names) }
        case .returnValue(let expr):
            expr?.collectNames(into: &names)
        case .breakLoop, .continueLoop:
            break
        }
    }
}
