/// An expression of the cell language, with where it was written.
///
/// A class, not a struct: the interpreter reads a node's operands on every evaluation, and
/// borrowing a reference costs one retain where copying a struct out of an indirect enum copied
/// its whole payload.
final class Expr: Sendable {
    /// What the expression is.
    let kind: Kind
    /// Where it is in the `.md` file.
    let span: Span
    /// The expression as written, kept only inside claims, whose failures show sub-expressions.
    let text: String?

    init(kind: Kind, span: Span, text: String? = nil) {
        self.kind = kind
        self.span = span
        self.text = text
    }

    /// The forms of expression the cell language has (DESIGN §4).
    // A case with more than one part, or a large one, keeps its payload out of line: the kind
    // is then small, and evaluating a node copies it with at most one retain.
    enum Kind: Sendable {
        case integer(Int)
        case double(Double)
        case bool(Bool)
        case string(String)
        case interpolation([StringPart])
        case name(Name)
        /// `.same`: a member of a type the context decides.
        case implicitMember(String)
        case array([Expr])
        indirect case prefix(PrefixOperator, Expr)
        /// `2...`: the only postfix operator.
        case partialRangeFrom(Expr)
        indirect case binary(BinaryOperator, Expr, Expr)
        indirect case logical(LogicalOperator, Expr, Expr)
        indirect case ternary(Expr, Expr, Expr)
        /// `target = value`, or `target op= value` when `compound` is set.
        indirect case assignment(compound: BinaryOperator?, target: Expr, value: Expr)
        indirect case call(Expr, [Argument], trailingClosure: Closure?)
        indirect case member(Expr, String)
        indirect case subscriptAccess(Expr, [Argument])
        indirect case closure(Closure)
        /// `+` in `reduce(0, +)`: an operator used as a function of two arguments.
        case operatorFunction(BinaryOperator)
        indirect case directive(Directive)
        /// `_`, the target of `_ = value`.
        case discard
        /// A node the parser already reported as missing or unsupported; never runs.
        case invalid
    }

    /// A piece of a string literal with interpolations.
    enum StringPart: Sendable {
        case text(String)
        case expression(Expr)
    }

    /// Whether the expression is a literal, whose value a failed claim need not repeat.
    var isLiteral: Bool {
        switch kind {
        case .integer, .double, .bool, .string, .implicitMember: true
        case .prefix(.negate, let operand): operand.isLiteral
        case .array(let elements): elements.allSatisfy(\.isLiteral)
        case .binary(.halfOpenRange, let a, let b), .binary(.closedRange, let a, let b): a.isLiteral && b.isLiteral
        default: false
        }
    }
}
