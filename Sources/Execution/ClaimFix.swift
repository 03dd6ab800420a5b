import Outputs
import Cells
import Notebook

/// The rewrites `kernelbook check --fix` makes to a notebook: each failed `#expect(a == literal)`
/// gets the value `a` had in place of its literal, and nothing else in the file changes.
public struct ClaimFix: Sendable {
    /// One literal replaced.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        /// Where the old literal starts in the `.md` file.
        public var location: SourceLocation
        /// The literal as written.
        public var old: String
        /// The value observed, written in its place.
        public var new: String

        /// `day03.md:12:23: [30, 30, 16] → [32, 32, 16]`.
        public var description: String { "\(location): \(old) → \(new)" }
    }

    /// The changes, in file order.
    public private(set) var changes: [Change] = []
    /// Failed claims left alone, each with the reason: they do not compare with a literal, or
    /// their value is not one.
    public private(set) var notes: [Diagnostic] = []
    /// The notebook's text with every change made.
    public private(set) var text: String

    /// The fixes for the failed claims of `executed`.
    public init(_ executed: ExecutedNotebook) {
        text = executed.notebook.source.text
        let lines = Self.lineStarts(of: Array(text.utf8))
        var bytes = Array(text.utf8)
        var edits: [(range: Range<Int>, replacement: String)] = []
        for claim in executed.claims where !claim.passed && claim.kind == .expect {
            switch Self.edit(for: claim, in: bytes, lines: lines) {
            case .success(let (range, change)):
                edits.append((range, change.new))
                changes.append(change)
            case .failure(let skipped):
                notes.append(skipped.note)
            }
        }
        // From the end, so earlier offsets stay valid; two claims never share a literal.
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(edit.range, with: Array(edit.replacement.utf8))
        }
        if !edits.isEmpty { text = String(decoding: bytes, as: UTF8.self) }
        changes.sort { $0.location < $1.location }
        notes.sort { $0.location < $1.location }
    }

    /// Why a claim is left alone.
    private struct Skipped: Error {
        var note: Diagnostic
    }

    /// The byte range of `claim`'s literal in the file and its change, or the note saying why none.
    private static func edit(for claim: ClaimResult, in bytes: [UInt8], lines: [Int])
        -> Result<(Range<Int>, Change), Skipped> {
        func skip(_ message: String) -> Result<(Range<Int>, Change), Skipped> {
            .failure(Skipped(note: .note("claim left unchanged: \(message)", at: claim.location, length: claim.length)))
        }
        guard let comparison = LiteralComparison(condition: claim.condition) else {
            return skip("'--fix' rewrites only '#expect(value == literal)'")
        }
        guard let observed = claim.values.first(where: { $0.expression == comparison.subject })?.value else {
            return skip("no value was recorded for '\(comparison.subject)'")
        }
        guard LiteralComparison.isLiteral(observed) else {
            return skip("'\(comparison.subject)' is \(observed), which is not a literal")
        }
        guard !comparison.literal.contains("\n") else {
            return skip("the literal spans several lines")
        }
        let line = claim.location.line + comparison.literalLine
        guard line >= 1, line <= lines.count else { return skip("the claim is not where the notebook has it") }
        let literal = Array(comparison.literal.utf8)
        let lineEnd = line < lines.count ? lines[line] : bytes.count
        var start: Int?
        if comparison.literalLine == 0 {
            start = lines[line - 1] + claim.location.column - 1 + comparison.literalColumn
        } else {
            // A later line of the condition sits after the line's indentation (and a quote's or a
            // list's prefix): the literal is found on it, once.
            let found = occurrences(of: literal, in: bytes, from: lines[line - 1], to: lineEnd)
            if found.count == 1 { start = found[0] }
        }
        guard let start, start >= 0, start + literal.count <= lineEnd,
              Array(bytes[start..<start + literal.count]) == literal else {
            return skip("the literal '\(comparison.literal)' is not found at its place in the file")
        }
        let column = start - lines[line - 1] + 1
        let change = Change(location: SourceLocation(file: claim.location.file, line: line, column: column),
                            old: comparison.literal, new: observed)
        return .success((start..<start + literal.count, change))
    }

    /// The offset where each line starts.
    private static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        return starts
    }

    private static func occurrences(of needle: [UInt8], in bytes: [UInt8], from start: Int, to end: Int) -> [Int] {
        guard !needle.isEmpty, end - start >= needle.count else { return [] }
        return (start...(end - needle.count)).filter { Array(bytes[$0..<$0 + needle.count]) == needle }
    }
}
