import Cells
import Testing
@testable import Notebook

@Suite struct NotebookTests {
    @Test func readsCellsHeadingsAndInlineCodeWithTheirPositions() {
        let notebook = Notebook(parsing: """
            # Day 03: CNNs

            A conv layer has `\\(conv.parameterCount)` weights,
            and `#expect(y.shape == [30, 30, 16])` holds.

            ```swift
            //| label: conv
            //| echo: false
            let conv = Conv2D(filters: 16, kernel: 3)
            ```

            ## Inside a list

            - a step:

              ```swift
              let y = conv(x)
              ```

            > ```swift
            > print(y.shape)
            > ```

            ```python
            not_a_cell = 1
            ```

            """, path: "day03.md")
        #expect(notebook.dump == """
            notebook "Day 03: CNNs" (day03.md)
              summary "A conv layer has \\(conv.parameterCount) weights, and #expect(y.shape == [30, 30, 16]) holds."
              heading h1 "Day 03: CNNs" #day-03-cnns line 1
              heading h2 "Inside a list" #inside-a-list line 12
              cell 0 fence 6:1 code line 7 offsets [0, 0, 0] #conv [echo: false, label: conv]
                | //| label: conv
                | //| echo: false
                | let conv = Conv2D(filters: 16, kernel: 3)
              cell 1 fence 16:3 code line 17 offsets [2] #cell-2
                | let y = conv(x)
              cell 2 fence 20:3 code line 21 offsets [2] #cell-3
                | print(y.shape)
              inline 0 value `\\(conv.parameterCount)` 3:19
              inline 1 claim `#expect(y.shape == [30, 30, 16])` 4:6
              body
                <h1 id="day-03-cnns">Day 03: CNNs<a class="anchor" href="#day-03-cnns" aria-label="Link to this section">#</a></h1>
                <p>A conv layer has 
                [inline 0]
                 weights,
                and 
                [inline 1]
                 holds.</p>
                [cell 0]
                <h2 id="inside-a-list">Inside a list<a class="anchor" href="#inside-a-list" aria-label="Link to this section">#</a></h2>
                <ul>
                <li>
                <p>a step:</p>
                [cell 1]
                </li>
                </ul>
                <blockquote>
                [cell 2]
                </blockquote>
                <pre><code class="language-python">not_a_cell = 1
                </code></pre>
            """)
    }

    @Test func windowsLineEndingsReadLikeUnixOnes() throws {
        let notebook = Notebook(parsing: "# T\r\n\r\n- x\r\n\r\n  ```swift\r\n  //| label: a\r\n  //| ech: 1\r\n  let b = 2\r\n  ```\r\n", path: "t.md")
        let cell = try #require(notebook.cells.first)
        #expect(cell.options.label == "a")
        #expect(cell.columnOffsets == [2, 2, 2])
        #expect(cell.displayedCode.hasPrefix("let b = 2"))
        #expect(notebook.diagnostics.map(\.description) == ["t.md:7:7: error: unknown cell option 'ech'; did you mean 'echo'?"])
    }

    @Test func aCellKnowsItsDisplayedCodeWithoutOptionLines() throws {
        let notebook = Notebook(parsing: "# T\n\n```swift\n//| echo: false\nlet a = 1\n```\n", path: "t.md")
        let cell = try #require(notebook.cells.first)
        #expect(cell.displayedCode == "let a = 1\n")
        #expect(cell.displayedFirstLine == 5)
        #expect(cell.optionLineCount == 1)
        #expect(cell.displayedCodeOffset == "//| echo: false\n".utf8.count)
    }

    @Test(arguments: [
        ("let a = 1\n", 0), ("//| echo: false\n//| label: é\nlet a = 1\n", 30), ("//| echo: false\n", 16),
        ("//| echo: false\r\nlet a = 1\r\n", 16),  // cmark gives code blocks LF endings
    ])
    func theDisplayedCodeStartsAfterTheOptionLines(code: String, offset: Int) throws {
        let notebook = Notebook(parsing: "# T\n\n```swift\n\(code)```\n", path: "t.md")
        let cell = try #require(notebook.cells.first)
        #expect(cell.displayedCodeOffset == offset)
    }

    @Test(arguments: [
        ("swift", true), ("swift title=\"x\"", true), ("swift{.x}", true), ("Swift", false),
        ("swiftui", false), ("python", false), ("", false),
    ])
    func onlyFencesWhoseInfoStartsWithTheWordSwiftAreCells(info: String, isCell: Bool) {
        let notebook = Notebook(parsing: "# T\n\n```\(info)\nlet a = 1\n```\n", path: "t.md")
        #expect(notebook.cells.count == (isCell ? 1 : 0))
    }

    @Test func headingAnchorsAreUniqueAndAvoidCellLabels() {
        let notebook = Notebook(parsing: """
            # Pooling
            ## Pooling
            ## Max: 2×2, stride 2!

            ```swift
            //| label: pooling-1
            ```
            """, path: "t.md")
        #expect(notebook.headings.map(\.anchor) == ["pooling", "pooling-2", "max-22-stride-2"])
    }

    @Test func headingTextIncludesCodeAndEmphasis() {
        let notebook = Notebook(parsing: "# Day 03: *Conv* and `Conv2D`\n", path: "t.md")
        #expect(notebook.title == "Day 03: Conv and Conv2D")
    }

    @Test func writtenClaimsCountCellsAndProseButNotCellsThatDoNotRun() {
        let notebook = Notebook(parsing: """
            # T
            Prose `#expect(1 == 1)` and `#require(true)`, not `#expected`.
            ```swift
            #expect(a == 1); #expect(b == 2)
            ```
            ```swift
            //| eval: false
            #expect(c == 3)
            ```
            """, path: "t.md")
        #expect(notebook.writtenClaimCount == 4)
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() {
        let text = "# T\n\n<div class=\"x\">hi</div>\n\nand <b>bold</b>\n"
        let safe = Notebook(parsing: text, path: "t.md").body
        let unsafe = Notebook(parsing: text, path: "t.md", rawHTML: true).body
        #expect(safe.contains(.html("<h1 id=\"t\">T<a class=\"anchor\" href=\"#t\" aria-label=\"Link to this section\">#</a></h1>\n<!-- raw HTML omitted -->\n<p>and <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")))
        #expect(unsafe.contains(.html("<h1 id=\"t\">T<a class=\"anchor\" href=\"#t\" aria-label=\"Link to this section\">#</a></h1>\n<div class=\"x\">hi</div>\n<p>and <b>bold</b></p>\n")))
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: NotebookError.unreadable(path: "/nonexistent/x.md", reason: "no such file or directory")) {
            try Notebook(contentsOf: "/nonexistent/x.md")
        }
        #expect(throws: NotebookError.unreadable(path: "/tmp", reason: "it is a folder")) {
            try Notebook(contentsOf: "/tmp")
        }
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        let path = "/tmp/kernelbook-invalid-utf8.md"
        let bytes: [UInt8] = Array("# T\n\nbad ".utf8) + [0xFF, 0xFE] + Array(" bytes\n".utf8)
        try writeBytes(bytes, to: path)
        let notebook = try Notebook(contentsOf: path)
        #expect(notebook.summary == "bad \u{FFFD}\u{FFFD} bytes")
    }
}
