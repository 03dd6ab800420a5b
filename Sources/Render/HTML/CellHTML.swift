import Outputs
import Notebook

/// A cell as HTML: its source with the execution count, a badge when it did not run, its outputs.
enum CellHTML {
    static func render(_ cell: Cell, _ result: ExecutedCell, source: SourceText) -> String {
        let options = cell.options
        var classes = ["cell"]
        if !options.echo { classes.append("no-source") }
        if result.status == .notRun { classes.append("not-run") }
        var html = "<section class=\"\(classes.joined(separator: " "))\" id=\"\(HTML.escape(cell.anchor))\">\n"
        if options.echo {
            let count = result.executionCount.map { "[\($0)]" } ?? "[ ]"
            html += "<div class=\"cell-source\"><span class=\"count\" aria-hidden=\"true\">\(count)</span>"
            html += "<pre><code class=\"language-swift\">\(CodeHTML.highlighted(result.highlightedCode ?? [HighlightedToken(kind: .plain, text: cell.displayedCode)]))</code></pre></div>\n"
        }
        if let badge = badge(options, result.status) {
            html += "<span class=\"badge\">\(badge)</span>\n"
        }
        let shown = ShownOutputs.of(result, options: options)
        if !shown.isEmpty {
            html += "<div class=\"cell-outputs\">\n"
            for item in shown {
                html += OutputHTML.render(item.output, source: source, repeats: item.repeats)
            }
            // The caption describes the cell's figures and tables together, under all of them.
            if let caption = options.caption { html += "<p class=\"caption\">\(HTML.escape(caption))</p>\n" }
            html += "</div>\n"
        }
        return html + "</section>\n"
    }

    private static func badge(_ options: CellOptions, _ status: ExecutedCell.Status) -> String? {
        switch status {
        case .notRun: options.eval ? "not run" : "not run · eval: false"
        case .failedAsExpected: "fails, as it should"
        case .completed, .failed: nil
        }
    }
}
