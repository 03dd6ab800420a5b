import Testing
@testable import Notebook

@Suite struct PipeTableTests {
    @Test func aPipeTableBecomesHTMLWithAlignmentsAndInlineMarkdown() {
        let notebook = Notebook(parsing: """
            # T

            | symbol | meaning | size |
            | :--- | :---: | ---: |
            | `W` | *width* \\| height | 32 |
            | F | kernel |

            after
            """, path: "t.md")
        #expect(notebook.body == [.html("""
            <h1 id="t">T<a class="anchor" href="#t" aria-label="Link to this section">#</a></h1>
            <div class="md-table"><table>
            <thead>
            <tr><th>symbol</th><th class="c">meaning</th><th class="r">size</th></tr>
            </thead>
            <tbody>
            <tr><td><code>W</code></td><td class="c"><em>width</em> | height</td><td class="r">32</td></tr>
            <tr><td>F</td><td class="c">kernel</td><td class="r"></td></tr>
            </tbody>
            </table></div>
            <p>after</p>

            """)])
    }

    @Test(arguments: ["a | b\nc | d", "| a | b |\n| --- |", "| a |\n| -x- |", "a\n| --- |"])
    func linesThatAreNotATableStayAParagraph(text: String) {
        let html = prose(Notebook(parsing: "# T\n\n\(text)\n", path: "t.md"))
        #expect(html.contains("<p>") && !html.contains("<table>"))
    }

    @Test func tablesInsideListItemsAndQuotesAreFound() {
        let html = prose(Notebook(parsing: "# T\n\n- x\n\n  | a |\n  | - |\n  | 1 |\n\n> | b |\n> | - |\n", path: "t.md"))
        #expect(html.contains("<li>\n<p>x</p>\n<div class=\"md-table\"><table>"))
        #expect(html.contains("<blockquote>\n<div class=\"md-table\"><table>\n<thead>\n<tr><th>b</th>"))
    }

    @Test func rawHTMLInACellIsDroppedLikeAnywhereElse() {
        let html = prose(Notebook(parsing: "# T\n\n| a |\n| - |\n| <script>x</script> |\n", path: "t.md"))
        #expect(html.contains("<table>") && !html.contains("<script>"))
    }

    /// The notebook's prose HTML, in one string.
    func prose(_ notebook: Notebook) -> String {
        notebook.body.map { if case .html(let html) = $0 { html.text } else { "" } }.joined()
    }
}
