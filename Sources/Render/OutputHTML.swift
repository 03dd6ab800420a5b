import Cells
import Notebook

/// One cell output as HTML.
enum OutputHTML {
    /// - Parameter caption: the cell's caption; the first figure or table takes it (set to nil).
    static func render(_ output: CellOutput, caption: inout String?, source: SourceText) -> String {
        switch output {
        case .text(let text):
            return "<pre class=\"out-text\">\(HTML.escape(text))</pre>\n"
        case .value(let value):
            return "<pre class=\"out-value\">\(HTML.escape(value))</pre>\n"
        case .table(let table):
            defer { caption = nil }
            return render(table, caption: caption)
        case .figure(let figure):
            defer { caption = nil }
            return FigureHTML.render(figure, caption: caption)
        case .diagram(let diagram):
            defer { caption = nil }
            return DiagramSVG.render(diagram, caption: caption)
        case .claim(let claim):
            return render(claim)
        case .diagnostic(let diagnostic):
            return render(diagnostic, source: source)
        }
    }

    static func render(_ table: Table, caption: String?) -> String {
        var html = "<div class=\"out-table\"><table>\n"
        if let title = table.title { html += "<caption>\(HTML.escape(title))</caption>\n" }
        html += "<thead><tr>"
        for column in table.columns {
            html += "<th\(column.alignment == .right ? " class=\"r\"" : "")>\(HTML.escape(column.title))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let right = index < table.columns.count && table.columns[index].alignment == .right
                html += "<td\(right ? " class=\"r\"" : "")>\(HTML.escape(cell))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n"
        if !table.footer.isEmpty {
            html += "<tfoot><tr><td colspan=\"\(max(table.columns.count, 1))\">"
            html += table.footer.map(HTML.escape).joined(separator: "<br>")
            html += "</td></tr></tfoot>\n"
        }
        html += "</table>"
        if let caption { html += "<p class=\"caption\">\(HTML.escape(caption))</p>" }
        return html + "</div>\n"
    }

    static func render(_ claim: ClaimResult) -> String {
        let state = claim.passed ? "pass" : "fail"
        let mark = claim.passed ? "✓" : "✗"
        var html = "<div class=\"claim \(state)\"><span class=\"mark\">\(mark)</span> "
        html += "<code>#\(claim.kind.rawValue)(\(HTML.escape(claim.condition)))</code>"
        if !claim.passed, !claim.values.isEmpty {
            html += "\n<ul>"
            for value in claim.values {
                html += "<li>\(HTML.escape(value.expression)) → \(HTML.escape(value.value))</li>"
            }
            html += "</ul>"
        }
        return html + "</div>\n"
    }

    static func render(_ diagnostic: Diagnostic, source: SourceText) -> String {
        let text = diagnostic.formatted(sourceLine: { _, line in source.line(line) })
        return "<pre class=\"diag \(diagnostic.severity.rawValue)\">\(HTML.escape(text))</pre>\n"
    }
}
