extension Expr {
    /// Whether the expression is built only of number literals (`2`, `-0.5`, `1 / 3`), so that
    /// Swift would give it the type its context needs rather than `Int`.
    var isNumericLiteral: Bool {
        switch kind {
        case .integer, .double: true
        case .prefix(.negate, let operand), .prefix(.plus, let operand): operand.isNumericLiteral
        case .binary(let op, let a, let b):
            [.add, .subtract, .multiply, .divide].contains(op) && a.isNumericLiteral && b.isNumericLiteral
        default: false
        }
    }

    /// The value of a numeric literal expression computed in floating point, as Swift infers it
    /// when the context is `Double` or `Float` (`1 / 3` is 0.333…, not 0).
    func literalValue() -> Double {
        switch kind {
        case .integer(let n): Double(n)
        case .double(let x): x
        case .prefix(.negate, let operand): -operand.literalValue()
        case .prefix(_, let operand): operand.literalValue()
        case .binary(.add, let a, let b): a.literalValue() + b.literalValue()
        case .binary(.subtract, let a, let b): a.literalValue() - b.literalValue()
        case .binary(.multiply, let a, let b): a.literalValue() * b.literalValue()
        case .binary(.divide, let a, let b): a.literalValue() / b.literalValue()
        default: .nan
        }
    }
}

extension Interpreter {
    /// `-x`, `+x`, `!b`, `..<n`, `...n`.
    func applyPrefix(_ op: PrefixOperator, _ value: Value, at span: Span) throws -> Value {
        switch (op, value) {
        case (.negate, .int(let n)):
            let (result, overflow) = 0.subtractingReportingOverflow(n)
            if overflow { throw CellsError("integer overflow: -(\(n))", at: span) }
            return .int(result)
        case (.negate, .double(let x)): return .double(-x)
        case (.negate, .float(let x)): return .float(-x)
        case (.plus, .int), (.plus, .double), (.plus, .float): return value
        case (.not, .bool(let b)): return .bool(!b)
        case (.upTo, .int(let n)): return .range(IntRange(lower: nil, upper: n, isClosed: false))
        case (.through, .int(let n)): return .range(IntRange(lower: nil, upper: n, isClosed: true))
        default:
            if let result = try applyTensorPrefix(op, value, at: span) { return result }
            throw CellsError("unary operator '\(op.rawValue)' cannot be applied to an operand of type '\(value.typeName)'",
                             at: span)
        }
    }

    /// `a op b` with Swift's rules: both sides one numeric type, a number literal taking the
    /// other side's type; tensors element-wise, with each other or with a number.
    func applyBinary(_ op: BinaryOperator, _ a: Value, _ b: Value, left: Expr, right: Expr, at span: Span)
        throws -> Value {
        if op.isPointwise {
            if let result = try applyTensorBinary(op, a, b, at: span) { return result }
            throw pointwiseError(op, a.typeName, b.typeName, at: span)
        }
        switch (a, b) {
        case (.int(let x), .int(let y)):
            return try integer(op, x, y, at: span)
        case (.double(let x), .double(let y)):
            return try floating(op, x, y, at: span) { .double($0) }
        case (.tensor, _), (_, .tensor):
            if let result = try applyTensorBinary(op, a, b, at: span) { return result }
        case (.int, .double), (.double, .int):
            guard let x = floatingOperand(a, left, b), let y = floatingOperand(b, right, a) else { break }
            return try floating(op, x, y, at: span) { .double($0) }
        case (.int, .float), (.float, .int), (.float, .float), (.float, .double), (.double, .float):
            guard let x = floatingOperand(a, left, b), let y = floatingOperand(b, right, a) else { break }
            return try floating(op, Float(x), Float(y), at: span) { .float($0) }
        case (.string(let x), .string(let y)):
            if op == .add {
                try checkString(bytes: x.utf8.count + y.utf8.count, at: span)
                return .string(x + y)
            }
            if let result = compare(op, x, y) { return .bool(result) }
        case (.bool(let x), .bool(let y)):
            if op == .equal { return .bool(x == y) }
            if op == .notEqual { return .bool(x != y) }
        case (.array(let x), .array(let y)):
            if op == .add {
                try checkArray(count: x.count + y.count, at: span)
                return .array(x + y)
            }
            if op == .equal || op == .notEqual, let equal = try? equals(a, b) { return .bool(equal == (op == .equal)) }
        case (.range(let x), .range(let y)):
            if op == .equal { return .bool(x == y) }
            if op == .notEqual { return .bool(x != y) }
        default:
            break
        }
        if (op == .equal || op == .notEqual), a.typeName == b.typeName, let equal = try? equals(a, b) {
            return .bool(equal == (op == .equal))
        }
        throw operandError(op, a, b, at: span)
    }

    /// "binary operator '+' cannot be applied to operands of type 'Int' and 'Double'", with the one
    /// fix-it for every mix of two number types.
    func operandError(_ op: BinaryOperator, _ a: Value, _ b: Value, at span: Span) -> CellsError {
        let (x, y) = (a.typeName, b.typeName)
        if x == y {
            return CellsError("binary operator '\(op.rawValue)' cannot be applied to two '\(x)' operands", at: span)
        }
        let fixIt = a.number != nil && b.number != nil ? Self.numberMixFixIt(x, y) : ""
        return CellsError("binary operator '\(op.rawValue)' cannot be applied to operands of type '\(x)' and '\(y)'"
                          + fixIt, at: span)
    }

    /// The fix-it for two number types that meet without a literal: one rule for every mix of
    /// `Int`, `Double` and `Float` (operators, assignments, annotations), as Swift has it. The
    /// conversion named is to `target`, or for an operator to the wider of the two.
    static func numberMixFixIt(_ a: String, _ b: String, target: String? = nil) -> String {
        let type = target ?? ([a, b].contains("Double") ? "Double" : "Float")
        return "; numbers of different types do not mix: convert one, as in '\(type)(x)'"
    }

    /// A number as the floating-point operand of an operator whose other operand is `other`:
    /// an `Int` only when it is a literal (Swift infers `2` in `x * 2` as `Double`).
    private func floatingOperand(_ value: Value, _ expr: Expr, _ other: Value) -> Double? {
        switch value {
        case .int: expr.isNumericLiteral ? expr.literalValue() : nil
        case .double(let x):
            // A `Double` meets a `Float` only as a literal, which Swift then makes a `Float`.
            if case .float = other, !expr.isNumericLiteral { nil } else { x }
        case .float(let x): Double(x)
        default: nil
        }
    }

    private func integer(_ op: BinaryOperator, _ x: Int, _ y: Int, at span: Span) throws -> Value {
        func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
            if result.overflow { throw CellsError("integer overflow: \(x) \(op.rawValue) \(y)", at: span) }
            return .int(result.partialValue)
        }
        switch op {
        case .add: return try checked(x.addingReportingOverflow(y))
        case .subtract: return try checked(x.subtractingReportingOverflow(y))
        case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
        case .divide, .remainder:
            if y == 0 { throw CellsError("division by zero", at: span) }
            return try checked(op == .divide ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y))
        case .halfOpenRange, .closedRange:
            guard x <= y else {
                throw CellsError("range requires lowerBound <= upperBound, not \(x)\(op.rawValue)\(y)", at: span)
            }
            return .range(IntRange(lower: x, upper: y, isClosed: op == .closedRange))
        default:
            guard let result = compare(op, x, y) else { throw pointwiseError(op, "Int", "Int", at: span) }
            return .bool(result)
        }
    }

    /// The error for `.<` and the other element-wise comparisons between values that are not tensors.
    private func pointwiseError(_ op: BinaryOperator, _ a: String, _ b: String, at span: Span) -> CellsError {
        CellsError("operator '\(op.rawValue)' compares tensors element by element; operands of type "
                   + "'\(a)' and '\(b)' are compared with '\(op.rawValue.dropFirst())'", at: span)
    }

    private func floating<F: BinaryFloatingPoint>(_ op: BinaryOperator, _ x: F, _ y: F, at span: Span,
                                                  wrap: (F) -> Value) throws -> Value {
        switch op {
        case .add: return wrap(x + y)
        case .subtract: return wrap(x - y)
        case .multiply: return wrap(x * y)
        case .divide: return wrap(x / y)
        case .remainder:
            throw CellsError("'%' is unavailable: for floating point numbers use 'truncatingRemainder' instead", at: span)
        case .halfOpenRange, .closedRange:
            throw CellsError("cannot form a range of '\(F.self)': only integer ranges are supported in cells", at: span)
        default:
            guard let result = compare(op, x, y) else { throw pointwiseError(op, "\(F.self)", "\(F.self)", at: span) }
            return .bool(result)
        }
    }

    private func compare<T: Comparable>(_ op: BinaryOperator, _ x: T, _ y: T) -> Bool? {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessOrEqual: x <= y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        default: nil
        }
    }

    /// Whether two values are equal, as Swift's `==` on them; throws for values that cannot be compared.
    func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Float(x) == y
        case (.double(let x), .float(let y)), (.float(let y), .double(let x)): return Float(x) == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.range(let x), .range(let y)): return x == y
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for (u, v) in zip(x, y) where try !equals(u, v) { return false }
            return true
        default:
            if let equal = tensorEquals(a, b) { return equal }
            throw CellsError("values of type '\(a.typeName)' cannot be compared")
        }
    }
}
