/// A Markdown file's text with its line boundaries, for locating and quoting lines.
///
/// Lines end at `\n`, `\r\n` or `\r`, as CommonMark (and cmark) count them.
public struct SourceText: Sendable, Hashable {
    /// The whole text, valid UTF-8 (invalid bytes were replaced by U+FFFD when read).
    public let text: String
    /// UTF-8 offsets of each line's first byte; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    /// UTF-8 offsets where each line's content ends (before its line ending).
    private let lineEnds: [Int]

    /// Indexes the lines of `text`.
    public init(_ text: String) {
        self.text = text
        var starts = [0]
        var ends: [Int] = []
        var utf8 = text.utf8.makeIterator()
        var offset = 0
        var previousWasCR = false
        while let byte = utf8.next() {
            offset += 1
            switch byte {
            case UInt8(ascii: "\n"):
                if previousWasCR {
                    starts[starts.count - 1] = offset  // the \n of a \r\n: the line began after it
                } else {
                    ends.append(offset - 1)
                    starts.append(offset)
                }
                previousWasCR = false
            case UInt8(ascii: "\r"):
                ends.append(offset - 1)
                starts.append(offset)
                previousWasCR = true
            default:
                previousWasCR = false
            }
        }
        ends.append(offset)
        // A final line ending does not begin another line.
        if starts.count > 1, starts.last == offset {
            starts.removeLast()
            ends.removeLast()
        }
        self.lineStarts = starts
        self.lineEnds = ends
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based line `number` without its line ending, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = utf8.index(utf8.startIndex, offsetBy: lineEnds[number - 1])
        return String(text[start..<end])
    }
}
