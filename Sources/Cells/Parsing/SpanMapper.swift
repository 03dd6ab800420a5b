internal import SwiftSyntax

/// Turns positions in a parsed cell into spans of the `.md` file.
///
/// The cell is parsed padded with `firstLine − 1` newlines, so swift-syntax's own lines are the
/// Markdown's; `columnOffsets[i]` adds back the indentation the cell's i-th line lost in Markdown.
final class SpanMapper {
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
        let node = Syntax(node)
        let start = node.position.advanced(by: triviaLength(node, leading: true))
        let end = node.endPosition.advanced(by: -triviaLength(node, leading: false))
        return span(from: start, to: max(start, end))
    }

    private var leadingTrivia: [SyntaxIdentifier: Int] = [:]
    private var trailingTrivia: [SyntaxIdentifier: Int] = [:]

    /// The length of a node's leading (or trailing) trivia, remembered for every node on the way.
    ///
    /// swift-syntax finds it by walking to the first token each time, which makes spans of a long
    /// left-deep operator chain quadratic; remembering makes them linear.
    private func triviaLength(_ node: Syntax, leading: Bool) -> Int {
        if let known = leading ? leadingTrivia[node.id] : trailingTrivia[node.id] { return known }
        let length: Int
        if let token = node.as(TokenSyntax.self) {
            length = (leading ? token.leadingTriviaLength : token.trailingTriviaLength).utf8Length
        } else {
            let children = node.children(viewMode: .sourceAccurate)
            let edge = leading ? children.first { $0.totalLength.utf8Length > 0 }
                               : children.reversed().first { $0.totalLength.utf8Length > 0 }
            length = edge.map { triviaLength($0, leading: leading) } ?? 0
        }
        if leading { leadingTrivia[node.id] = length } else { trailingTrivia[node.id] = length }
        return length
    }

    /// A zero-length span at `position`.
    func point(_ position: AbsolutePosition) -> Span {
        span(from: position, to: position)
    }
}
