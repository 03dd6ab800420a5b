/// An argument of a call, evaluated, with where it was written.
struct EvaluatedArgument {
    /// The label, or nil.
    var label: String?
    /// Where the label is (the value's place when unlabelled).
    var labelSpan: Span
    /// The value.
    var value: Value
    /// Where the value is.
    var span: Span
    /// The expression written, when there is one.
    var expression: Expr? = nil
}
