internal import SwiftSyntax

extension Lowerer {
    /// An infix operator of the language; the one place that says what `+`, `&&`, `=` or `+=`
    /// make of their operands (their precedence is swift-syntax's standard operator table, which
    /// folded the tree).
    struct InfixOperator {
        enum Form {
            case binary(BinaryOperator)
            case logical(LogicalOperator)
            case assignment(compound: BinaryOperator?)
        }

        var form: Form

        /// The operator `node`, or nil for an operator outside the language.
        init?(_ node: ExprSyntax) {
            if node.is(AssignmentExprSyntax.self) {
                self.init(.assignment(compound: nil))
            } else if let text = node.as(BinaryOperatorExprSyntax.self)?.operator.text {
                switch text {
                case "||": self.init(.logical(.or))
                case "&&": self.init(.logical(.and))
                case "==", "!=", "<", "<=", ">", ">=", "..<", "...", "+", "-", "*", "/", "%":
                    self.init(.binary(BinaryOperator(rawValue: text)!))
                case "+=", "-=", "*=", "/=", "%=":
                    self.init(.assignment(compound: BinaryOperator(rawValue: String(text.dropLast()))!))
                default: return nil
                }
            } else {
                return nil
            }
        }

        private init(_ form: Form) {
            self.form = form
        }

        /// The expression the operator makes of its operands.
        func kind(_ left: Expr, _ right: Expr) -> Expr.Kind {
            switch form {
            case .binary(let binary): .binary(binary, left, right)
            case .logical(let logical): .logical(logical, left, right)
            case .assignment(let compound): .assignment(compound: compound, target: left, value: right)
            }
        }
    }
}
