internal import SwiftSyntax

/// Turns positions in a parsed cell into spans of the `.md` file.
///
/// The cell is parsed padded with `firstLine − 1` newlines, so swift-syntax's own lines are the
/// Markdown's; `columnOffsets[i]` adds back the indentation the cell's i-th line lost in Markdown.
struct SpanMapper {
    let converter: SourceLocationConverter
    let firstLine: Int
    let columnOffsets: [Int]
    private let lineLengths: [Int]

    init(tree: some SyntaxProtocol, file: String, firstLine: Int, columnOffsets: [Int]) {
        converter = SourceLocationConverter(fileName: file, tree: tree)
        self.firstLine = firstLine
        self.columnOffsets = columnOffsets
        lineLengths = converter.sourceLines.map { line in
            line.utf8.count - (line.hasSuffix("\r\n") ? 2 : line.hasSuffix("\n") || line.hasSuffix("\r") ? 1 : 0)
        }
    }

    /// The offset to add to columns on `line` of the `.md` file.
    func columnOffset(line: Int) -> Int {
        let index = line - firstLine
        return columnOffsets.indices.contains(index) ? columnOffsets[index] : 0
    }

    /// The span from `start` to `end`, cut at the end of the first line.
    func span(from start: AbsolutePosition, to end: AbsolutePosition) -> Span {
        let a = converter.location(for: start)
        let b = converter.location(for: end)
        let lineEnd = lineLengths.indices.contains(a.line - 1) ? lineLengths[a.line - 1] + 1 : a.column
        let length = b.line == a.line ? b.column - a.column : max(lineEnd - a.column, 0)
        return Span(line: a.line, column: a.column + columnOffset(line: a.line), length: max(length, 0))
    }

    /// The span of a node without its trivia.
    func span(of node: some SyntaxProtocol) -> Span {
        span(from: node.positionAfterSkippingLeadingTrivia, to: node.endPositionBeforeTrailingTrivia)
    }

    /// A zero-length span at `position`.
    func point(_ position: AbsolutePosition) -> Span {
        span(from: position, to: position)
    }
}
