/// A piece of a notebook's prose as CommonMark, in document order, for exports that keep Markdown
/// (a Jupyter notebook's Markdown cells).
public enum MarkdownSegment: Sendable, Hashable {
    /// Prose as CommonMark, with no raw HTML (unless the notebook keeps it) and no link to a script.
    case markdown(String)
    /// The cell with this index.
    case cell(Int)
    /// The inline code with this index, to be replaced by what it gave.
    case inline(Int)
}
