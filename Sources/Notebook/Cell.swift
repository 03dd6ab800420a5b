import Outputs

/// A ```` ```swift ```` code block of a notebook: code that runs, with its options and position.
public struct Cell: Sendable, Hashable {
    /// The cell's place among the notebook's cells, from 0.
    public var index: Int
    /// The `.md` line of the opening fence.
    public var fenceLine: Int
    /// The `.md` column (UTF-8, 1-based) of the opening fence.
    public var fenceColumn: Int
    /// The `.md` line of the code's first line (the line after the fence).
    public var firstLine: Int
    /// The code as written, option lines included, each line ending in a newline.
    public var code: String
    /// Per code line, how many bytes of its `.md` line come before it (list or quote indentation).
    public var columnOffsets: [Int]
    /// The options given in the leading `//|` lines.
    public var options: CellOptions
    /// How many leading lines are `//|` options.
    public var optionLineCount: Int

    /// The code without its option lines, as a reader sees it.
    public var displayedCode: String {
        code.codeLines.dropFirst(optionLineCount).joined(separator: "\n")
    }

    /// The UTF-8 offset in `code` of the first displayed line.
    public var displayedCodeOffset: Int {
        var newlines = 0
        for (offset, byte) in code.utf8.enumerated() where newlines < optionLineCount && byte == UInt8(ascii: "\n") {
            newlines += 1
            if newlines == optionLineCount { return offset + 1 }
        }
        return optionLineCount == 0 ? 0 : code.utf8.count
    }

    /// The `.md` line of the first displayed line.
    public var displayedFirstLine: Int { firstLine + optionLineCount }

    /// The cell's anchor in its page: its label, or `cell-N` counting from 1.
    public var anchor: String { options.label ?? "cell-\(index + 1)" }
}
