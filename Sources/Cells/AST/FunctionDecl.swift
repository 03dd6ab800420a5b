/// A function declared in a cell: `func f(_ a: Int, b: Int = 2) -> Int { … }`.
final class FunctionDecl: Sendable {
    /// One parameter of the function.
    struct Parameter: Sendable {
        /// The argument label callers write, or nil for `_`.
        var label: String?
        /// The name inside the body, or nil for `_`.
        var name: Name?
        /// The declared type.
        var type: TypeName
        /// The default value, evaluated at each call that omits it.
        var defaultValue: Expr?
    }

    /// The function's name.
    let name: Name
    /// The parameters in order.
    let parameters: [Parameter]
    /// The declared result type, or nil for none.
    let returnType: TypeName?
    /// The statements of the body.
    let body: [Stmt]
    /// Where the name is.
    let span: Span

    init(name: Name, parameters: [Parameter], returnType: TypeName?, body: [Stmt], span: Span) {
        self.name = name
        self.parameters = parameters
        self.returnType = returnType
        self.body = body
        self.span = span
    }

    /// `f(_:b:)`, as Swift names a function with its labels.
    var signature: String {
        "\(name)(" + parameters.map { "\($0.label ?? "_"):" }.joined() + ")"
    }
}
