#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Files
import Outputs

/// A lesson read from a Markdown file: title, prose, cells and inline code, each located in the file.
///
/// Reading never runs anything: the prose is already HTML (cmark's own renderer, raw HTML dropped
/// unless allowed), with holes where cells and inline code go once they have run.
public struct Notebook: Sendable {
    /// A piece of the page body, in document order.
    public enum Segment: Sendable, Hashable {
        /// Prose, rendered by cmark.
        case html(ProseHTML)
        /// The cell with this index.
        case cell(Int)
        /// The inline code with this index.
        case inline(Int)
    }

    /// The file as the user named it.
    public var path: String
    /// The file's text, for quoting lines in diagnostics.
    public var source: SourceText
    /// The text of the first level-1 heading, or the file name without extension.
    public var title: String
    /// The first paragraph as plain text, for the site's index.
    public var summary: String
    /// Every heading, in order, with a unique anchor.
    public var headings: [Heading]
    /// The ```` ```swift ```` blocks, in order.
    public var cells: [Cell]
    /// The `\(…)` and `#expect(…)` code spans of the prose, in order.
    public var inlineCode: [InlineCode]
    /// The page body: prose HTML with cells and inline code in place.
    public var body: [Segment]
    /// Problems found while reading (unknown options, unclosed fences, no title).
    public var diagnostics: [Diagnostic]
    /// Whether the author's raw HTML is kept in the prose (`--unsafe-html`).
    public var keepsRawHTML: Bool

    init(path: String, source: SourceText) {
        self.path = path
        self.source = source
        title = ""
        summary = ""
        headings = []
        cells = []
        inlineCode = []
        body = []
        diagnostics = []
        keepsRawHTML = false
    }

    /// Reads a notebook from Markdown text.
    /// - Parameters:
    ///   - text: the Markdown.
    ///   - path: the file's path, used in diagnostics and for the fallback title.
    ///   - rawHTML: keep the author's raw HTML in the prose (`--unsafe-html`); dropped by default.
    public init(parsing text: String, path: String, rawHTML: Bool = false) {
        self = MarkdownReader(source: SourceText(text), path: path, rawHTML: rawHTML).read()
    }

    /// Reads the notebook at `path`; bytes that are not UTF-8 become U+FFFD, with a warning at the first.
    /// - Throws: `NotebookError.unreadable` when the file cannot be read.
    public init(contentsOf path: String, rawHTML: Bool = false) throws(NotebookError) {
        var text: String
        do {
            text = try Files.readText(path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        self.init(parsing: text, path: path, rawHTML: rawHTML)
        // A repaired file holds U+FFFD (its bytes start with 0xEF); only then is it read again to
        // find the byte to name. memchr keeps the check to a fraction of reading a large file.
        let mayBeRepaired = text.withUTF8 { utf8 in utf8.baseAddress.map { memchr($0, 0xEF, utf8.count) != nil } ?? false }
        if mayBeRepaired, let bytes = try? Files.read(path), let (location, byte) = Self.firstByteNotUTF8(in: bytes, path: path) {
            let warning = Diagnostic.warning(
                "the file is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); bytes that are not UTF-8 read as U+FFFD",
                at: location)
            diagnostics.insert(warning, at: diagnostics.firstIndex { location < $0.location } ?? diagnostics.endIndex)
        }
    }

    /// Where the first of `bytes` (the file at `path`) that is not UTF-8 is, and that byte; nil when
    /// every byte is.
    private static func firstByteNotUTF8(in bytes: [UInt8], path: String) -> (SourceLocation, UInt8)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, lineStart = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") { line += 1; lineStart = offset + 1 }
                offset += scalar.count
            case .error:
                return (SourceLocation(file: path, line: line, column: offset - lineStart + 1), bytes[offset])
            case .emptyInput:
                return nil
            }
        }
    }

    /// Whether reading found an error (warnings do not count).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The number of claims written in the notebook: `#expect`/`#require` in cells and in prose.
    public var writtenClaimCount: Int {
        inlineCode.filter { $0.kind == .claim }.count
            + cells.filter(\.options.eval).map { $0.code.occurrences(of: "#expect(") + $0.code.occurrences(of: "#require(") }
            .reduce(0, +)
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.firstRange(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
