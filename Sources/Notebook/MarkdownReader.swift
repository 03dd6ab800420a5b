internal import Ccmark
import Cells
import Foundation

/// Walks cmark's tree of one Markdown file once and turns it into a `Notebook`.
///
/// The only file that touches cmark. Cells and evaluated code spans are swapped for custom nodes
/// whose output is a marker (0xFF, a tag, 0xFF) before cmark renders the prose: valid UTF-8 never
/// contains 0xFF, so no author text can forge one, and splitting the HTML at the markers gives the
/// page body with holes. cmark's custom nodes print as-is even in safe mode.
struct MarkdownReader {
    var source: SourceText
    var path: String
    var rawHTML: Bool

    private static let marker: UInt8 = 0xFF

    func read() -> Notebook {
        var notebook = Notebook(path: path, source: source)
        var utf8 = source.text
        let root: OpaquePointer = utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        defer { cmark_node_free(root) }

        var cellNodes: [OpaquePointer] = []
        var inlineNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        var tables: [(OpaquePointer, PipeTable)] = []
        var collectingHeading: String?
        var collectingSummary: String?
        var summaryDone = false

        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                if entering {
                    collectingHeading = ""
                } else {
                    headingNodes.append(node)
                    notebook.headings.append(Heading(
                        level: Int(cmark_node_get_heading_level(node)), text: collectingHeading ?? "",
                        anchor: "", line: Int(cmark_node_get_start_line(node))))
                    collectingHeading = nil
                }
            case CMARK_NODE_PARAGRAPH where entering && cmark_node_get_end_line(node) > cmark_node_get_start_line(node):
                if let table = pipeTable(node) {
                    tables.append((node, table))
                    iteratorSkip(iterator, past: node)
                    continue
                }
                if !summaryDone && cmark_node_parent(node) == root { collectingSummary = "" }
            case CMARK_NODE_PARAGRAPH where !summaryDone && cmark_node_parent(node) == root:
                if entering {
                    collectingSummary = ""
                } else {
                    notebook.summary = collectingSummary ?? ""
                    collectingSummary = nil
                    summaryDone = true
                }
            case CMARK_NODE_TEXT where collectingHeading != nil || collectingSummary != nil:
                let text = Self.literal(node)
                collectingHeading? += text
                collectingSummary? += text
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                collectingHeading? += " "
                collectingSummary? += " "
            case CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { break }
                let first = UInt8(bitPattern: literal[0])
                if first == UInt8(ascii: "\\") || first == UInt8(ascii: "#"),
                   case let code = String(cString: literal), let kind = InlineCode.kind(of: code)
                {
                    inlineNodes.append(node)
                    notebook.inlineCode.append(InlineCode(
                        index: notebook.inlineCode.count, kind: kind, code: code,
                        location: inlineLocation(of: code, line: cmark_node_get_start_line(node), column: cmark_node_get_start_column(node))))
                    collectingHeading? += code
                    collectingSummary? += code
                } else if collectingHeading != nil || collectingSummary != nil {
                    let code = String(cString: literal)
                    collectingHeading? += code
                    collectingSummary? += code
                }
            case CMARK_NODE_CODE_BLOCK:
                guard let info = cmark_node_get_fence_info(node), Self.isCell(info: info) else { break }
                cellNodes.append(node)
                readCell(node, into: &notebook)
            default:
                break
            }
        }

        assignAnchors(&notebook)
        if let title = notebook.headings.first(where: { $0.level == 1 }) {
            notebook.title = title.text
        } else {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            notebook.title = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
            notebook.diagnostics.append(.warning(
                "notebook has no level-1 heading; its title will be '\(notebook.title)'",
                at: SourceLocation(file: path, line: 1, column: 1)))
        }
        notebook.diagnostics.append(contentsOf: duplicateLabels(notebook.cells))
        notebook.diagnostics.sort { $0.location < $1.location }

        // Change the tree only after walking it (cmark's iterator does not survive edits).
        for (index, node) in cellNodes.enumerated() {
            replace(node, with: CMARK_NODE_CUSTOM_BLOCK, onEnter: Self.hole("c\(index)"))
        }
        for (index, node) in inlineNodes.enumerated() {
            replace(node, with: CMARK_NODE_CUSTOM_INLINE, onEnter: Self.hole("i\(index)"))
        }
        for (node, table) in tables {
            let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            cmark_node_set_on_enter(custom, table.html(inline: renderInline))
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
        for (index, (node, heading)) in zip(headingNodes, notebook.headings).enumerated() {
            mark(heading: node, index: index, anchor: heading.anchor)
        }
        notebook.body = render(root, headings: notebook.headings)
        return notebook
    }

    // MARK: Cells

    private static func isCell(info: UnsafePointer<CChar>) -> Bool {
        let word = String(cString: info).prefix(while: { !$0.isWhitespace && $0 != "{" && $0 != "," })
        return word == "swift"
    }

    private func readCell(_ node: OpaquePointer, into notebook: inout Notebook) {
        let fenceLine = Int(cmark_node_get_start_line(node))
        let fenceColumn = Int(cmark_node_get_start_column(node))
        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let firstLine = fenceLine + 1
        let codeLines = code.codeLines.dropLast(code.utf8.last == UInt8(ascii: "\n") ? 1 : 0)
        let columnOffsets = codeLines.enumerated().map { index, line -> Int in
            guard let full = source.line(firstLine + index)?.utf8 else { return 0 }
            let count = line.utf8.count
            return full.count >= count && full.suffix(count).elementsEqual(line.utf8) ? full.count - count : 0
        }
        let (options, optionLines, diagnostics) = CellOptions.parse(
            code: code, file: path, firstLine: firstLine, columnOffsets: columnOffsets)
        notebook.diagnostics += diagnostics
        notebook.cells.append(Cell(
            index: notebook.cells.count, fenceLine: fenceLine, fenceColumn: fenceColumn, firstLine: firstLine,
            code: code, columnOffsets: columnOffsets, options: options, optionLineCount: optionLines))
        if let unclosed = unclosedFence(node, fenceLine: fenceLine, fenceColumn: fenceColumn) {
            notebook.diagnostics.append(unclosed)
        }
    }

    /// cmark ends a fence that is never closed at the end of the file (or of its list item or
    /// quote) without a word; say so, since everything after it silently became code.
    private func unclosedFence(_ node: OpaquePointer, fenceLine: Int, fenceColumn: Int) -> Diagnostic? {
        guard let opening = source.line(fenceLine) else { return nil }
        let fence = opening.utf8.dropFirst(fenceColumn - 1)
        guard let character = fence.first, character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else {
            return nil
        }
        let length = fence.prefix(while: { $0 == character }).count
        let endLine = Int(cmark_node_get_end_line(node))
        if endLine > fenceLine, let closing = source.line(endLine) {
            let rest = closing.utf8.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") })
            let run = rest.prefix(while: { $0 == character }).count
            if run >= length, rest.dropFirst(run).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                return nil
            }
        }
        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let lastCodeLine = fenceLine + code.codeLines.count - 1
        let end = endLine >= source.lineCount ? "the end of the file" : "line \(lastCodeLine)"
        return .warning(
            "code block is never closed; it runs to \(end)",
            at: SourceLocation(file: path, line: fenceLine, column: fenceColumn), length: length,
            details: ["close it with a line of \(length) '\(Character(Unicode.Scalar(character)))'"])
    }

    private func duplicateLabels(_ cells: [Cell]) -> [Diagnostic] {
        var first: [String: SourceLocation] = [:]
        var diagnostics: [Diagnostic] = []
        for cell in cells {
            guard let label = cell.options.label, let location = cell.options.locations["label"] else { continue }
            if let earlier = first[label] {
                diagnostics.append(.error(
                    "duplicate label '\(label)'", at: location, length: "label".utf8.count,
                    notes: [.note("'\(label)' is first used here", at: earlier, length: "label".utf8.count)]))
            } else {
                first[label] = location
            }
        }
        return diagnostics
    }

    // MARK: Headings

    private func assignAnchors(_ notebook: inout Notebook) {
        var taken = Set(notebook.cells.map(\.anchor))
        // The next suffix to try for each slug, so a heading repeated n times costs n, not n².
        var nextSuffix: [String: Int] = [:]
        for index in notebook.headings.indices {
            let base = Anchor.slug(notebook.headings[index].text)
            var anchor = base
            if taken.contains(anchor) {
                var suffix = nextSuffix[base, default: 1]
                repeat {
                    anchor = "\(base)-\(suffix)"
                    suffix += 1
                } while taken.contains(anchor)
                nextSuffix[base] = suffix
            }
            taken.insert(anchor)
            notebook.headings[index].anchor = anchor
        }
    }

    /// Marks a heading so `render` can give its `<hN>` an `id`, and ends it with a link to itself:
    /// cmark's own `<hN>` has no attributes.
    private func mark(heading node: OpaquePointer, index: Int, anchor: String) {
        let start = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        cmark_node_set_on_enter(start, Self.hole("h\(index)"))
        cmark_node_prepend_child(node, start)
        let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        let id = Anchor.escapeAttribute(anchor)
        cmark_node_set_on_enter(link, "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a>")
        cmark_node_append_child(node, link)
    }

    // MARK: Rendering the prose

    private static func hole(_ tag: String) -> [CChar] {
        ([marker] + Array(tag.utf8) + [marker, 0]).map { CChar(bitPattern: $0) }
    }

    private func replace(_ node: OpaquePointer, with type: cmark_node_type, onEnter: [CChar]) {
        let custom = cmark_node_new(type)
        cmark_node_set_on_enter(custom, onEnter)
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    private func render(_ root: OpaquePointer, headings: [Heading]) -> [Notebook.Segment] {
        guard let html = cmark_render_html(root, rawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else { return [] }
        defer { free(html) }
        let bytes = UnsafeRawBufferPointer(start: html, count: strlen(html))
        var segments: [Notebook.Segment] = []
        // Prose is gathered as bytes (one copy each) and decoded once per segment.
        var prose: [UInt8] = []
        prose.reserveCapacity(bytes.count)
        var start = 0
        func flush() {
            if !prose.isEmpty { segments.append(.html(String(decoding: prose, as: UTF8.self))) }
            prose.removeAll(keepingCapacity: true)
        }
        func nextMarker(from offset: Int) -> Int? {
            guard offset < bytes.count,
                  let found = memchr(bytes.baseAddress! + offset, Int32(Self.marker), bytes.count - offset) else { return nil }
            return UnsafeRawPointer(found) - bytes.baseAddress!
        }
        while let open = nextMarker(from: start), let close = nextMarker(from: open + 1) {
            var before = bytes[start..<open]
            let kind = bytes[open + 1]
            let index = bytes[(open + 2)..<close].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            switch kind {
            case UInt8(ascii: "h"):
                // cmark's `<hN>` ends the prose just before the heading's hole; give it an id.
                let heading = headings[index]
                let tag = Array("<h\(heading.level)>".utf8)
                if before.count >= tag.count, before.suffix(tag.count).elementsEqual(tag) {
                    before = before.dropLast(tag.count)
                    prose.append(contentsOf: before)
                    prose.append(contentsOf: "<h\(heading.level) id=\"\(Anchor.escapeAttribute(heading.anchor))\">".utf8)
                } else {
                    prose.append(contentsOf: before)
                }
            case UInt8(ascii: "c"):
                prose.append(contentsOf: before)
                flush()
                segments.append(.cell(index))
            default:
                prose.append(contentsOf: before)
                flush()
                segments.append(.inline(index))
            }
            start = close + 1
        }
        prose.append(contentsOf: bytes[start...])
        flush()
        return segments
    }

    // MARK: Tables

    /// A paragraph whose source lines are a pipe table (cmark 0.30 has no tables of its own).
    private func pipeTable(_ node: OpaquePointer) -> PipeTable? {
        let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
        // Most paragraphs are not tables: look at the would-be delimiter row's bytes first.
        guard source.mayBeTableDelimiterRow(first + 1) else { return nil }
        let column = Int(cmark_node_get_start_column(node))
        var lines: [Substring] = []
        for number in first...last {
            guard let line = source.line(number) else { return nil }
            // Continuation lines of a paragraph in a list item or quote carry its indentation.
            let prefix = line.utf8.prefix(column - 1)
            let drop = prefix.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ">") }) ? prefix.count : 0
            lines.append(Substring(line.utf8.dropFirst(drop)))
        }
        return PipeTable(lines: lines)
    }

    /// Moves the iterator to the exit of `node`, skipping its children.
    private func iteratorSkip(_ iterator: OpaquePointer?, past node: OpaquePointer) {
        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
    }

    /// One table cell's Markdown as inline HTML, through cmark with the page's raw-HTML setting.
    private func renderInline(_ markdown: String) -> String {
        guard !markdown.isEmpty else { return "" }
        guard let html = cmark_markdown_to_html(markdown, markdown.utf8.count, rawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
        else { return "" }
        defer { free(html) }
        var text = String(cString: html)
        if text.hasPrefix("<p>") && text.hasSuffix("</p>\n") {
            text = String(text.dropFirst(3).dropLast(5))
        }
        return text
    }

    // MARK: Helpers

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// cmark places a code span where its content starts before it strips one padding space
    /// (`` ` \\(x) ` ``); the span's code begins after that space.
    private func inlineLocation(of code: String, line: Int32, column: Int32) -> SourceLocation {
        var column = Int(column)
        if let text = source.line(Int(line)) {
            let rest = text.utf8.dropFirst(column - 1)
            if rest.first == UInt8(ascii: " "), !rest.starts(with: code.utf8) { column += 1 }
        }
        return SourceLocation(file: path, line: Int(line), column: column)
    }
}
