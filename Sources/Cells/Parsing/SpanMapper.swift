internal import SwiftSyntax

/// Turns positions in a parsed cell into spans of the `.md` file.
///
/// Line `i` (0-based) of the cell is line `firstLine + i` of the Markdown; `columnOffsets[i]` adds
/// back the indentation that line lost in Markdown. Lines end at `\n`, `\r\n` or `\r`, as swift-syntax
/// counts them; columns count UTF-8 bytes, as swiftc's do.
final class SpanMapper {
    let firstLine: Int
    let columnOffsets: [Int]
    /// The parsed text.
    private let source: [UInt8]
    /// The offset of each line's first byte.
    private let lineStarts: [Int]
    /// Each line's length without its line break.
    private let lineLengths: [Int]
    /// Leading trivia lengths found so far, by node start offset; -1 where not found yet.
    private var leadingMemo: [Int32]
    /// Trailing trivia lengths found so far, by node end offset; -1 where not found yet.
    private var trailingMemo: [Int32]

    init(source: [UInt8], firstLine: Int, columnOffsets: [Int]) {
        self.source = source
        self.firstLine = firstLine
        self.columnOffsets = columnOffsets
        var starts = [0], lengths: [Int] = []
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lengths.append(index - starts[starts.count - 1])
                let isCRLF = byte == UInt8(ascii: "\r") && index + 1 < source.count && source[index + 1] == UInt8(ascii: "\n")
                index += isCRLF ? 2 : 1
                starts.append(index)
            } else {
                index += 1
            }
        }
        lengths.append(source.count - starts[starts.count - 1])
        lineStarts = starts
        lineLengths = lengths
        leadingMemo = Array(repeating: -1, count: source.count + 1)
        trailingMemo = Array(repeating: -1, count: source.count + 1)
    }

    /// The offset to add to columns on `line` of the `.md` file.
    func columnOffset(line: Int) -> Int {
        let index = line - firstLine
        return columnOffsets.indices.contains(index) ? columnOffsets[index] : 0
    }

    /// The 0-based line of the cell holding `offset`, and the 1-based column there.
    private func lineAndColumn(_ offset: Int) -> (index: Int, column: Int) {
        let offset = min(max(offset, 0), source.count)
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low, offset - lineStarts[low] + 1)
    }

    /// The span from `start` to `end`, cut at the end of the first line.
    func span(from start: AbsolutePosition, to end: AbsolutePosition) -> Span {
        let a = lineAndColumn(start.utf8Offset)
        let b = lineAndColumn(end.utf8Offset)
        let length = b.index == a.index ? b.column - a.column : lineLengths[a.index] + 1 - a.column
        let line = firstLine + a.index
        return Span(line: line, column: a.column + columnOffset(line: line), length: max(length, 0))
    }

    /// The span of a node without its trivia.
    func span(of node: some SyntaxProtocol) -> Span {
        let (start, end) = trimmedBounds(node)
        return span(from: start, to: end)
    }

    /// The source text from `start` to `end`.
    func text(from start: AbsolutePosition, to end: AbsolutePosition) -> String {
        let range = min(start.utf8Offset, source.count)..<min(max(end.utf8Offset, start.utf8Offset), source.count)
        return String(decoding: source[range], as: UTF8.self)
    }

    /// The node's source text without its leading and trailing trivia, as `trimmedDescription`
    /// gives it, read from the source rather than from a trimmed copy of the node.
    func trimmedText(of node: some SyntaxProtocol) -> String {
        let (start, end) = trimmedBounds(node)
        return text(from: start, to: end)
    }

    /// Where the node's text starts and ends, trivia left out.
    ///
    /// Every node starting at an offset has the same first token, so its leading trivia is
    /// remembered by offset (and the trailing trivia by end offset): spans of a long left-deep
    /// chain (`a.b.c…`) would otherwise walk down to the first token from every node, which is
    /// quadratic.
    func trimmedBounds(_ node: some SyntaxProtocol) -> (AbsolutePosition, AbsolutePosition) {
        let position = node.position, endPosition = node.endPosition
        let startOffset = position.utf8Offset, endOffset = endPosition.utf8Offset
        guard startOffset >= 0, endOffset <= source.count, startOffset < endOffset else {
            return (position, max(position, endPosition))
        }
        var leading = Int(leadingMemo[startOffset])
        if leading < 0 {
            leading = node.leadingTriviaLength.utf8Length
            leadingMemo[startOffset] = Int32(leading)
        }
        var trailing = Int(trailingMemo[endOffset])
        if trailing < 0 {
            trailing = node.trailingTriviaLength.utf8Length
            trailingMemo[endOffset] = Int32(trailing)
        }
        let start = position.advanced(by: leading)
        return (start, max(start, endPosition.advanced(by: -trailing)))
    }

    /// A zero-length span at `position`.
    func point(_ position: AbsolutePosition) -> Span {
        span(from: position, to: position)
    }
}
