#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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
        guard var text = Self.readUTF8(path) else {
            var status = stat()
            let exists = stat(path, &status) == 0
            let reason = !exists ? "no such file" : status.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "permission denied"
            throw .unreadable(path: path, reason: reason)
        }
        self.init(parsing: text, path: path, rawHTML: rawHTML)
        // A repaired file holds U+FFFD (its bytes start with 0xEF); only then is it read again to
        // find the byte to name. memchr keeps the check to a fraction of reading a large file.
        let mayBeRepaired = text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0xEF, bytes.count) != nil } ?? false }
        if mayBeRepaired, let (location, byte) = Self.firstByteNotUTF8(in: path) {
            let warning = Diagnostic.warning(
                "the file is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))); bytes that are not UTF-8 read as U+FFFD",
                at: location)
            diagnostics.insert(warning, at: diagnostics.firstIndex { location < $0.location } ?? diagnostics.endIndex)
        }
    }

    /// Where the first byte of the file at `path` that is not UTF-8 is, and that byte; nil when
    /// every byte is (or the file cannot be read).
    private static func firstByteNotUTF8(in path: String) -> (SourceLocation, UInt8)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = readToEnd(descriptor) else { return nil }
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

    /// The file's bytes read straight into a string's storage, which validates them once (and
    /// repairs them if need be) without another copy; nil when the file cannot be read.
    private static func readUTF8(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            var count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { break }
                count += got
            }
            complete = count == size
            return count
        }
        // A file that grew while being read: read it again, the slow way.
        guard complete, lseek(descriptor, 0, SEEK_END) == off_t(size) else {
            return readToEnd(descriptor).map { String(decoding: $0, as: UTF8.self) }
        }
        return text
    }

    /// Every byte of the open file from its start, however long it is now; nil on a read error.
    private static func readToEnd(_ descriptor: Int32) -> [UInt8]? {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { return nil }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { return bytes }
            bytes += chunk[..<got]
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
