@testable import Notebook

extension Notebook {
    /// A tree of what was read, with positions, for snapshot-style tests.
    var dump: String {
        var lines = ["notebook \"\(title)\" (\(path))", "  summary \"\(summary)\""]
        for heading in headings {
            lines.append("  heading h\(heading.level) \"\(heading.text)\" #\(heading.anchor) line \(heading.line)")
        }
        for cell in cells {
            var options: [String] = []
            if !cell.options.echo { options.append("echo: false") }
            if !cell.options.output { options.append("output: false") }
            if !cell.options.eval { options.append("eval: false") }
            if let error = cell.options.error { options.append("error: \(error)") }
            if let label = cell.options.label { options.append("label: \(label)") }
            if let caption = cell.options.caption { options.append("caption: \(caption)") }
            if cell.options.timeout != .seconds(30) { options.append("timeout: \(cell.options.timeout)") }
            lines.append("  cell \(cell.index) fence \(cell.fenceLine):\(cell.fenceColumn) code line \(cell.firstLine)"
                + " offsets \(cell.columnOffsets) #\(cell.anchor)" + (options.isEmpty ? "" : " [\(options.joined(separator: ", "))]"))
            for line in cell.code.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                lines.append("    | \(line)")
            }
        }
        for code in inlineCode {
            lines.append("  inline \(code.index) \(code.kind.rawValue) `\(code.code)` \(code.location.line):\(code.location.column)")
        }
        lines.append("  body")
        for segment in body {
            switch segment {
            case .html(let html):
                for line in html.text.split(separator: "\n") { lines.append("    \(line)") }
            case .cell(let index): lines.append("    [cell \(index)]")
            case .inline(let index): lines.append("    [inline \(index)]")
            }
        }
        for diagnostic in diagnostics {
            lines.append("  \(diagnostic.severity.rawValue) \(diagnostic.location.line):\(diagnostic.location.column) \(diagnostic.message)")
        }
        return lines.joined(separator: "\n")
    }
}
