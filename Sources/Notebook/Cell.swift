import Cells

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

    /// The `.md` line of the first displayed line.
    public var displayedFirstLine: Int { firstLine + optionLineCount }

    /// The cell's anchor in its page: its label, or `cell-N` counting from 1.
    public var anchor: String { options.label ?? "cell-\(index + 1)" }
}

/// A code span in prose that Kernelbook evaluates: `` `\(expr)` `` or `` `#expect(…)` ``.
public struct InlineCode: Sendable, Hashable {
    /// What the span asks for.
    public enum Kind: String, Sendable, Hashable {
        /// `\(expr)`: replaced by the value of `expr`.
        case value
        /// `#expect(…)` or `#require(…)`: a claim, shown with ✓ or ✗.
        case claim
    }

    /// The span's place among the notebook's inline code, from 0.
    public var index: Int
    /// A value or a claim.
    public var kind: Kind
    /// The code between the backticks.
    public var code: String
    /// Where the code starts in the `.md` file.
    public var location: SourceLocation

    /// Classifies a code span's text; nil when it is ordinary code to show as is.
    static func kind(of code: String) -> Kind? {
        guard code.hasSuffix(")") else { return nil }
        if code.hasPrefix("\\(") { return .value }
        if code.hasPrefix("#expect(") || code.hasPrefix("#require(") { return .claim }
        return nil
    }
}

/// A heading of a notebook, for the table of contents and anchors.
public struct Heading: Sendable, Hashable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The heading as plain text.
    public var text: String
    /// The heading's anchor (`#anchor`), unique in its page.
    public var anchor: String
    /// The `.md` line of the heading.
    public var line: Int
}
