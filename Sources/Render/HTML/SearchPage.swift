import Outputs
import Notebook

/// The site's search page: a form, and the results its script finds in the site's search index.
///
/// The only page with a script, both same-origin files allowed by its own policy; without
/// JavaScript it says so and points to the lessons.
struct SearchPage {
    /// The page's file name in the site.
    static let fileName = "search.html"

    var notebooks: [ExecutedNotebook]

    func render() -> String {
        var html = PageShell.head(title: "Search", styles: .linked("assets/\(Stylesheet.fileName)"),
                                  policy: PageShell.searchPolicy)
        html += PageShell.header(index: HTMLPage.Link(title: "All lessons", href: "index.html"),
                                 claims: notebooks.flatMap(\.claims), hasErrors: notebooks.contains(where: \.failed),
                                 links: [HTMLPage.Link(title: "All lessons", href: "index.html")])
        html += "<div class=\"layout single\">\n<main>\n<article>\n<h1>Search</h1>\n"
        html += "<form class=\"search-form\" id=\"search-form\" role=\"search\" action=\"\(Self.fileName)\" method=\"get\">\n"
        html += "<input id=\"search-query\" type=\"search\" name=\"q\" autocomplete=\"off\" placeholder=\"stride, padding, #expect…\""
        html += " aria-label=\"Search lessons, headings and claims\">\n</form>\n"
        html += "<p class=\"search-status\" id=\"search-status\" aria-live=\"polite\"></p>\n"
        html += "<ol class=\"results\" id=\"search-results\"></ol>\n"
        html += "<noscript><p>Search runs in your browser and needs JavaScript. Without it, the "
        html += "<a href=\"index.html\">list of lessons</a> and each lesson's contents lead to every section.</p></noscript>\n"
        html += "</article>\n</main>\n</div>\n"
        html += "<script src=\"\(SearchIndex.path)\"></script>\n<script src=\"\(SearchScript.path)\"></script>\n"
        return html + "</body>\n</html>\n"
    }
}
