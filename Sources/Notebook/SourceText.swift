#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            let count = bytes.count
            guard let base = bytes.baseAddress else { return }
            if memchr(base, Int32(UInt8(ascii: "\r")), count) == nil {
                // The common case, only \n: let memchr find each line end.
                var offset = 0
                while offset < count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), count - offset) {
                    let end = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    ends.append(end)
                    starts.append(end + 1)
                    offset = end + 1
                }
            } else {
                var offset = 0
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

    /// Whether 1-based line `number` could be a pipe table's delimiter row (`| --- | :-: |`):
    /// only pipes, dashes, colons, blanks and quote markers, with at least one pipe and one dash.
    func mayBeTableDelimiterRow(_ number: Int) -> Bool {
        guard number >= 1, number <= lineStarts.count else { return false }
        return withUTF8 { bytes in
            var pipe = false, dash = false
            for byte in bytes[lineStarts[number - 1]..<lineEnds[number - 1]] {
                switch byte {
                case UInt8(ascii: "|"): pipe = true
                case UInt8(ascii: "-"): dash = true
                case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"): continue
                default: return false
                }
            }
            return pipe && dash
        }
    }

    /// Whether 1-based `lines` could hold a code span whose code starts with `\` or `#` (what
    /// `InlineCode.kind` looks at): a backtick followed, past more backticks, blanks, line
    /// breaks and quote markers, by one of those. Never false for lines that hold one.
    func mayHoldEvaluatedCode(lines: ClosedRange<Int>) -> Bool {
        guard lines.lowerBound >= 1, lines.upperBound <= lineStarts.count else { return true }
        return withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = lineStarts[lines.lowerBound - 1]
            let end = lineEnds[lines.upperBound - 1]
            while offset < end, let found = memchr(base + offset, Int32(UInt8(ascii: "`")), end - offset) {
                offset = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
                while offset < end {
                    switch bytes[offset] {
                    case UInt8(ascii: "`"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"),
                         UInt8(ascii: ">"):
                        offset += 1
                        continue
                    case UInt8(ascii: "\\"), UInt8(ascii: "#"):
                        return true
                    default:
                        break
                    }
                    break
                }
            }
            return false
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without copying them.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var text = text
        return try text.withUTF8(body)
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The text of 1-based line `number` without its line ending, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        // Slicing the bytes is O(1); offsetting a String.Index can walk the whole text.
        return withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[lineStarts[number - 1]..<lineEnds[number - 1]]), as: UTF8.self) }
    }
}

extension StringProtocol {
    /// The lines of a cell's code split at `\n` bytes, each without a final `\r`; fast (no
    /// grapheme breaking) and right for CRLF text, where `"\r\n"` is one `Character`.
    var codeLines: [Substring] {
        var lines: [Substring] = []
        let text = Substring(self)
        var start = text.utf8.startIndex
        var index = start
        while index < text.utf8.endIndex {
            if text.utf8[index] == UInt8(ascii: "\n") {
                lines.append(Self.trimmingCR(text[start..<index]))
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        lines.append(Self.trimmingCR(text[start...]))
        return lines
    }

    private static func trimmingCR(_ line: Substring) -> Substring {
        line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line
    }
}
