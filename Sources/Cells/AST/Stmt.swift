/// A statement of the cell language, with where it was written.
///
/// A class, as `Expr` is: running a statement borrows its parts rather than copying them.
final class Stmt: Sendable {
    /// What the statement is.
    let kind: Kind
    /// Where it is in the `.md` file.
    let span: Span

    /// Whether it declares a name in its block: a binding or a function.
    let declares: Bool
    /// The function it declares, if it is a function declaration.
    let function: FunctionDecl?

    init(kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
        switch kind {
        case .binding: (declares, function) = (true, nil)
        case .function(let decl): (declares, function) = (true, decl)
        default: (declares, function) = (false, nil)
        }
    }

    /// The statements the cell language has (DESIGN §4).
    enum Kind: Sendable {
        case expression(Expr)
        /// `let name: Type = value` or `var name = value`; `_` for name discards the value.
        case binding(Binding)
        case function(FunctionDecl)
        // The payloads of several parts are out of line: each case then holds one reference, and
        // running a statement copies its kind with one retain rather than one per part.
        /// `if a, b { … } else …`: every condition must hold.
        indirect case ifThen(conditions: [Expr], then: [Stmt], otherwise: [Stmt]?)
        /// `for name in sequence where filter { … }`; name nil for `_`.
        indirect case forIn(name: Name?, sequence: Expr, filter: Expr?, body: [Stmt])
        indirect case whileLoop(conditions: [Expr], body: [Stmt])
        case returnValue(Expr?)
        case breakLoop
        case continueLoop
    }
}
