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
        case forIn(name: String?, sequence: Expr, filter: Expr?, body: [Stmt])
        case whileLoop(conditions: [Expr], body: [Stmt])
        case returnValue(Expr?)
        case breakLoop
        case continueLoop
    }
}

/// `let name: Type = value` or `var name = value`.
struct Binding: Sendable {
    /// Whether it is a `var`.
    var isMutable: Bool
    /// The name bound, or nil for `_`.
    var name: String?
    /// Where the name is.
    var nameSpan: Span
    /// The declared type, if any.
    var type: TypeName?
    /// The initial value, if any.
    var value: Expr?
}

/// A type as written in an annotation: `Int`, `[Int]`, `Layer`, `(Int) -> Int`.
indirect enum TypeName: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case array(TypeName)
    case function

    var description: String {
        switch self {
        case .named(let name): name
        case .array(let element): "[\(element)]"
        case .function: "function"
        }
    }
}

/// A function declared in a cell: `func f(_ a: Int, b: Int = 2) -> Int { … }`.
final class FunctionDecl: Sendable {
    /// One parameter of the function.
    struct Parameter: Sendable {
        /// The argument label callers write, or nil for `_`.
        var label: String?
        /// The name inside the body, or nil for `_`.
        var name: String?
        /// The declared type.
        var type: TypeName
        /// The default value, evaluated at each call that omits it.
        var defaultValue: Expr?
    }

    /// The function's name.
    let name: String
    /// The parameters in order.
    let parameters: [Parameter]
    /// The declared result type, or nil for none.
    let returnType: TypeName?
    /// The statements of the body.
    let body: [Stmt]
    /// Where the name is.
    let span: Span

    init(name: String, parameters: [Parameter], returnType: TypeName?, body: [Stmt], span: Span) {
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
