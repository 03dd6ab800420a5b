import Outputs
/// Where a node of a cell is in the `.md` file: 1-based line and UTF-8 column, and how many
/// bytes of that line it covers.
struct Span: Sendable, Hashable {
    /// The 1-based line in the `.md` file.
    var line: Int
    /// The 1-based UTF-8 column in the `.md` file.
    var column: Int
    /// The UTF-8 bytes covered on `line` (a node running onto later lines stops at the line's end).
    var length: Int

    /// An empty span, for values made by the interpreter rather than written in a cell.
    static let none = Span(line: 0, column: 0, length: 0)

    /// The location of the span's start in `file`.
    func location(in file: String) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }
}
