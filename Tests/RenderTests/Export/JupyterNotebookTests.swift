import Foundation
import Notebook
import Testing
import TestSupport
@testable import Render
import Outputs

@Suite struct JupyterNotebookTests {
    /// Line by line, as a reader would trim: drop the blank lines at both ends, keep the rest as it is.
    @Test(arguments: ["", "\n\n", " \t\n \u{A0}\n", "text", "\n\n  a\n\n b \n\n\n", "a\r\n\r\n", "\r\n \n x\ny  \n \t",
                      "\n\u{2028}\nz\n\u{2028}", "one\n\ntwo\n"])
    func trimmingBlankLinesKeepsTheLinesBetweenTheFirstAndLastThatAreNotBlank(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        #expect(JupyterNotebook.trimmingBlankLines(text) == lines.joined(separator: "\n"))
    }

    /// The exported notebook, parsed back.
    static func exported(_ executed: ExecutedNotebook = sampleExecutedNotebook()) throws -> [String: Any] {
        let text = JupyterNotebook(executed).render()
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    static func cells(_ notebook: [String: Any]) -> [[String: Any]] {
        notebook["cells"] as? [[String: Any]] ?? []
    }

    static func text(_ value: Any?) -> String {
        (value as? [String])?.joined() ?? (value as? String) ?? ""
    }

    @Test func theNotebookIsNbformat45AndNamesSwift() throws {
        let notebook = try Self.exported()
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        #expect((metadata["kernelspec"] as? [String: String])?["language"] == "swift")
        #expect((metadata["kernelspec"] as? [String: String])?["display_name"] == "Swift")
        #expect((metadata["language_info"] as? [String: String])?["name"] == "swift")
        #expect(metadata["title"] as? String == "Day 03: Convolutional Neural Networks")
    }

    @Test func proseIsMarkdownWithInlineValuesInPlaceAndClaimsMarked() throws {
        let cells = Self.cells(try Self.exported())
        #expect(cells.first?["cell_type"] as? String == "markdown")
        let first = Self.text(cells.first?["source"])
        #expect(first.hasPrefix("# Day 03: Convolutional Neural Networks\n\nA 3×3 conv on a 32×32×3 image has 448 parameters:\n"))
        #expect(first.contains("`#expect(conv.parameterCount == 448)` ✓"))
        #expect(first.contains("`#expect(y.shape == [32, 32, 16])` ✗"))
        #expect(!first.contains("```swift"))
    }

    @Test func cellsAlternateWithProseInDocumentOrder() throws {
        let cells = Self.cells(try Self.exported())
        #expect(cells.map { $0["cell_type"] as? String ?? "" } == [
            "markdown", "code", "code", "markdown", "code", "code", "code", "code", "code",
        ])
        #expect(cells.map { $0["id"] as? String ?? "" } == [
            "markdown-1", "conv", "cell-2", "markdown-2", "cell-3", "cell-4", "cell-5", "cell-6", "cell-7",
        ])
        #expect(cells.compactMap { $0["execution_count"] as? Int } == [1, 2, 3, 4, 5, 6])
        #expect(cells[7]["execution_count"] is NSNull)  // eval: false
        #expect(Self.text(cells[1]["source"]) == "//| label: conv\nlet conv = Conv2D(filters: 16, kernel: 3)\nprint(\"input\", x.shape)\ny.shape\n#expect(y.shape == [30, 30, 16])")
        #expect((cells[2]["metadata"] as? [String: Any])?["jupyter"] as? [String: Bool] == ["source_hidden": true])
    }

    @Test func eachKindOfOutputHasItsJupyterForm() throws {
        let cells = Self.cells(try Self.exported())
        let first = try #require(cells[1]["outputs"] as? [[String: Any]])
        #expect(first.map { $0["output_type"] as? String ?? "" } == ["stream", "execute_result", "display_data"])
        #expect(first[0]["name"] as? String == "stdout")
        #expect(Self.text(first[0]["text"]) == "input [32, 32, 3]\n")
        #expect(first[1]["execution_count"] as? Int == 1)
        let value = try #require(first[1]["data"] as? [String: Any])
        #expect(Self.text(value["text/plain"]) == "[30, 30, 16]")
        #expect(Self.text(value["text/html"]) == "<pre>[30, 30, 16]</pre>")

        let table = try #require((cells[2]["outputs"] as? [[String: Any]])?.first?["data"] as? [String: Any])
        #expect(Self.text(table["text/html"]).contains("<td>&lt;b&gt;x&lt;/b&gt;</td>"))
        #expect(Self.text(table["text/plain"]).contains("Conv2D"))

        // output: false keeps only the failed claim, as an error located in the .md file.
        let hidden = try #require(cells[4]["outputs"] as? [[String: Any]])
        #expect(hidden.map { $0["output_type"] as? String ?? "" } == ["error"])
        #expect(hidden[0]["ename"] as? String == "ExpectationFailed")
        #expect(hidden[0]["evalue"] as? String == "Notebooks/day03.md:27:9: error: expectation failed: 1 == 2")
        #expect((hidden[0]["traceback"] as? [String])?.first == "Notebooks/day03.md:27:9: error: expectation failed: 1 == 2")

        let pictures = try #require(cells[5]["outputs"] as? [[String: Any]])
        let figure = try #require(pictures[0]["data"] as? [String: Any])
        let base64 = try #require(figure["image/png"] as? String)
        let png = try #require(Data(base64Encoded: base64))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(Self.text(figure["text/plain"]) == "2 feature maps of 2×2\npanels: channel 0, channel 1\nscale: −1 to 1")
        let diagram = try #require(pictures[1]["data"] as? [String: Any])
        #expect(Self.text(diagram["image/svg+xml"]).hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\""))

        let failing = try #require(cells[8]["outputs"] as? [[String: Any]])
        #expect(failing.first?["output_type"] as? String == "error")
        #expect(failing.first?["evalue"] as? String == "Notebooks/day03.md:46:9: error: cannot find 'w' in scope")
    }

    @Test func aFigureIsOnePNGWithEveryPanelInAGrid() throws {
        let figure = Figure(style: .rgb, panels: [
            .init(label: "red", width: 1, height: 1, values: [1, 0, 0]),
            .init(label: "blue", width: 1, height: 1, values: [0, 0, 1]),
        ], alt: "two pixels")
        let image = try decodePNGWithPython(FigurePNG.encode(figure))
        // Each 1×1 panel enlarged to 128×128, with 8 white pixels around and between.
        #expect(image.width == 8 + 2 * (128 + 8))
        #expect(image.height == 8 + 128 + 8)
        func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(image.rgb[(y * image.width + x) * 3..<(y * image.width + x) * 3 + 3]) }
        #expect(pixel(0, 0) == [255, 255, 255])
        #expect(pixel(8 + 64, 8 + 64) == [255, 0, 0])
        #expect(pixel(8 + 136 + 64, 8 + 64) == [0, 0, 255])
    }

    @Test func twoExportsAreByteIdentical() {
        #expect(JupyterNotebook(sampleExecutedNotebook()).renderUTF8() == JupyterNotebook(sampleExecutedNotebook()).renderUTF8())
    }

    @Test func cellIdsAreValidAndUnique() {
        var ids = CellIDs()
        #expect(ids.take("cell-2") == "cell-2")
        #expect(ids.take("cell-2") == "cell-2-2")
        #expect(ids.take("é ✓") == "cell")
        #expect(ids.take(String(repeating: "a", count: 80)).count == 56)
    }

    @Test(arguments: [("448", "448"), ("[1, 2]", "\\[1\\, 2\\]"), ("<b>*x*</b>", "\\<b\\>\\*x\\*\\<\\/b\\>"), ("a\n\n# b", "a \\# b")])
    func valuesInProseAreEscapedMarkdown(value: String, markdown: String) {
        #expect(JupyterMarkdown.escape(value) == markdown)
    }

    @Test(arguments: [("a", "`a`"), ("a`b", "``a`b``"), ("`a", "`` `a ``"), ("a\nb", "`a b`")])
    func codeSpansHoldAnyCode(code: String, span: String) {
        #expect(JupyterMarkdown.codeSpan(code) == span)
    }

    /// Markdown without its fenced code blocks and code spans (code is shown as written).
    static func outsideCode(_ markdown: String) -> String {
        var kept: [Substring] = []
        var fenced = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingPrefix(while: { $0 == " " }).hasPrefix("```") {
                fenced.toggle()
                continue
            }
            if !fenced { kept.append(line) }
        }
        return kept.joined(separator: "\n").replacing(/`[^`]*`/, with: "")
    }

    /// Untrusted Markdown and outputs put no script into the notebook: its HTML outputs pass the
    /// pages' audit, and its Markdown holds no tag and no script URL.
    @Test(arguments: ScriptInjectionTests.payloads)
    func noNotebookCarriesScript(payload: String) throws {
        let notebook = try Self.exported(ScriptInjectionTests.executed(payload))
        for cell in Self.cells(notebook) {
            if cell["cell_type"] as? String == "markdown" {
                let source = Self.outsideCode(Self.text(cell["source"]))
                #expect(!source.replacing("\\<", with: "").contains("<"), "\(source)")
                #expect(!source.lowercased().contains("javascript:"), "\(source)")
            }
            for output in cell["outputs"] as? [[String: Any]] ?? [] {
                let data = output["data"] as? [String: Any] ?? [:]
                for key in ["text/html", "image/svg+xml"] where data[key] != nil {
                    #expect(HTMLAudit.problems(in: Self.text(data[key])).filter { !$0.contains("<style>") && !$0.contains("xmlns") } == [],
                            "\(key): \(Self.text(data[key]))")
                }
            }
        }
    }
}
