import Testing
@testable import Notebook

@Suite struct MarkdownWriterTests {
    /// The Markdown pieces, with holes shown as `{cell N}` and `{inline N}`.
    static func written(_ text: String, rawHTML: Bool = false) -> String {
        Notebook(parsing: text, path: "t.md", rawHTML: rawHTML).markdownBody().map { segment in
            switch segment {
            case .markdown(let markdown): markdown
            case .cell(let index): "{cell \(index)}"
            case .inline(let index): "{inline \(index)}"
            }
        }.joined()
    }

    @Test func cellsAndEvaluatedSpansBecomeHolesInDocumentOrder() {
        let text = """
            # Title

            Some *prose* with `\\(a)` and `#expect(a == 1)` and `plain code`.

            ```swift
            let a = 1
            ```

            ```python
            not a cell
            ```

            More.
            """
        #expect(Self.written(text) == """
            # Title

            Some *prose* with {inline 0} and {inline 1} and `plain code`.

            {cell 0}

            ``` python
            not a cell
            ```

            More.

            """)
    }

    @Test func aCellInAListOrAQuoteTakesItsLineWithIt() {
        let text = "# T\n\n- item\n\n  ```swift\n  let a = 1\n  ```\n- next\n\n> quoted\n>\n> ```swift\n> let b = 2\n> ```\n"
        let segments = Notebook(parsing: text, path: "t.md").markdownBody()
        #expect(segments.filter { if case .cell = $0 { true } else { false } } == [.cell(0), .cell(1)])
        let prose = segments.compactMap { if case .markdown(let text) = $0 { text } else { nil } }.joined()
        #expect(!prose.contains("let a") && !prose.contains("let b"))
        #expect(prose.contains("item") && prose.contains("next") && prose.contains("> quoted"))
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<<b>script>alert(1)<</b>/script>",
        "<div>\n<script>alert(1)</script>\n</div>",
    ])
    func rawHTMLIsDroppedAndWhatIsLeftIsText(html: String) {
        let written = Self.written("# T\n\nBefore \(html) after.\n\n\(html)\n")
        // What is left of the tags is text: every '<' escaped.
        #expect(!written.replacing("\\<", with: "").contains("<"), "\(written)")
        #expect(written.contains("Before"))
    }

    @Test func rawHTMLIsKeptWhenTheAuthorAsks() {
        #expect(Self.written("# T\n\n<div class=\"note\">kept</div>\n", rawHTML: true).contains("<div class=\"note\">kept</div>"))
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x73;cript:alert(1)", "vbscript:x", "file:///etc/passwd",
                      "data:text/html,x"])
    func linksToScriptsLoseTheirURL(url: String) {
        let written = Self.written("# T\n\n[a](\(url)) ![b](\(url)) [c][r]\n\n[r]: \(url)\n")
        #expect(!written.lowercased().contains("script:"), "\(written)")
        #expect(!written.contains("file:") && !written.contains("data:text"), "\(written)")
        #expect(written.contains("[a]()"))
    }

    @Test func safeLinksAndImagesStay() {
        let written = Self.written("# T\n\n[a](https://example.org) <https://x.org> ![p](data:image/png;base64,AAAA)\n")
        #expect(written.contains("[a](https://example.org)"))
        #expect(written.contains("<https://x.org>"))
        #expect(written.contains("(data:image/png;base64,AAAA)"))
    }

    /// A code block is written as it is, so it can hold the first rendering's markers.
    @Test(arguments: ["\u{1}kb0c0\u{1}\n\u{1}kb0i0\u{1}", "\u{1}kb0c0\u{1}", "\u{1}kb0i1\u{1}\u{1}kb0123456789012345678901c0\u{1}"])
    func codeThatForgesAMarkerStaysCode(forged: String) {
        let text = "# T\n\n```text\n\(forged)\n```\n\nSee `\\(a)`.\n\n```swift\nlet a = 1\n```\n"
        let segments = Notebook(parsing: text, path: "t.md").markdownBody()
        #expect(segments.filter { if case .markdown = $0 { false } else { true } } == [.inline(0), .cell(0)])
        #expect(Self.written(text).contains(forged))
    }

    @Test func controlCharactersInTextCannotForgeOne() {
        let written = Self.written("# T\n\n\u{1}kb0c0\u{1} `\\(a)`\n")
        #expect(written == "# T\n\n&#1;kb0c0&#1; {inline 0}\n")
    }

    @Test func aNotebookWithoutCellsIsOnePieceOfProse() {
        #expect(Notebook(parsing: "# T\n\nText.\n", path: "t.md").markdownBody() == [.markdown("# T\n\nText.\n")])
    }
}
