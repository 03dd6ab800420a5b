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
    /// The parsed text, padded as parsed.
    private let source: [UInt8]

    init(tree: some SyntaxProtocol, source: [UInt8], file: String, firstLine: Int, columnOffsets: [Int]) {
        converter = SourceLocationConverter(fileName: file, tree: tree)
        self.source = source
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
        let (start, end) = trimmedBounds(Syntax(node))
        return span(from: start, to: end)
    }

    /// The node's source text without its leading and trailing trivia, as `trimmedDescription`
    /// gives it, read from the source rather than from a trimmed copy of the node.
    func trimmedText(of node: some SyntaxProtocol) -> String {
        let (start, end) = trimmedBounds(Syntax(node))
        let range = min(start.utf8Offset, source.count)..<min(end.utf8Offset, source.count)
        return String(decoding: source[range], as: UTF8.self)
    }

    private func trimmedBounds(_ node: Syntax) -> (AbsolutePosition, AbsolutePosition) {
        let start = node.position.advanced(by: triviaLength(node, leading: true))
        let end = node.endPosition.advanced(by: -triviaLength(node, leading: false))
        return (start, max(start, end))
    }

    /// Trivia lengths found so far, by the node's index in its tree, with the node's identifier
    /// (a mapper may see nodes of the tree as parsed and of the folded tree).
    private var memo: [Trimming?] = []

    /// The trivia lengths of one node; -1 where not found yet.
    private struct Trimming {
        var id: SyntaxIdentifier
        var leading: Int32 = -1
        var trailing: Int32 = -1
    }

    /// The length of a node's leading (or trailing) trivia, remembered for every node on the way.
    ///
    /// swift-syntax finds it by walking to the first token each time, which makes spans of a long
    /// left-deep operator chain quadratic; remembering makes them linear.
    private func triviaLength(_ node: Syntax, leading: Bool) -> Int {
        let id = node.id
        let index = Int(id.indexInTree.toOpaque())
        if index < memo.count, let entry = memo[index], entry.id == id {
            let known = leading ? entry.leading : entry.trailing
            if known >= 0 { return Int(known) }
        }
        let length: Int
        if let token = node.as(TokenSyntax.self) {
            length = (leading ? token.leadingTriviaLength : token.trailingTriviaLength).utf8Length
        } else {
            let children = node.children(viewMode: .sourceAccurate)
            let edge = leading ? children.first { $0.totalLength.utf8Length > 0 }
                               : children.reversed().first { $0.totalLength.utf8Length > 0 }
            length = edge.map { triviaLength($0, leading: leading) } ?? 0
        }
        if index >= memo.count { memo += repeatElement(nil, count: max(index + 1 - memo.count, memo.count)) }
        var entry = memo[index].flatMap { $0.id == id ? $0 : nil } ?? Trimming(id: id)
        if leading { entry.leading = Int32(length) } else { entry.trailing = Int32(length) }
        memo[index] = entry
        return length
    }

    /// A zero-length span at `position`.
    func point(_ position: AbsolutePosition) -> Span {
        span(from: position, to: position)
    }
}
