/// An expression of the cell language, with where it was written.
struct Expr: Sendable {
    /// What the expression is.
    var kind: Kind
    /// Where it is in the `.md` file.
    var span: Span
    /// The expression as written, kept only inside claims, whose failures show sub-expressions.
    var text: String?

    /// The forms of expression the cell language has (DESIGN §4).
    indirect enum Kind: Sendable {
        case integer(Int)
        case double(Double)
        case bool(Bool)
        case string(String)
        case interpolation([StringPart])
        case name(String)
        /// `.same`: a member of a type the context decides.
        case implicitMember(String)
        case array([Expr])
        case prefix(PrefixOperator, Expr)
        /// `2...`: the only postfix operator.
        case partialRangeFrom(Expr)
        case binary(BinaryOperator, Expr, Expr)
        case logical(LogicalOperator, Expr, Expr)
        case ternary(Expr, Expr, Expr)
        /// `target = value`, or `target op= value` when `compound` is set.
        case assignment(compound: BinaryOperator?, target: Expr, value: Expr)
        case call(Expr, [Argument], trailingClosure: Closure?)
        case member(Expr, String)
        case subscriptAccess(Expr, [Argument])
        case closure(Closure)
        /// `+` in `reduce(0, +)`: an operator used as a function of two arguments.
        case operatorFunction(BinaryOperator)
        case directive(Directive)
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

/// One argument of a call or subscript: `stride: 2`.
struct Argument: Sendable {
    /// The label, or nil for an unlabelled argument.
    var label: String?
    /// Where the label is, or where the value is when there is no label.
    var labelSpan: Span
    /// The argument's value.
    var value: Expr
}

/// A closure `{ x in … }` or `{ $0 * 2 }`, or the trailing closure of `Sequential { … }`.
struct Closure: Sendable {
    /// The parameter names; `_` ignores one. Empty when the body uses `$0`, `$1`, ….
    var parameters: [String]
    /// How many `$n` parameters the body uses (the highest n plus one), when it uses them.
    var shorthandCount: Int
    /// The statements of the body.
    var body: [Stmt]
    /// Where the whole closure is.
    var span: Span
    /// The names the body uses (an over-approximation): the closure captures those of them
    /// that local scopes bind when it is made.
    var names: [String] = []
}

/// `#expect(…)`, `#require(…)`, `#summary(…)` or `#show(…)`.
struct Directive: Sendable {
    /// The directives the cell language knows.
    enum Name: String, Sendable, CaseIterable {
        case expect, require, summary, show
    }

    /// Which directive.
    var name: Name
    /// Its arguments as written.
    var arguments: [Argument]
    /// The first argument as written, for claims (`y.shape == [30, 30, 16]`).
    var conditionText: String
}

/// Prefix operators of the cell language.
enum PrefixOperator: String, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "!"
    case upTo = "..<"
    case through = "..."
}

/// Binary operators of the cell language, with Swift's spelling.
enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case halfOpenRange = "..<"
    case closedRange = "..."
}

/// `&&` and `||`, which evaluate their right side only when needed.
enum LogicalOperator: String, Sendable {
    case and = "&&"
    case or = "||"
}
