/// `let name: Type = value` or `var name = value`.
///
/// A class, as `Stmt` is: running the binding borrows it rather than copying its parts.
final class Binding: Sendable {
    /// Whether it is a `var`.
    let isMutable: Bool
    /// The name bound, or nil for `_`.
    let name: Name?
    /// Where the name is.
    let nameSpan: Span
    /// The declared type, if any.
    let type: TypeName?
    /// The initial value, if any.
    let value: Expr?

    init(isMutable: Bool, name: Name?, nameSpan: Span, type: TypeName?, value: Expr?) {
        self.isMutable = isMutable
        self.name = name
        self.nameSpan = nameSpan
        self.type = type
        self.value = value
    }
}
