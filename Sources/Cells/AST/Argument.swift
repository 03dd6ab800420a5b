/// One argument of a call or subscript: `stride: 2`.
struct Argument: Sendable {
    /// The label, or nil for an unlabelled argument.
    var label: String?
    /// Where the label is, or where the value is when there is no label.
    var labelSpan: Span
    /// The argument's value.
    var value: Expr
}
