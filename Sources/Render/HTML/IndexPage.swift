import Outputs
import Notebook

/// The site's front page: every lesson in order with its title, first paragraph, cells and claims.
struct IndexPage {
    var notebooks: [ExecutedNotebook]
    var pages: [String]

    func render() -> String {
        let claims = notebooks.flatMap(\.claims)
        var html = PageShell.head(title: "Lessons", styles: .linked("assets/\(Stylesheet.fileName)"))
        html += PageShell.header(index: nil, claims: claims, hasErrors: notebooks.contains(where: \.failed),
                                 links: [HTMLPage.Link(title: "Search", href: SearchPage.fileName)])
        html += "<div class=\"layout single\">\n<main>\n<article>\n<h1>Lessons</h1>\n"
        html += "<p>Notes on deep learning whose every claim is run and checked: "
        html += "\(notebooks.count) \(Terminal.plural(notebooks.count, "lesson")), "
        html += "\(ClaimTally(claims).total) \(Terminal.plural(ClaimTally(claims).total, "claim")).</p>\n"
        html += "<ol class=\"lessons\">\n"
        for (executed, page) in zip(notebooks, pages) {
            let notebook = executed.notebook
            let tally = ClaimTally(executed.claims)
            html += "<li>\n<h2><a href=\"\(HTML.escape(page))\">\(HTML.escape(notebook.title))</a></h2>\n"
            if !notebook.summary.isEmpty { html += "<p>\(HTML.escape(notebook.summary))</p>\n" }
            var facts = ["\(notebook.cells.count) \(Terminal.plural(notebook.cells.count, "cell"))"]
            if tally.total > 0 {
                facts.append(tally.failed > 0 ? "✗ \(tally.failed) of \(tally.total) claims failed"
                                              : "✓ \(tally.passed)/\(tally.total) claims")
            } else if notebook.writtenClaimCount > 0 {
                facts.append("\(notebook.writtenClaimCount) \(Terminal.plural(notebook.writtenClaimCount, "claim")), not run")
            }
            let download = JupyterNotebook.fileName(for: notebook.path)
            facts.append("<a href=\"\(HTML.escape(download))\" download>download .ipynb</a>")
            html += "<p class=\"facts\">\(facts.joined(separator: " · "))</p>\n</li>\n"
        }
        html += "</ol>\n</article>\n</main>\n</div>\n</body>\n</html>\n"
        return html
    }
}
