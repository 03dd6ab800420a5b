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
        var text = text
        var starts = [0]
        var ends: [Int] = []
        text.withUTF8 { bytes in
            var offset = 0
            let count = bytes.count
            while offset < count {
                let byte = bytes[offset]
                offset += 1
                if byte == UInt8(ascii: "\n") {
                    ends.append(offset - 1)
                    starts.append(offset)
                } else if byte == UInt8(ascii: "\r") {
                    ends.append(offset - 1)
                    if offset < count, bytes[offset] == UInt8(ascii: "\n") { offset += 1 }
                    starts.append(offset)
                }
            }
            ends.append(count)
            // A final line ending does not begin another line.
            if starts.count > 1, starts.last == count {
                starts.removeLast()
                ends.removeLast()
            }
        }
        self.text = text
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
