/// A statement of the cell language, with where it was written.
struct Stmt: Sendable {
    /// What the statement is.
    var kind: Kind
    /// Where it is in the `.md` file.
    var span: Span

    /// The statements the cell language has (DESIGN §4).
    indirect enum Kind: Sendable {
        case expression(Expr)
        /// `let name: Type = value` or `var name = value`; `_` for name discards the value.
        case binding(Binding)
        case function(FunctionDecl)
        /// `if a, b { … } else …`: every condition must hold.
        case ifThen(conditions: [Expr], then: [Stmt], otherwise: [Stmt]?)
        /// `for name in sequence where filter { … }`; name nil for `_`.
        case forIn(name: Name?, sequence: Expr, filter: Expr?, body: [Stmt])
        case whileLoop(conditions: [Expr], body: [Stmt])
        case returnValue(Expr?)
        case breakLoop
        case continueLoop
    }
}
