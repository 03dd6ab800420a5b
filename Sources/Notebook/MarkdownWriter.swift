#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Ccmark
import Outputs

extension Notebook {
    /// The prose as CommonMark, with holes where the cells and the evaluated inline code go.
    ///
    /// The Markdown is cmark's own rendering of the file's tree, so everything the author wrote as
    /// text stays text in any Markdown reader. As on the page, the author's raw HTML is dropped
    /// unless the notebook keeps it, and links and images to `javascript:`, `vbscript:`, `file:`
    /// or non-image `data:` URLs lose their URL.
    public func markdownBody() -> [MarkdownSegment] {
        let arena = CmarkArena()
        return arena.withCurrent { MarkdownWriter(notebook: self).segments(in: arena) }
    }
}

/// Renders a notebook's Markdown back to CommonMark through cmark, cells and evaluated code spans
/// swapped for marker nodes, then splits the text at the markers.
struct MarkdownWriter {
    var notebook: Notebook

    /// A hole in the rendered text: a cell (`c`) or an inline code span (`i`) and its index.
    private struct Hole: Equatable {
        var kind: UInt8
        var index: Int
    }

    private struct Position: Hashable {
        var line: Int
        var column: Int
    }

    func segments(in arena: CmarkArena) -> [MarkdownSegment] {
        let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, arena.mem)
        notebook.source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let root = cmark_parser_finish(parser)!
        cmark_parser_free(parser)

        // The first reading found the cells and the evaluated spans; find the same nodes by position.
        let reader = MarkdownReader(source: notebook.source, path: notebook.path, rawHTML: notebook.keepsRawHTML)
        let cells = Dictionary(notebook.cells.map { (Position(line: $0.fenceLine, column: $0.fenceColumn), $0.index) },
                               uniquingKeysWith: { first, _ in first })
        let spans = Dictionary(notebook.inlineCode.map { (Position(line: $0.location.line, column: $0.location.column), $0.index) },
                               uniquingKeysWith: { first, _ in first })
        var holes: [(node: OpaquePointer, hole: Hole)] = []
        var rawHTML: [OpaquePointer] = []
        var unsafeLinks: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                let position = Position(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
                if let info = cmark_node_get_fence_info(node), MarkdownReader.isCell(info: info), let index = cells[position] {
                    holes.append((node, Hole(kind: UInt8(ascii: "c"), index: index)))
                }
            case CMARK_NODE_CODE:
                let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                let location = reader.inlineLocation(of: code, line: cmark_node_get_start_line(node),
                                                     column: cmark_node_get_start_column(node))
                if let index = spans[Position(line: location.line, column: location.column)] {
                    holes.append((node, Hole(kind: UInt8(ascii: "i"), index: index)))
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                if !notebook.keepsRawHTML { rawHTML.append(node) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node), Self.isUnsafe(url: String(cString: url)) { unsafeLinks.append(node) }
            default:
                break
            }
        }

        // Change the tree only after walking it (cmark's iterator does not survive edits).
        for node in rawHTML { cmark_node_unlink(node) }
        for node in unsafeLinks { cmark_node_set_url(node, "") }
        var markers: [OpaquePointer] = []
        for (node, hole) in holes {
            let marker = cmark_node_new_with_mem(hole.kind == UInt8(ascii: "c") ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, arena.mem)!
            cmark_node_replace(node, marker)
            markers.append(marker)
        }
        // The author cannot know the nonce: a text that forges the first one's markers makes a second
        // rendering with a nonce longer than every digit run that follows the marker's prefix.
        var nonce = "0"
        for _ in 0..<2 {
            for (marker, (_, hole)) in zip(markers, holes) {
                cmark_node_set_on_enter(marker, Self.marker(hole, nonce: nonce))
            }
            guard let rendered = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0) else { return [] }
            let text = Array(UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self),
                                                 count: strlen(rendered)))
            if let segments = Self.split(text, nonce: nonce, expecting: holes.map(\.hole)) { return segments }
            nonce = "1" + String(repeating: "0", count: Self.longestDigitRun(after: Self.prefix, in: text))
        }
        return holes.map { $0.hole.kind == UInt8(ascii: "c") ? .cell($0.hole.index) : .inline($0.hole.index) }
    }

    private static let prefix: [UInt8] = [1] + Array("kb".utf8)

    private static func marker(_ hole: Hole, nonce: String) -> [CChar] {
        (prefix + Array(nonce.utf8) + [hole.kind] + Array(String(hole.index).utf8) + [1, 0]).map { CChar(bitPattern: $0) }
    }

    /// The rendered text cut at the markers; nil unless exactly the expected markers occur, in order.
    /// A cell's marker stands on a line of its own: that line goes, with any container prefix (`> `).
    private static func split(_ text: [UInt8], nonce: String, expecting holes: [Hole]) -> [MarkdownSegment]? {
        let lead = prefix + Array(nonce.utf8)
        var segments: [MarkdownSegment] = []
        var found: [Hole] = []
        var pending: [UInt8] = []
        var offset = 0
        func flush() {
            if !pending.isEmpty { segments.append(.markdown(String(decoding: pending, as: UTF8.self))) }
            pending.removeAll()
        }
        while offset < text.count {
            guard text[offset] == 1, let (hole, end) = Self.hole(in: text, at: offset, lead: lead) else {
                pending.append(text[offset])
                offset += 1
                continue
            }
            found.append(hole)
            if hole.kind == UInt8(ascii: "c") {
                pending.removeSubrange((pending.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0)...)
                flush()
                segments.append(.cell(hole.index))
                offset = text[end...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
            } else {
                flush()
                segments.append(.inline(hole.index))
                offset = end
            }
        }
        flush()
        return found == holes ? segments : nil
    }

    /// The marker `\u{1}kb<nonce><c|i><digits>\u{1}` at `offset`, and the offset after it.
    private static func hole(in text: [UInt8], at offset: Int, lead: [UInt8]) -> (Hole, Int)? {
        guard text[offset...].starts(with: lead) else { return nil }
        var position = offset + lead.count
        guard position < text.count, text[position] == UInt8(ascii: "c") || text[position] == UInt8(ascii: "i") else { return nil }
        let kind = text[position]
        position += 1
        var index = 0, digits = 0
        while position < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[position]), digits < 18 {
            index = index * 10 + Int(text[position] - UInt8(ascii: "0"))
            digits += 1
            position += 1
        }
        guard digits > 0, position < text.count, text[position] == 1 else { return nil }
        return (Hole(kind: kind, index: index), position + 1)
    }

    private static func longestDigitRun(after lead: [UInt8], in text: [UInt8]) -> Int {
        var longest = 0
        var offset = 0
        while offset < text.count {
            guard text[offset...].starts(with: lead) else {
                offset += 1
                continue
            }
            offset += lead.count
            let start = offset
            while offset < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[offset]) { offset += 1 }
            longest = max(longest, offset - start)
        }
        return longest
    }

    /// Whether a browser would run or open something local for `url`: the schemes cmark's HTML
    /// renderer refuses, compared as a browser reads them (blanks and control characters ignored,
    /// any case).
    static func isUnsafe(url: String) -> Bool {
        var compact = ""
        for scalar in url.unicodeScalars.prefix(64) where scalar.value > 0x20 {
            compact.unicodeScalars.append(scalar)
        }
        compact = compact.lowercased()
        if compact.hasPrefix("javascript:") || compact.hasPrefix("vbscript:") || compact.hasPrefix("file:") { return true }
        guard compact.hasPrefix("data:") else { return false }
        return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { compact.hasPrefix($0) }
    }
}
