import Cells
import Notebook
import Testing
@testable import Render
import Outputs

/// Untrusted Markdown must not put script into a page: no script element, no event handler, no
/// `javascript:` URL, whatever the prose, options or outputs hold.
@Suite struct ScriptInjectionTests {
    static let payloads = [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "[y](JaVaScRiPt:alert(1))",
        "![z](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<svg onload=alert(1)>",
        "<iframe src=\"data:text/html,<script>alert(1)</script>\"></iframe>",
        "\"><script>alert(1)</script>",
    ]

    static func notebook(with payload: String) -> String {
        """
        # Title \(payload)

        Prose \(payload) and `\\(x)` inline.

        - item \(payload)

        > \(payload)

        \(payload)

        ```swift
        //| label: a
        //| caption: \(payload)
        print("\(payload)")
        ```

        ```swift
        //| caption: \(payload)
        let s = "\(payload)"
        ```

        ```\(payload)
        code \(payload)
        ```
        """
    }

    /// Outputs that carry the payload too, as a hostile cell could make them.
    static func executed(_ payload: String) -> ExecutedNotebook {
        let notebook = Notebook(parsing: Self.notebook(with: payload), path: "evil.md")
        var executed = ExecutedNotebook(unexecuted: notebook)
        let here = Outputs.SourceLocation(file: "evil.md", line: 14, column: 1)
        var diagram = ModelDiagram(input: [2, 2, 1])
        diagram.append(payload, shape: [4], parameters: 4)
        diagram.extendLastLabel(with: payload)
        diagram.alt = payload
        executed.cells[0] = ExecutedCell(status: .completed, executionCount: 1, outputs: [
            .text(payload), .value(payload),
            .table(Table(title: payload, columns: [.init(payload)], rows: [[payload]], footer: [payload])),
            .figure(Figure(style: .rgb, panels: [.init(label: payload, width: 1, height: 1, values: [1, 0, 0])],
                           alt: payload)),
            .diagram(diagram),
            .claim(ClaimResult(kind: .expect, condition: payload, location: here, length: 1, passed: false,
                               values: [.init(payload, payload)])),
            .diagnostic(.error(payload, at: here, details: [payload])),
        ])
        executed.inline = [.claim(ClaimResult(kind: .expect, condition: payload, location: here, length: 1, passed: false,
                                              values: [.init(payload, payload)]))]
        return executed
    }

    @Test(arguments: payloads)
    func noPageCarriesScript(payload: String) {
        let html = HTMLPage(Self.executed(payload)).render()
        #expect(HTMLAudit.problems(in: html) == [])
    }

    /// The search page's two scripts are the site's own files; nothing else in any page is script.
    @Test(arguments: payloads)
    func theSiteIndexAndSearchPageCarryNoScriptEither(payload: String) {
        let site = Site([Self.executed(payload)])
        let ownScripts = ["<script src=\"\(SearchIndex.path)\"></script>", "<script src=\"\(SearchScript.path)\"></script>"]
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            var html = String(decoding: bytes, as: UTF8.self)
            if path == SearchPage.fileName {
                for script in ownScripts {
                    #expect(html.contains(script))
                    html = html.replacing(script, with: "")
                }
            }
            #expect(HTMLAudit.problems(in: html) == [], "\(path)")
        }
    }

    /// The index is data in a script: no markup character of the Markdown reaches it unescaped, so
    /// nothing can close the script or open a tag, and the search script shows it only as text.
    @Test(arguments: payloads)
    func theSearchIndexHoldsThePayloadOnlyAsEscapedText(payload: String) {
        let index = String(decoding: Site([Self.executed(payload)]).files[SearchIndex.path]!, as: UTF8.self)
        #expect(!index.contains("<") && !index.contains(">") && !index.contains("&"))
        #expect(index.contains("\\u003c") || !payload.contains("<"))
        #expect(!SearchScript.javascript.contains("innerHTML") && !SearchScript.javascript.contains("insertAdjacentHTML"))
    }

    @Test func rawHTMLIsKeptOnlyWhenTheAuthorAsks() {
        let notebook = Notebook(parsing: "# T\n\n<div class=\"note\">kept</div>\n", path: "t.md", rawHTML: true)
        #expect(HTMLPage(ExecutedNotebook(unexecuted: notebook)).render().contains("<div class=\"note\">kept</div>"))
    }

    @Test(arguments: ["<script>x</script>", "<img src=x onerror=alert(1)>", "<a href=\" javascript:x\">",
                      "<iframe src=y>", "<img src=\"data:text/html,x\">"])
    func theAuditCatchesWhatItLooksFor(html: String) {
        #expect(!HTMLAudit.problems(in: html).isEmpty)
    }

    @Test func everyPageForbidsScriptByPolicyToo() {
        #expect(HTMLPage(Self.executed("x")).render().contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"))
    }
}

/// A strict look at generated HTML: only the elements and attributes Kernelbook and cmark emit, no
/// event handlers, no script URLs.
enum HTMLAudit {
    static let elements: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "link", "body", "header", "nav", "main", "article",
        "section", "div", "span", "a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "li", "pre", "code",
        "em", "strong", "blockquote", "hr", "br", "img", "figure", "figcaption", "table", "caption", "thead",
        "tbody", "tfoot", "tr", "th", "td", "small", "svg", "g", "rect", "polygon", "line", "text",
        "form", "input", "noscript",
    ]
    static let attributes: Set<String> = [
        "lang", "charset", "name", "content", "http-equiv", "rel", "href", "class", "id", "src", "alt", "title",
        "width", "height", "aria-label", "aria-hidden", "colspan", "start", "role", "viewbox", "x", "y", "x1",
        "y1", "x2", "y2", "points", "download", "action", "method", "type", "autocomplete", "placeholder",
        "aria-live",
    ]

    static func problems(in html: String) -> [String] {
        var problems: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("!--") {
                guard let end = rest.range(of: "-->") else { return problems + ["unclosed comment"] }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { return problems + ["unclosed tag"] }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let body = tag.hasPrefix("/") ? tag.dropFirst() : tag
            let name = body.prefix(while: { !$0.isWhitespace && $0 != "/" }).lowercased()
            if !elements.contains(name) { problems.append("element <\(name)>") }
            if name == "style", let end = rest.range(of: "</style>") { rest = rest[end.upperBound...] }
            if name == "!doctype" { continue }
            for (attribute, value) in attributesOf(body.dropFirst(name.count)) {
                if !attributes.contains(attribute) { problems.append("attribute \(attribute) on <\(name)>") }
                let url = value.lowercased().filter { !$0.isWhitespace }
                if (attribute == "href" || attribute == "src"),
                   url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") || (url.hasPrefix("data:") && !url.hasPrefix("data:image/png")) {
                    problems.append("\(attribute)=\(value) on <\(name)>")
                }
            }
        }
        return problems
    }

    /// `name="value"` pairs of a tag (values unescaped only as far as the audit needs).
    static func attributesOf(_ text: Substring) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var rest = text
        while true {
            rest = rest.drop(while: { $0.isWhitespace || $0 == "/" })
            guard !rest.isEmpty else { return pairs }
            let name = rest.prefix(while: { !$0.isWhitespace && $0 != "=" }).lowercased()
            rest = rest.dropFirst(name.count)
            guard rest.first == "=" else {
                pairs.append((name, ""))
                continue
            }
            rest = rest.dropFirst()
            if rest.first == "\"" {
                rest = rest.dropFirst()
                let value = rest.prefix(while: { $0 != "\"" })
                pairs.append((name, String(value)))
                rest = rest.dropFirst(value.count + 1)
            } else {
                let value = rest.prefix(while: { !$0.isWhitespace })
                pairs.append((name, String(value)))
                rest = rest.dropFirst(value.count)
            }
        }
    }
}
