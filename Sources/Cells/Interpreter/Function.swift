/// A function value: declared in a cell, a closure, or a built-in (bound to its receiver for methods).
final class Function {
    enum Kind {
        case declared(FunctionDecl, Scope)
        /// A function as its declaring scope holds it: looking it up gives `.declared` with that
        /// scope, so the scope does not hold itself.
        case local(FunctionDecl)
        case closure(Closure, Scope)
        case builtin(Builtin, receiver: Value?)
        /// `+` in `reduce(0, +)`.
        case binaryOperator(BinaryOperator)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// What a diagnostic calls it: `f(_:b:)`, `closure`, `Conv2D`.
    var name: String {
        switch kind {
        case .declared(let decl, _), .local(let decl): decl.name.text
        case .closure: "closure"
        case .builtin(let builtin, _): builtin.name
        case .binaryOperator(let op): op.rawValue
        }
    }
}
