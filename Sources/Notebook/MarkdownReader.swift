#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Ccmark
import Outputs

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
        // Every allocation cmark makes for this file comes from one arena, dropped whole at the end.
        let arena = CmarkArena()
        return arena.withCurrent { read(in: arena) }
    }

    private func read(in arena: CmarkArena) -> Notebook {
        var notebook = Notebook(path: path, source: source)
        notebook.keepsRawHTML = rawHTML
        let parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, arena.mem)
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let root = cmark_parser_finish(parser)!
        cmark_parser_free(parser)

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
            case CMARK_NODE_PARAGRAPH where entering:
                let first = Int(cmark_node_get_start_line(node)), last = Int(cmark_node_get_end_line(node))
                if last > first, let table = pipeTable(node) {
                    tables.append((node, table))
                    iteratorSkip(iterator, past: node)
                    continue
                }
                if !summaryDone && cmark_node_parent(node) == root {
                    collectingSummary = ""
                } else if !source.mayHoldEvaluatedCode(lines: first...max(first, last)) {
                    // Most paragraphs have no `\(…)` or `#expect(…)` span: leave their inlines unvisited.
                    iteratorSkip(iterator, past: node)
                    continue
                }
            case CMARK_NODE_PARAGRAPH where !summaryDone && cmark_node_parent(node) == root:
                notebook.summary = collectingSummary ?? ""
                collectingSummary = nil
                summaryDone = true
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
            replace(node, with: CMARK_NODE_CUSTOM_BLOCK, onEnter: Self.hole("c\(index)"), arena: arena)
        }
        for (index, node) in inlineNodes.enumerated() {
            replace(node, with: CMARK_NODE_CUSTOM_INLINE, onEnter: Self.hole("i\(index)"), arena: arena)
        }
        for (node, table) in tables {
            let custom = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena.mem)
            cmark_node_set_on_enter(custom, table.html(inline: renderInline))
            cmark_node_replace(node, custom)
        }
        for (node, heading) in zip(headingNodes, notebook.headings) {
            mark(heading: node, level: heading.level, anchor: heading.anchor, arena: arena)
        }
        notebook.body = render(root, arena: arena)
        // The tree is not freed node by node: it lives in the arena, which goes as a whole.
        return notebook
    }

    // MARK: Cells

    static func isCell(info: UnsafePointer<CChar>) -> Bool {
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

    /// Gives a heading's `<hN>` an `id` and ends it with a link to itself (cmark's own `<hN>` has no
    /// attributes): its inlines move into a custom inline that prints the tags, inside a custom
    /// block that prints nothing, so the HTML around it is what cmark would have written.
    private func mark(heading node: OpaquePointer, level: Int, anchor: String, arena: CmarkArena) {
        let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, arena.mem)
        let inline = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_INLINE, arena.mem)
        let id = HTML.escape(anchor)
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(inline, "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(level)>\n")
        while let child = cmark_node_first_child(node) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_replace(node, block)
    }

    // MARK: Rendering the prose

    private static func hole(_ tag: String) -> [CChar] {
        ([marker] + Array(tag.utf8) + [marker, 0]).map { CChar(bitPattern: $0) }
    }

    private func replace(_ node: OpaquePointer, with type: cmark_node_type, onEnter: [CChar], arena: CmarkArena) {
        let custom = cmark_node_new_with_mem(type, arena.mem)
        cmark_node_set_on_enter(custom, onEnter)
        cmark_node_replace(node, custom)
    }

    /// cmark's HTML split at the holes; the pieces of prose share cmark's buffer.
    private func render(_ root: OpaquePointer, arena: CmarkArena) -> [Notebook.Segment] {
        guard let html = cmark_render_html(root, rawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else { return [] }
        let count = strlen(html)
        // A large buffer is taken from the arena as it is; a small one (allocated in the arena's
        // blocks, which go with it) is copied.
        let storage = if let allocation = arena.detach(html) {
            ProseHTML.Storage(adopting: html, count: count, allocation: allocation)
        } else {
            ProseHTML.Storage(copying: UnsafeRawBufferPointer(start: html, count: count))
        }
        let bytes = UnsafeBufferPointer(start: storage.bytes.assumingMemoryBound(to: UInt8.self), count: count)
        var segments: [Notebook.Segment] = []
        var start = 0
        func prose(upTo end: Int) {
            if end > start { segments.append(.html(ProseHTML(storage: storage, range: start..<end))) }
        }
        func nextMarker(from offset: Int) -> Int? {
            guard offset < bytes.count,
                  let found = memchr(bytes.baseAddress! + offset, Int32(Self.marker), bytes.count - offset) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
        }
        while let open = nextMarker(from: start), let close = nextMarker(from: open + 1) {
            prose(upTo: open)
            let index = bytes[(open + 2)..<close].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            segments.append(bytes[open + 1] == UInt8(ascii: "c") ? .cell(index) : .inline(index))
            start = close + 1
        }
        prose(upTo: bytes.count)
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
    func inlineLocation(of code: String, line: Int32, column: Int32) -> SourceLocation {
        var column = Int(column)
        if let text = source.line(Int(line)) {
            let rest = text.utf8.dropFirst(column - 1)
            if rest.first == UInt8(ascii: " "), !rest.starts(with: code.utf8) { column += 1 }
        }
        return SourceLocation(file: path, line: Int(line), column: column)
    }
}
