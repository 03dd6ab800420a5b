/// A closure `{ x in … }` or `{ $0 * 2 }`, or the trailing closure of `Sequential { … }`.
struct Closure: Sendable {
    /// The parameter names; `_` ignores one. Empty when the body uses `$0`, `$1`, ….
    var parameters: [Name]
    /// How many `$n` parameters the body uses (the highest n plus one), when it uses them.
    var shorthandCount: Int
    /// The statements of the body.
    var body: [Stmt]
    /// Where the whole closure is.
    var span: Span
    /// The names the body uses (an over-approximation): the closure captures those of them
    /// that local scopes bind when it is made.
    var names: [Name] = []
}
