/// `let name: Type = value` or `var name = value`.
struct Binding: Sendable {
    /// Whether it is a `var`.
    var isMutable: Bool
    /// The name bound, or nil for `_`.
    var name: Name?
    /// Where the name is.
    var nameSpan: Span
    /// The declared type, if any.
    var type: TypeName?
    /// The initial value, if any.
    var value: Expr?
}
