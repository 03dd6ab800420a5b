/// A run of a cell's source with the role it plays, for syntax colouring in HTML.
public struct HighlightedToken: Sendable, Hashable {
    /// The role of a run of source.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `let`, `func`, `for`, `true`.
        case keyword
        /// A capitalised name: `Tensor`, `Conv2D`.
        case type
        /// A called or declared function's name: `relu` in `relu(x)`.
        case function
        case number
        /// A string literal, its quotes and its interpolation delimiters.
        case string
        case comment
        /// `#expect`, `#require`, `#summary`, `#show`.
        case directive
        /// A `//| key: value` cell option line.
        case option
        /// Everything else: names, operators, punctuation, whitespace.
        case plain
    }

    /// The role.
    public var kind: Kind
    /// The source text, exactly as written.
    public var text: String

    /// Creates a run.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}
