internal import SwiftSyntax

extension Lowerer {
    /// An operator of the language as parsed, with Swift's standard precedence; the one place
    /// that says what `+`, `&&`, `=`, `+=` or `? :` make of their operands.
    struct SequenceOperator {
        enum Form {
            case binary(BinaryOperator)
            case logical(LogicalOperator)
            case assignment(compound: BinaryOperator?)
            /// `? then :`, whose middle is already a whole expression.
            case ternary(ExprSyntax)
        }

        var form: Form
        /// Binds tighter than lower numbers: Swift's standard precedence groups in order.
        var precedence: Int
        var associativity: Associativity

        enum Associativity { case left, right, none }

        /// The operator `node`, or nil when the sequence needs swift-syntax's folding (an operator
        /// outside the language, unknown, or a cast, so that the diagnostics stay swift-syntax's).
        init?(_ node: ExprSyntax) {
            if node.is(AssignmentExprSyntax.self) {
                self.init(.assignment(compound: nil), 1, .right)
            } else if let ternary = node.as(UnresolvedTernaryExprSyntax.self) {
                self.init(.ternary(ternary.thenExpression), 2, .right)
            } else if let text = node.as(BinaryOperatorExprSyntax.self)?.operator.text {
                switch text {
                case "||": self.init(.logical(.or), 3, .left)
                case "&&": self.init(.logical(.and), 4, .left)
                case "==", "!=", "<", "<=", ">", ">=", ".==", ".!=", ".<", ".<=", ".>", ".>=": self.init(.binary(BinaryOperator(rawValue: text)!), 5, .none)
                case "..<", "...": self.init(.binary(BinaryOperator(rawValue: text)!), 8, .none)
                case "+", "-": self.init(.binary(BinaryOperator(rawValue: text)!), 9, .left)
                case "*", "/", "%": self.init(.binary(BinaryOperator(rawValue: text)!), 10, .left)
                case "+=", "-=", "*=", "/=", "%=":
                    self.init(.assignment(compound: BinaryOperator(rawValue: String(text.dropLast()))!), 1, .right)
                default: return nil
                }
            } else {
                return nil
            }
        }

        private init(_ form: Form, _ precedence: Int, _ associativity: Associativity) {
            self.form = form
            self.precedence = precedence
            self.associativity = associativity
        }

        /// The expression the operator makes of its operands (`middle`: the lowered middle of `? :`).
        func kind(_ left: Expr, _ middle: Expr?, _ right: Expr) -> Expr.Kind {
            switch form {
            case .binary(let binary): .binary(binary, left, right)
            case .logical(let logical): .logical(logical, left, right)
            case .assignment(let compound): .assignment(compound: compound, target: left, value: right)
            case .ternary: middle.map { .ternary(left, $0, right) } ?? .invalid
            }
        }
    }

    /// An operand lowered, with where its text starts and ends.
    private struct Operand {
        var expr: Expr
        var start: AbsolutePosition
        var end: AbsolutePosition
    }

    /// Lowers `a + b * c`, as parsed (operands and operators in a row), by Swift's precedence and
    /// associativity, as swift-syntax's operator folding would, without rewriting the tree.
    ///
    /// Returns nil, lowering nothing, when the sequence holds an operator this fast path leaves to
    /// swift-syntax's folding (see `SequenceOperator`) or operators that do not associate
    /// (`a < b < c`); the cell is then lowered again from the folded tree, with its diagnostics.
    mutating func operatorSequence(_ node: SequenceExprSyntax) -> Expr? {
        var operands: [ExprSyntax] = []
        var operators: [SequenceOperator] = []
        for (index, element) in node.elements.enumerated() {
            if index % 2 == 0 {
                operands.append(element)
            } else {
                guard let op = SequenceOperator(element) else { return nil }
                operators.append(op)
            }
        }
        guard operands.count == operators.count + 1, !Self.hasNonAssociativeNeighbours(operators) else { return nil }
        var next = 0
        let first = operand(operands[0])
        return fold(first, operators: operators, operands: operands, next: &next, minimum: 0).expr
    }

    /// Precedence climbing: folds operators from `next` on that bind at least as tightly as `minimum`.
    private mutating func fold(_ left: Operand, operators: [SequenceOperator], operands: [ExprSyntax],
                               next: inout Int, minimum: Int) -> Operand {
        var left = left
        while next < operators.count, operators[next].precedence >= minimum {
            let op = operators[next]
            next += 1
            // The middle of `? :` is lowered first, keeping the source order.
            var middle: Expr?
            if case .ternary(let then) = op.form { middle = expression(then) }
            var right = operand(operands[next])
            while next < operators.count {
                let following = operators[next]
                let tighter = following.precedence > op.precedence
                    || (following.precedence == op.precedence && op.associativity == .right)
                guard tighter else { break }
                right = fold(right, operators: operators, operands: operands, next: &next,
                             minimum: following.precedence)
            }
            left = combine(left, op, middle, right)
        }
        return left
    }

    private mutating func operand(_ node: ExprSyntax) -> Operand {
        let (start, end) = mapper.trimmedBounds(node)
        return Operand(expr: expression(node), start: start, end: end)
    }

    private func combine(_ left: Operand, _ op: SequenceOperator, _ middle: Expr?, _ right: Operand) -> Operand {
        let kind = op.kind(left.expr, middle, right.expr)
        return Operand(expr: Expr(kind: kind, span: mapper.span(from: left.start, to: right.end),
                                  text: claimDepth > 0 ? mapper.text(from: left.start, to: right.end) : nil),
                       start: left.start, end: right.end)
    }

    /// Whether two operators of a non-associative group (`<`, `..<`) meet at the same level, which
    /// swift-syntax reports; such a sequence is left to its folding.
    private static func hasNonAssociativeNeighbours(_ operators: [SequenceOperator]) -> Bool {
        // Between two operators of the same non-associative group, an operator binding less
        // tightly separates them (`a < b && c < d`); otherwise they meet.
        var open: [Int: Bool] = [:]  // precedence → a non-associative operator is pending at it
        for op in operators {
            for (level, _) in open where level > op.precedence { open[level] = nil }
            if op.associativity == .none {
                if open[op.precedence] == true { return true }
                open[op.precedence] = true
            }
        }
        return false
    }
}
