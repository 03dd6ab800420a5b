import Outputs
import Notebook

/// One cell output as HTML.
enum OutputHTML {
    /// The output's HTML; `repeats` above 1 marks a claim that held that many times in a row.
    static func render(_ output: CellOutput, source: SourceText, repeats: Int = 1) -> String {
        switch output {
        case .text(let text):
            return "<pre class=\"out-text\">\(HTML.escape(text))</pre>\n"
        case .value(let value):
            return "<pre class=\"out-value\">\(HTML.escape(value))</pre>\n"
        case .table(let table):
            return render(table)
        case .figure(let figure):
            return FigureHTML.render(figure)
        case .diagram(let diagram):
            return DiagramSVG.render(diagram)
        case .chart(let chart):
            return ChartSVG.render(chart)
        case .claim(let claim):
            return render(claim, repeats: repeats)
        case .diagnostic(let diagnostic):
            return render(diagnostic, source: source)
        }
    }

    static func render(_ table: Table) -> String {
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
        return html + "</table></div>\n"
    }

    static func render(_ claim: ClaimResult, repeats: Int = 1) -> String {
        let state = claim.passed ? "pass" : "fail"
        let mark = claim.passed ? "✓" : "✗"
        var html = "<div class=\"claim \(state)\"><span class=\"mark\">\(mark)</span> "
        html += "<code>#\(claim.kind.rawValue)(\(HTML.escape(claim.condition)))</code>"
        if repeats > 1 { html += " <span class=\"repeats\" title=\"held \(repeats) times\">×\(repeats)</span>" }
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
